import {
  bytesFrom,
  CarrierError,
  chinaMonthOf,
  type BlockReason,
  type CardInfo,
  type CarrierStatus,
  type DataUnit,
  type Lifecycle,
  type LocalizedText,
  type StateAction,
  type UsageResult,
} from '@simops/carrier-sdk'
import { orderTypes, type OrderTypeId } from './gateway.js'
import { fieldOf, type Envelope } from './wire/envelope.js'

/**
 * China Telecom ↔ the contract: status codes, units, dates and identifiers. This is the only module
 * that knows what the carrier's fields mean.
 */

interface StatusRow {
  lifecycle: Lifecycle
  block: BlockReason | null
  label: LocalizedText
  /** JetLinks' name for the status, for operators comparing the two consoles. */
  jetlinks: string
}

/** productMainStatusCd, shared by both API generations (reference §2.7). */
export const statusTable: Readonly<Record<string, StatusRow>> = {
  '1': {
    lifecycle: 'ready',
    block: null,
    label: { 'zh-CN': '可激活', en: 'Ready to activate' },
    jetlinks: 'beActivated',
  },
  '2': {
    lifecycle: 'test',
    block: null,
    label: { 'zh-CN': '测试激活', en: 'Test period, active' },
    jetlinks: 'testActivation',
  },
  '3': {
    lifecycle: 'test_suspended',
    block: null,
    label: { 'zh-CN': '测试去激活', en: 'Test period, deactivated' },
    jetlinks: 'testToActivation',
  },
  '4': { lifecycle: 'active', block: null, label: { 'zh-CN': '在用', en: 'In use' }, jetlinks: 'using' },
  '5': {
    lifecycle: 'suspended',
    block: null,
    label: { 'zh-CN': '停机', en: 'Suspended' },
    jetlinks: 'deactivate',
  },
  // The carrier holds the card; the customer cannot resume it.
  '6': {
    lifecycle: 'suspended',
    block: 'operator_admin',
    label: { 'zh-CN': '运营商管理状态', en: 'Held by the carrier' },
    jetlinks: 'operatorManagement',
  },
  '7': {
    lifecycle: 'terminated',
    block: null,
    label: { 'zh-CN': '拆机', en: 'Terminated' },
    jetlinks: 'disassemble',
  },
}

/** 5G netBlockStatusName: the data connection is cut while the lifecycle stays as it is. */
const DATA_CUT_NAME = '已断网'

