import type { CarrierContext } from '@simops/carrier-sdk'
import { errorFromEnvelope } from '../errors.js'
import type { CtwingGateway, OrderTypeId } from '../gateway.js'
import type { LegacySettings } from '../settings.js'
import { envelopeOf, type Envelope } from '../wire/envelope.js'
import { exchange } from '../wire/http.js'
import { parseLegacyReply } from './parse.js'
import { legacySign, signedValuesOf } from './sign.js'
import { keyPartsOf, strEnc } from './str-enc.js'

/** Service actions some clients send to app/serviceAccept.do; everything else goes to query.do. */
const serviceAcceptMethods = new Set(['speedLimitAction', 'orderFlow', 'unsubScribe', 'IMEIReRecord'])

export function endpointOf(method: string): string {
  return serviceAcceptMethods.has(method) ? 'app/serviceAccept.do' : 'query.do'
}

/**
 * The query string of one legacy call: method, user id, strEnc'd password and sign, then the method's
 * own parameters. Both are recomputed on every call, as the carrier expects.
 */
export function legacyQuery(
  settings: LegacySettings,
  method: string,
  params: Record<string, string>,
): URLSearchParams {
  const values = signedValuesOf(method, params, settings.userId, settings.password)
  if (values === undefined)
    throw new Error(`no sign rule for legacy method ${method} with ${Object.keys(params).join(', ')}`)
  const [userName, passwordName] =
    settings.paramStyle === 'userId' ? ['userId', 'password'] : ['user_id', 'passWord']
  return new URLSearchParams({
    method,
    [userName]: settings.userId,
    [passwordName]: strEnc(settings.password, ...keyPartsOf(settings.secretKey)),
    sign: legacySign(values, settings.secretKey),
    ...params,
  })
}

/** The legacy m2m_ec API (GET …/query.do?method=…) behind the generation-neutral gateway. */
export function createLegacyGateway(settings: LegacySettings, context: CarrierContext): CtwingGateway {
  const keys = keyPartsOf(settings.secretKey)

  async function call(
    method: string,
    params: Record<string, string>,
    signal: AbortSignal,
  ): Promise<Envelope> {
    const url = `${settings.baseUrl}${endpointOf(method)}?${legacyQuery(settings, method, params).toString()}`
    const body = await exchange(context, url, { method: 'GET', headers: { accept: '*/*' }, signal }, method)
    const envelope = envelopeOf(parseLegacyReply(body, keys))
    if (!envelope.ok) throw errorFromEnvelope(envelope, method, context.now())
    return envelope
  }

  return {
    generation: 'legacy',
    getTelephone: (iccid, signal) => call('getTelephone', { iccid }, signal),
    queryCardMainStatus: (accessNumber, signal) =>
      call('queryCardMainStatus', { access_number: accessNumber, queryDropCard: 'true' }, signal),
    requestServActive: (accessNumber, signal) =>
      call('requestServActive', { access_number: accessNumber }, signal),
    disabledNumber: (accessNumber, orderTypeId: OrderTypeId, signal) =>
      // acctCd must be present and empty; its empty value leads the sign string with a comma.
      call('disabledNumber', { access_number: accessNumber, acctCd: '', orderTypeId }, signal),
    queryTraffic: (iccid, signal) => call('queryTraffic', { iccid, needDtl: '0' }, signal),
  }
}
