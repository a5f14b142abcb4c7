import { keyPartsOf, strEnc } from './str-enc.js'

/**
 * Which request parameters' values enter each legacy method's sign (reference §2.2), besides the
 * three every method signs: user id, plain password and method name. Names are never signed, only
 * values, and `identifier` stands for whichever of access_number / iccid / imsi the call carries.
 */
const IDENTIFIER = 'identifier'
const identifierNames = ['access_number', 'iccid', 'imsi'] as const

const signedParamsByMethod: Record<string, readonly string[]> = {
  queryCardMainStatus: [IDENTIFIER],
  queryCardStatus: [IDENTIFIER],
  queryTraffic: [IDENTIFIER],
  queryTrafficOfToday: [IDENTIFIER],
  queryTrafficByDate: [IDENTIFIER],
  realNameQueryIot: [IDENTIFIER],
  getOnlineStatus: [IDENTIFIER],
  getLocationByPhone: [IDENTIFIER],
  prodInstQuery: [IDENTIFIER],
  queryOwe: [IDENTIFIER],
  queryPakage: [IDENTIFIER],
  queryBalance: [IDENTIFIER],
  getTelephone: [IDENTIFIER],
  requestServActive: [IDENTIFIER],
  disabledNumber: ['access_number', 'acctCd', 'orderTypeId'],
  singleCutNet: ['access_number', 'action'],
  offNetAction: ['access_number', 'action', 'quota', 'type'],
  speedLimitAction: ['access_number', 'speedValue', 'action'],
  IMEIReRecord: ['access_number', 'action'],
  getSIMList: [],
  getPoolList: [],
  queryPakagePlus: [],
  forwardFlowPoolMember: ['pageIndex', 'access_number'],
}

export function isSignedMethod(method: string): boolean {
  return Object.hasOwn(signedParamsByMethod, method)
}

/**
 * The values a method's sign covers, or undefined for a method without a known sign rule. A signed
 * parameter that is absent makes the result undefined too: the carrier could not verify such a sign.
 */
export function signedValuesOf(
  method: string,
  params: Readonly<Record<string, string>>,
  userId: string,
  plainPassword: string,
): string[] | undefined {
  const names = signedParamsByMethod[method]
  if (names === undefined) return undefined
  const values = [userId, plainPassword, method]
  for (const name of names) {
    const value =
      name === IDENTIFIER
        ? identifierNames.map((identifier) => params[identifier]).find((found) => found !== undefined)
        : params[name]
    if (value === undefined) return undefined
    values.push(value)
  }
  return values
}

/**
 * strEnc over the values sorted by UTF-16 code units (Array.prototype.sort without a comparator, as
 * Java's Arrays.sort does) and joined with commas. An empty value (acctCd) sorts first and so gives
 * a leading comma, which the carrier expects.
 */
export function legacySign(values: readonly string[], secretKey: string): string {
  return strEnc([...values].sort().join(','), ...keyPartsOf(secretKey))
}
