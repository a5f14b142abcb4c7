import {
  bytesFrom,
  type BlockReason,
  type CarrierStatus,
  type Lifecycle,
  type LocalizedText,
  type PaymentMethod,
  type StateAction,
} from '@simops/carrier-sdk'
import { parseChinaTime } from './china-time.js'

/**
 * OneLink ↔ contract: the only module that knows OneLink's status codes, operType numbers, stop
 * reason bits, units and payment codes. Evidence tags as in errors.ts.
 */

/** The two back ends behind one API; `query/sim-platform/batch` says which holds a card. */
export type Platform = 'CT' | 'PB'

interface StatusRow {
  lifecycle: Lifecycle
  label: LocalizedText
  block: BlockReason | null
  /** The status says the number does not exist (PB 99): the card is reported as not found. */
  numberGone?: true
}

const row = (lifecycle: Lifecycle, zh: string, en: string, block: BlockReason | null = null): StatusRow => ({
  lifecycle,
  label: { 'zh-CN': zh, en },
  block,
})

/** OneLink-CT `cardStatus` [H]. 3 and 5 are not used. */
export const ctStatuses: Readonly<Record<string, StatusRow>> = {
  '1': row('ready', '待激活', 'Ready to activate'),
  '2': row('active', '已激活', 'Active'),
  '4': row('suspended', '停机', 'Suspended'),
  '6': row('test', '可测试', 'Testable'),
  '7': row('inventory', '库存', 'In stock'),
  '8': row('pending_termination', '预销户', 'Pending termination'),
  '9': row('terminated', '已销户', 'Terminated'),
}

/** OneLink-PB `cardStatus` [M, one source]. */
export const pbStatuses: Readonly<Record<string, StatusRow>> = {
  '00': row('active', '正常', 'Normal'),
  '01': row('suspended', '单向停机', 'One-way suspended', 'other'),
  '02': row('suspended', '停机', 'Suspended'),
  '03': row('pending_termination', '预销号', 'Pending termination'),
  '04': row('terminated', '销号', 'Terminated'),
  // 过户 (transferred to another owner): gone from this account [low confidence].
  '05': row('terminated', '过户', 'Transferred'),
  '06': row('suspended', '休眠', 'Dormant', 'dormant'),
  '07': row('ready', '待激活', 'Ready to activate'),
  '99': { ...row('unknown', '号码不存在', 'Number does not exist'), numberGone: true },
}

/** `platformType` as OneLink writes it ("OneLink-CT" / "OneLink-PB"); null when it says neither. */
export function toPlatform(platformType: string | null | undefined): Platform | null {
  const text = (platformType ?? '').toUpperCase()
  if (/(^|[^A-Z])PB$/.test(text)) return 'PB'
  if (/(^|[^A-Z])CT$/.test(text)) return 'CT'
  return null
}

/**
 * A raw `cardStatus` on the unified lifecycle, with OneLink's label. The platform decides the table;
 * without it, the code's length does (PB codes have two digits, CT codes one).
 */
export function toCardStatus(
  code: string,
  platform: Platform | null,
): { lifecycle: Lifecycle; carrierStatus: CarrierStatus; block: BlockReason | null; numberGone: boolean } {
  const table = (platform ?? (code.length === 2 ? 'PB' : 'CT')) === 'PB' ? pbStatuses : ctStatuses
  const known = Object.hasOwn(table, code) ? table[code] : undefined
  if (!known)
    return {
      lifecycle: 'unknown',
      carrierStatus: { code, label: { 'zh-CN': `未知状态 ${code}`, en: `Unknown status ${code}` } },
      block: null,
      numberGone: false,
    }
  return {
    lifecycle: known.lifecycle,
    carrierStatus: { code, label: known.label },
    block: known.block,
    numberGone: known.numberGone === true,
  }
}

/**
 * Single-card `operType` of `change/sim-status` (23S03) [H] for each action and the state it starts
 * from. The batch API (23S06) numbers the same moves differently and is not used for single changes.
 */
export const singleOperTypes: Readonly<Record<StateAction, Partial<Record<Lifecycle, string>>>> = {
  activate: { ready: '6', inventory: '2', test: '5' },
  suspend: { active: '0' },
  resume: { suspended: '1' },
}

