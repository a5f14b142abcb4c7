import {
  bytesFrom,
  CarrierError,
  type BlockReason,
  type CardInfo,
  type CardLookup,
  type CarrierStatus,
  type Lifecycle,
  type LocalizedText,
  type StateAction,
  type UsageResult,
} from '@simops/carrier-sdk'
import { parseBeijingTime } from './beijing-time.js'
import { billingCycleOf } from './billing-cycle.js'
import { malformed } from './errors.js'
import {
  TARGET_ACTIVATED,
  TARGET_DEACTIVATED,
  type ReplyData,
  type SimStatus,
  type WireTerminal,
} from './protocol.js'

/** Every `simStatus` on the unified lifecycle, with the CMP's own wording and the Jasper name. */
export const simStatusTable: Readonly<Record<SimStatus, { lifecycle: Lifecycle; label: LocalizedText }>> = {
  '0': { lifecycle: 'test', label: { 'zh-CN': '可测试', en: 'Test ready (TEST_READY)' } },
  '1': { lifecycle: 'ready', label: { 'zh-CN': '可激活', en: 'Activation ready (ACTIVATION_READY)' } },
  '2': { lifecycle: 'active', label: { 'zh-CN': '已激活', en: 'Activated (ACTIVATED)' } },
  '3': { lifecycle: 'suspended', label: { 'zh-CN': '已停用', en: 'Deactivated (DEACTIVATED)' } },
  '4': { lifecycle: 'terminated', label: { 'zh-CN': '已失效', en: 'Retired (RETIRED)' } },
  '5': { lifecycle: 'terminated', label: { 'zh-CN': '已清除', en: 'Purged (PURGED)' } },
  '6': { lifecycle: 'terminated', label: { 'zh-CN': '已更换', en: 'Replaced (REPLACED)' } },
  '7': { lifecycle: 'inventory', label: { 'zh-CN': '库存', en: 'Inventory (INVENTORY)' } },
  '8': { lifecycle: 'ready', label: { 'zh-CN': '开始', en: 'Activation pending (ACTIVATION_PENDANT)' } },
  '9': { lifecycle: 'pending_termination', label: { 'zh-CN': '预清除', en: 'Pending purge' } },
}

/** A status this plugin does not know stays visible as `unknown` rather than failing every read. */
export function toStatus(code: string): { lifecycle: Lifecycle; carrierStatus: CarrierStatus } {
  const known = Object.hasOwn(simStatusTable, code) ? simStatusTable[code as SimStatus] : undefined
  if (known) return { lifecycle: known.lifecycle, carrierStatus: { code, label: known.label } }
  return {
    lifecycle: 'unknown',
    carrierStatus: { code, label: { 'zh-CN': `未知状态 ${code}`, en: `Unknown status ${code}` } },
  }
}

/** The simStatus wsEditTerminal (changeType 3) is asked for: 2 activates and resumes, 3 suspends. */
export const targetStatusOf: Readonly<Record<StateAction, SimStatus>> = {
  activate: TARGET_ACTIVATED,
  resume: TARGET_ACTIVATED,
  suspend: TARGET_DEACTIVATED,
}

/** Where each action leaves a card, in lifecycle terms. */
export const targetLifecycleOf: Readonly<Record<StateAction, Lifecycle>> = {
  activate: 'active',
  resume: 'active',
  suspend: 'suspended',
}

/** The gateway's booleans arrive as text, in either case. */
const isTrue = (value: string | undefined) => value?.trim().toLowerCase() === 'true'

/** A carrier hold: the overage limit reached cuts data; real-name required but not done blocks the card. */
export function toBlock(terminal: WireTerminal): BlockReason | null {
  if (isTrue(terminal.overageLimitReached)) return 'data_cap'
  if (terminal.realNameStatus?.trim() === '1') return 'real_name'
  return null
}

const textOrNull = (value: string | undefined) => (value === undefined || value.trim() === '' ? null : value)

function readTerminal(value: unknown, index: number): WireTerminal {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw malformed(`terminals[${index}] is not an object`)
  const fields = value as Record<string, unknown>
  if (typeof fields.iccid !== 'string' || fields.iccid === '')
    throw malformed(`terminals[${index}] has no iccid`)
  // Every field is documented as an optional string; numbers and booleans are read as their text.
  const terminal: WireTerminal = { iccid: fields.iccid }
  for (const [name, field] of Object.entries(fields))
    if (typeof field === 'string' || typeof field === 'number' || typeof field === 'boolean')
      terminal[name] = String(field)
  return terminal
}

/** The terminals of a wsGetTerminalDetails answer; an absent list means none of the cards is known. */
export function readTerminals(data: ReplyData): WireTerminal[] {
  const list = data.terminals
  if (list === undefined || list === null) return []
  if (!Array.isArray(list)) throw malformed('data.terminals is not a list')
  return list.map(readTerminal)
}

export function toCardInfo(terminal: WireTerminal): CardInfo {
  return {
    iccid: terminal.iccid,
    msisdn: textOrNull(terminal.msisdn),
    imsi: textOrNull(terminal.imsi),
    imei: textOrNull(terminal.imei),
    ...toStatus(terminal.simStatus?.trim() ?? ''),
    block: toBlock(terminal),
    activatedAt: parseBeijingTime(terminal.dateActivated ?? ''),
    platformType: null,
  }
}

/** One lookup per requested ICCID, in the requested order; the gateway lists only the cards it knows. */
export function toCardLookups(
  requested: readonly string[],
  terminals: readonly WireTerminal[],
): CardLookup[] {
  const known = new Map(terminals.map((terminal) => [terminal.iccid, terminal]))
  return requested.map((iccid) => {
    const terminal = known.get(iccid)
    return terminal ? { iccid, found: true, card: toCardInfo(terminal) } : { iccid, found: false }
  })
}

/**
 * Cycle-to-date usage. `monthToDateDataUsage` is MB as text, counted over the carrier's billing
 * cycle; the cycle and `asOf` follow the gateway's own clock (its answer timestamp) when it gives one.
 */
export function toUsage(
  terminal: WireTerminal,
  replyTimestamp: string,
  fallbackNow: Date,
  billingCycleStartDay: number,
): UsageResult {
  const raw = terminal.monthToDateDataUsage ?? ''
  // A blank figure means nothing used yet this cycle.
  const usedBytes = raw.trim() === '' ? 0 : bytesFrom(raw, 'MB')
  if (usedBytes === null)
    throw new CarrierError(
      'protocol',
      `the Unicom gateway sent monthToDateDataUsage ${JSON.stringify(raw)}, which is not a figure in MB`,
    )
  const asOf = parseBeijingTime(replyTimestamp) ?? fallbackNow
  const cycle = billingCycleOf(asOf, billingCycleStartDay)
  return {
    periodStart: cycle.start,
    periodEnd: cycle.end,
    usedBytes,
    // wsGetTerminalDetails carries no package allowance.
    totalBytes: null,
    remainingBytes: null,
    asOf,
    daily: null,
  }
}
