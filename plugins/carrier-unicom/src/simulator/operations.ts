import { formatBeijingDateTime, formatGatewayTimestamp } from '../beijing-time.js'
import {
  apiNames,
  CHANGE_TYPE_SIM_STATUS,
  MAX_DETAILS_ICCIDS,
  simStatuses,
  SUCCESS,
  type ReplyData,
  type RequestData,
  type WireTerminal,
} from '../protocol.js'
import type { SimulatedUnicom } from './carrier.js'
import type { SimulatedCard } from './inventory.js'
import { businessCodes, type BusinessCode } from './wire-codes.js'

/** How the next wsEditTerminal answers when a 9017/1044 fault is queued: the edit is made all the same. */
export type EditQuirk = '9017' | '1044'

const MB = 1024 ** 2
const date = (ms: number | null) => (ms === null ? '' : formatBeijingDateTime(new Date(ms)))

/** The full terminal record as the gateway sends it: every field text, misspellings included. */
export function toWireTerminal(card: SimulatedCard): WireTerminal {
  const terminal: WireTerminal = {
    iccid: card.iccid,
    imsi: card.imsi,
    msisdn: card.msisdn,
    imei: card.imei,
    simStatus: card.simStatus,
    ratePlan: card.ratePlan,
    dateActivated: date(card.dateActivated),
    dateAdded: date(card.dateAdded),
    dateShipped: date(card.dateShipped),
    dateModified: date(card.dateModified),
    monthToDateUsage: String(card.usedBytes / MB),
    // MB as text; the binary fraction is written out exactly, so bytes convert back without loss.
    monthToDateDataUsage: String(card.usedBytes / MB),
    monthToDateSMSUsage: '0',
    monthToDateSMSUsageMO: '0',
    monthToDateVoiceUsage: '0',
    monthToDateVoiceUsageMO: '0',
    realNameStatus: card.realNameStatus,
    lockStatus: card.lockStatus,
    networkType: card.simStatus === '2' ? '4G' : '',
    ctdSessionCount: String(card.ctdSessionCount),
    overageLimitReached: String(card.overageLimitReached),
    overageLimitOverride: 'DEFAULT',
    deviceId: '',
    modemId: '',
    accountId: '100000001',
    fixedIpAddress: '',
    secureSimId: '',
    simNotes: '',
    Customer: '',
  }
  for (let n = 1; n <= 5; n++) {
    terminal[`customerCustom${n}`] = ''
    terminal[`operatorCustom${n}`] = ''
    terminal[`provinceCusutom${n}`] = ''
  }
  for (let n = 1; n <= 10; n++) terminal[`fieldValue${n}`] = ''
  return terminal
}

type BusinessAnswer = { code: BusinessCode | null; fields: Record<string, unknown> }

const ok = (fields: Record<string, unknown>): BusinessAnswer => ({ code: null, fields })
const fail = (code: BusinessCode): BusinessAnswer => ({ code, fields: {} })

function details(carrier: SimulatedUnicom, data: RequestData): BusinessAnswer {
  const iccids = data.iccids
  if (!Array.isArray(iccids) || !iccids.every((iccid) => typeof iccid === 'string'))
    return fail(businessCodes.badParameter)
  if (iccids.length > MAX_DETAILS_ICCIDS) return fail(businessCodes.tooManyIccids)
  return ok({ terminals: carrier.details(iccids as string[]).map(toWireTerminal) })
}

function edit(carrier: SimulatedUnicom, data: RequestData, quirk: EditQuirk | undefined): BusinessAnswer {
  const { iccid, changeType, targetValue, asynchronous } = data
  if (typeof iccid !== 'string' || iccid === '') return fail(businessCodes.badParameter)
  if (String(changeType) !== CHANGE_TYPE_SIM_STATUS) return fail(businessCodes.unsupportedChange)
  const target = simStatuses.find((status) => status === String(targetValue))
  if (target === undefined || (asynchronous !== undefined && !['0', '1'].includes(String(asynchronous))))
    return fail(businessCodes.badParameter)
  const outcome = carrier.editStatus(iccid, target, String(asynchronous ?? '0') === '1')
  switch (outcome.kind) {
    case 'unknownIccid':
      return fail(businessCodes.unknownIccid)
    case 'alreadyInTarget':
      return fail(businessCodes.alreadyInTarget)
    case 'noRights':
      return fail(businessCodes.noRights)
    case 'refused':
      return fail(businessCodes.transitionRefused)
    case 'accepted': {
      if (quirk === undefined) return ok({ iccid, effectiveDate: date(outcome.effectiveAt) })
      // The odd codes come with a real change behind them.
      carrier.applyNow(iccid)
      return quirk === '9017' ? fail(businessCodes.verify9017) : fail(businessCodes.verify1044)
    }
  }
}

/** The business operations by API name (the path without the `/v{apiVersion}` suffix). */
export const operations: Readonly<
  Record<
    string,
    (carrier: SimulatedUnicom, data: RequestData, quirk: () => EditQuirk | undefined) => BusinessAnswer
  >
> = {
  [apiNames.terminalDetails]: (carrier, data) => details(carrier, data),
  [apiNames.editTerminal]: (carrier, data, quirk) => edit(carrier, data, quirk()),
}

/** The business layer of a reply: echoes messageId and version, adds resultCode and the gateway's time. */
export function businessReply(request: RequestData, answer: BusinessAnswer, now: number): ReplyData {
  return {
    messageId: request.messageId,
    version: request.version,
    resultCode: answer.code?.resultCode ?? SUCCESS,
    ...(answer.code ? { resultDesc: answer.code.resultDesc } : {}),
    timestamp: formatGatewayTimestamp(new Date(now)),
    ...answer.fields,
  }
}