/** The operType for a move, or undefined when OneLink has no operation for it. */
export function toOperType(action: StateAction, from: Lifecycle): string | undefined {
  return singleOperTypes[action][from]
}

/** A OneLink data figure (KB, as a string; `" "` means no usage or no package) in bytes. */
export function kbToBytes(value: unknown): { bytes: number; reported: boolean } | null {
  if (value === ' ' || value === '' || value === undefined || value === null)
    return { bytes: 0, reported: false }
  const bytes = bytesFrom(typeof value === 'number' || typeof value === 'string' ? value : null, 'KB')
  return bytes === null ? null : { bytes, reported: true }
}

/** A Beijing-time stamp from OneLink, or null for blanks and unreadable text. */
export function toDate(value: unknown): Date | null {
  return typeof value === 'string' ? parseChinaTime(value) : null
}

/**
 * `stopReason` of 25S02 [M, one source]: 12 characters of 0 and 2, each position one reason; several
 * may be set at once. Only 主动（申请）停机 is the customer's doing; the others are carrier stops that
 * OneLink refuses to resume.
 */
const stopReasonBits: ReadonlyArray<{
  position: number
  byCustomer: boolean
  block: BlockReason | null
  label: string
}> = [
  { position: 0, byCustomer: false, block: 'expired', label: '窄带网商品到期失效停机' },
  { position: 1, byCustomer: false, block: 'imei_mismatch', label: '机卡分离停机' },
  { position: 3, byCustomer: false, block: 'operator_admin', label: 'M2M 管理停机' },
  { position: 4, byCustomer: false, block: 'balance', label: '信控双向停机' },
  { position: 8, byCustomer: true, block: null, label: '主动（申请）双向停机' },
  { position: 9, byCustomer: false, block: 'other', label: '区域限制（位置固定）管理型停机' },
  { position: 10, byCustomer: false, block: 'operator_admin', label: '强制双向停机' },
]

export interface StopReason {
  initiator: 'customer' | 'carrier' | 'unknown'
  block: BlockReason | null
  text: string | null
  resumable: boolean
}

export function toStopReason(bits: string, description: string | null): StopReason {
  const code = bits.trim()
  if (!/^[02]{12}$/.test(code) || !code.includes('2'))
    // All zeros: not stopped, or OneLink has no reason on record.
    return { initiator: 'unknown', block: null, text: description, resumable: false }
  const set = [...code].flatMap((bit, position) => (bit === '2' ? [position] : []))
  const reasons = set.map(
    (position) =>
      stopReasonBits.find((known) => known.position === position) ?? {
        position,
        byCustomer: false,
        block: 'other' as const,
        label: `停机原因位 ${position + 1}`,
      },
  )
  const carrierReasons = reasons.filter((reason) => !reason.byCustomer)
  return {
    initiator: carrierReasons.length === 0 ? 'customer' : 'carrier',
    block: carrierReasons[0]?.block ?? null,
    text: description ?? reasons.map((reason) => reason.label).join('；'),
    resumable: carrierReasons.length === 0,
  }
}

/** The contract's payment methods as OneLink spells them (hyphenated) in `paymentType`. */
export const paymentTypes: Readonly<Record<PaymentMethod, string>> = {
  ALIPAY_WAP: 'ALIPAY-WAP',
  ALIPAY_WEB: 'ALIPAY-WEB',
  WEIXIN_JSAPI: 'WEIXIN-JSAPI',
  WEIXIN_NATIVE: 'WEIXIN-NATIVE',
}

/** fen → `chargeMoney` in 元 with two decimals, without floating-point rounding. */
export function fenToYuan(fen: number): string {
  if (!Number.isInteger(fen) || fen < 0) throw new RangeError(`amount ${fen} is not a whole number of fen`)
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`
}

/**
 * Recharge order states of 23B03 [S: field and values are the SimOps simulator's, unconfirmed]:
 * 1 待支付, 2 支付成功, 3 支付失败.
 */
export function toRechargeStatus(orderStatus: string): 'pending' | 'paid' | 'failed' | undefined {
  return ({ '1': 'pending', '2': 'paid', '3': 'failed' } as const)[orderStatus as '1' | '2' | '3']
}
