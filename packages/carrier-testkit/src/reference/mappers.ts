import {
  bytesFrom,
  type BlockReason,
  type CardInfo,
  type CardLookup,
  type CarrierStatus,
  type ChangeStateResult,
  type Lifecycle,
  type LocalizedText,
  type RechargeResult,
  type RechargeStatusResult,
  type StateAction,
  type StopReasonResult,
  type UsageResult,
} from '@simops/carrier-sdk'
import {
  dateOf,
  malformed,
  numberOf,
  objectOf,
  oneOf,
  optionalDateOf,
  optionalTextOf,
  textOf,
} from './parse.js'
import { wireBlockCodes, type WireAction, type WireBlockCode, type WireStatus } from './protocol.js'

/** The carrier's statuses on the unified lifecycle, with the carrier's own wording. */
const statuses: Record<WireStatus, { lifecycle: Lifecycle; label: LocalizedText }> = {
  INVENTORY: { lifecycle: 'inventory', label: { 'zh-CN': '库存', en: 'In inventory' } },
  TEST: { lifecycle: 'test', label: { 'zh-CN': '测试期', en: 'Testing' } },
  READY: { lifecycle: 'ready', label: { 'zh-CN': '待激活', en: 'Ready to activate' } },
  ACTIVE: { lifecycle: 'active', label: { 'zh-CN': '已激活', en: 'Active' } },
  SUSPENDED: { lifecycle: 'suspended', label: { 'zh-CN': '已停机', en: 'Suspended' } },
  PENDING_TERMINATION: {
    lifecycle: 'pending_termination',
    label: { 'zh-CN': '预销户', en: 'Pending termination' },
  },
  TERMINATED: { lifecycle: 'terminated', label: { 'zh-CN': '已销户', en: 'Terminated' } },
}

const blocks: Record<WireBlockCode, BlockReason> = {
  DATA_CAP: 'data_cap',
  BALANCE: 'balance',
  REAL_NAME: 'real_name',
  EXPIRED: 'expired',
}

const actions: Record<StateAction, WireAction> = {
  activate: 'ACTIVATE',
  suspend: 'SUSPEND',
  resume: 'RESUME',
}

export function toWireAction(action: StateAction): WireAction {
  return actions[action]
}

/** A status this plugin does not know yet stays visible as `unknown` rather than failing every read. */
function toStatus(code: string): { lifecycle: Lifecycle; carrierStatus: CarrierStatus } {
  const known = Object.hasOwn(statuses, code) ? statuses[code as WireStatus] : undefined
  if (known) return { lifecycle: known.lifecycle, carrierStatus: { code, label: known.label } }
  return {
    lifecycle: 'unknown',
    carrierStatus: { code, label: { 'zh-CN': `未知状态 ${code}`, en: `Unknown status ${code}` } },
  }
}

function toBlock(value: unknown): BlockReason | null {
  if (value === null || value === undefined) return null
  // A hold this plugin does not know is still a hold.
  return (wireBlockCodes as readonly unknown[]).includes(value) ? blocks[value as WireBlockCode] : 'other'
}

function toCardInfo(value: unknown, index: number): CardInfo {
  const what = `cards[${index}]`
  const wire = objectOf(value, what)
  return {
    iccid: textOf(wire.iccid, `${what}.iccid`),
    msisdn: optionalTextOf(wire.msisdn, `${what}.msisdn`),
    imsi: optionalTextOf(wire.imsi, `${what}.imsi`),
    imei: optionalTextOf(wire.imei, `${what}.imei`),
    ...toStatus(textOf(wire.status, `${what}.status`)),
    block: toBlock(wire.blockCode),
    activatedAt: optionalDateOf(wire.activatedAt, `${what}.activatedAt`),
    platformType: null,
  }
}

/** One lookup per requested ICCID, in the requested order; the carrier lists only the cards it knows. */
export function toCardLookups(requested: readonly string[], body: unknown): CardLookup[] {
  const list = objectOf(body, 'the card query answer').cards
  if (!Array.isArray(list)) throw malformed('cards is not a list')
  const known = new Map(
    list.map((entry, index) => toCardInfo(entry, index)).map((card) => [card.iccid, card]),
  )
  return requested.map((iccid) => {
    const card = known.get(iccid)
    return card ? { iccid, found: true, card } : { iccid, found: false }
  })
}

export function toHealthDetail(body: unknown, sample: { iccid: string; found: boolean } | undefined): string {
  const health = objectOf(body, 'the health answer')
  const accountId = textOf(health.accountId, 'accountId')
  const card = sample ? `; card ${sample.iccid} ${sample.found ? 'read' : 'not found'}` : ''
  return `API key accepted for account ${accountId}${card}`
}

export function toChangeStateResult(body: unknown): ChangeStateResult {
  const change = objectOf(body, 'the state change answer')
  const status = oneOf(change.status, ['PENDING', 'APPLIED'], 'status')
  return {
    outcome: status === 'APPLIED' ? 'applied' : 'pending',
    carrierRef: textOf(change.requestId, 'requestId'),
  }
}

export function toUsageResult(body: unknown): UsageResult {
  const usage = objectOf(body, 'the usage answer')
  // The carrier reports kilobytes; the contract speaks bytes.
  const usedBytes = bytesFrom(numberOf(usage.usedKb, 'usedKb'), 'KB')
  if (usedBytes === null) throw malformed(`usedKb ${JSON.stringify(usage.usedKb)} is not a data figure`)
  const totalBytes = usage.packageKb === null ? null : bytesFrom(numberOf(usage.packageKb, 'packageKb'), 'KB')
  return {
    periodStart: dateOf(usage.periodStart, 'periodStart'),
    periodEnd: dateOf(usage.periodEnd, 'periodEnd'),
    usedBytes,
    totalBytes,
    remainingBytes: totalBytes === null ? null : Math.max(0, totalBytes - usedBytes),
    asOf: dateOf(usage.asOf, 'asOf'),
    daily: null,
  }
}

export function toStopReasonResult(body: unknown): StopReasonResult {
  const reason = objectOf(body, 'the stop reason answer')
  const stoppedBy =
    reason.stoppedBy === null ? null : oneOf(reason.stoppedBy, ['CUSTOMER', 'CARRIER'], 'stoppedBy')
  const resumable = reason.resumable
  if (typeof resumable !== 'boolean') throw malformed('resumable is not true or false')
  return {
    initiator: stoppedBy === 'CUSTOMER' ? 'customer' : stoppedBy === 'CARRIER' ? 'carrier' : 'unknown',
    block: toBlock(reason.blockCode),
    text: optionalTextOf(reason.text, 'text'),
    resumable,
  }
}

export function toRechargeResult(body: unknown): RechargeResult {
  const order = objectOf(body, 'the recharge answer')
  return {
    orderNo: textOf(order.orderNo, 'orderNo'),
    paymentUrl: textOf(order.paymentUrl, 'paymentUrl'),
    expiresAt: optionalDateOf(order.expiresAt, 'expiresAt'),
  }
}

export function toRechargeStatusResult(body: unknown): RechargeStatusResult {
  const order = objectOf(body, 'the recharge status answer')
  const status = oneOf(order.status, ['PENDING', 'PAID', 'FAILED'], 'status')
  return {
    status: status === 'PAID' ? 'paid' : status === 'FAILED' ? 'failed' : 'pending',
    paidAt: optionalDateOf(order.paidAt, 'paidAt'),
  }
}