function malformed(what: string): CarrierError {
  return new CarrierError('protocol', `China Telecom sent an unexpected reply: ${what}`)
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The form every CT API takes: the first 19 digits (the check character is dropped). */
export function apiIccidOf(iccid: string): string | undefined {
  const normalised = iccid.trim().toUpperCase()
  return /^8986\d{15}[0-9A-Z]?$/.test(normalised) ? normalised.slice(0, 19) : undefined
}

export function toCarrierStatus(
  code: string,
  carrierName: string | undefined,
): {
  lifecycle: Lifecycle
  block: BlockReason | null
  carrierStatus: CarrierStatus
} {
  const row = Object.hasOwn(statusTable, code) ? statusTable[code] : undefined
  // The carrier's own wording is kept verbatim; the table's zh text only fills in when it sends none.
  const zh = carrierName?.trim() || row?.label['zh-CN'] || `未知状态 ${code}`
  if (!row)
    return {
      lifecycle: 'unknown',
      block: null,
      carrierStatus: { code, label: { 'zh-CN': zh, en: `Unknown status ${code}` } },
    }
  return {
    lifecycle: row.lifecycle,
    block: row.block,
    carrierStatus: { code, label: { 'zh-CN': zh, en: row.label.en } },
  }
}

/** getTelephone's answer (RESULT/SMSG): the access number. */
export function accessNumberFrom(envelope: Envelope): string {
  const number = String(fieldOf(envelope.reply, 'SMSG') ?? '').trim()
  if (!/^\d{11,13}$/.test(number))
    throw malformed(`getTelephone gave ${JSON.stringify(number)}, not an access number`)
  return number
}

/** queryCardMainStatus → CardInfo for the ICCID as the platform asked for it. */
export function toCardInfo(iccid: string, accessNumber: string, envelope: Envelope): CardInfo {
  const products = fieldOf(envelope.reply, 'productInfo')
  const product: unknown = Array.isArray(products) ? products[0] : undefined
  if (!isRecord(product)) throw malformed('queryCardMainStatus has no productInfo entry')
  const code = product.productMainStatusCd
  if (typeof code !== 'string' && typeof code !== 'number') throw malformed('productMainStatusCd is missing')
  const name = typeof product.productMainStatusName === 'string' ? product.productMainStatusName : undefined
  const status = toCarrierStatus(String(code), name)
  const dataCut = fieldOf(envelope.reply, 'netBlockStatusName') === DATA_CUT_NAME
  return {
    iccid,
    msisdn: accessNumber,
    imsi: null,
    imei: null,
    lifecycle: status.lifecycle,
    carrierStatus: status.carrierStatus,
    block: status.block ?? (dataCut ? 'data_cut' : null),
    activatedAt: null,
    platformType: null,
  }
}

/** What one state change is on the wire: requestServActive, or disabledNumber with its order type. */
export type StateChangeCall =
  { method: 'requestServActive' } | { method: 'disabledNumber'; orderTypeId: OrderTypeId }

/**
 * The carrier call for an action from the card's observed lifecycle. Test-period cards stop and
 * resume with their own order types (21/22); a resume that meets a 可激活 card (100008) falls back to
 * requestServActive, which the connection handles.
 */
export function stateChangeCallOf(action: StateAction, from: Lifecycle): StateChangeCall | undefined {
  if (action === 'activate') return from === 'ready' ? { method: 'requestServActive' } : undefined
  if (action === 'suspend') {
    if (from === 'active') return { method: 'disabledNumber', orderTypeId: orderTypes.suspend }
    if (from === 'test') return { method: 'disabledNumber', orderTypeId: orderTypes.suspendTestPeriod }
    return undefined
  }
  if (from === 'suspended') return { method: 'disabledNumber', orderTypeId: orderTypes.resume }
  if (from === 'test_suspended') return { method: 'disabledNumber', orderTypeId: orderTypes.resumeTestPeriod }
  return undefined
}

/** GROUP_TRANSACTIONID / groupTransactionId when the reply carries one: the reference for support. */
export function transactionIdOf(envelope: Envelope): string | null {
  const id = fieldOf(envelope.reply, 'GROUP_TRANSACTIONID') ?? fieldOf(envelope.reply, 'groupTransactionId')
  return typeof id === 'string' && id.trim() !== '' ? id.trim() : null
}

const UNIT_TEXT = /^\s*(\d+(?:\.\d+)?)\s*(B|KB|MB|GB|TB)\s*$/i

/** "12.50MB", "0.00KB", "3GB" → bytes (binary multiples); null when the text is no figure with a unit. */
export function bytesFromUnitText(text: string): number | null {
  const match = UNIT_TEXT.exec(text)
  if (!match) return null
  return bytesFrom(match[1], (match[2] ?? '').toUpperCase() as DataUnit)
}

/** queryTraffic (XML, TOTAL_BYTES_CNT with a unit suffix) → month-to-date usage. */
export function toUsageResult(envelope: Envelope, now: Date): UsageResult {
  const total = fieldOf(envelope.reply, 'TOTAL_BYTES_CNT')
  const usedBytes = typeof total === 'string' ? bytesFromUnitText(total) : null
  if (usedBytes === null)
    throw malformed(`TOTAL_BYTES_CNT ${JSON.stringify(total)} is not a figure with a unit`)
  const period = chinaMonthOf(now)
  return {
    periodStart: period.start,
    periodEnd: period.end,
    usedBytes,
    // queryTraffic reports use only; the package allowance needs queryPakage, which this plugin does not read.
    totalBytes: null,
    remainingBytes: null,
    asOf: now,
    daily: null,
  }
}

/** disabledNumber 20 answers 100008 when the card is actually 可激活: it needs requestServActive instead. */
export function needsActivationInstead(error: CarrierError, call: StateChangeCall): boolean {
  return (
    call.method === 'disabledNumber' &&
    call.orderTypeId === orderTypes.resume &&
    error.carrierCode === '100008'
  )
}
