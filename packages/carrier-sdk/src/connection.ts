import type { BlockReason, CarrierStatus, Lifecycle, StateAction } from './lifecycle.js'

/** Passed with every call: the platform aborts the signal on timeout or shutdown. */
export interface CallContext {
  signal: AbortSignal
}

export interface HealthCheckInput {
  /** A card to read as part of the test, when the operator gave one. */
  sampleIccid?: string
}

export interface HealthCheckResult {
  /** What was checked, for the operator (e.g. "token issued; card 8986… read"). */
  detail: string
}

export interface GetCardsInput {
  /** At most `limits.batchSize.getCards` ICCIDs; the platform chunks longer lists. */
  iccids: readonly string[]
}

/** What the carrier says about one card. Identifiers the carrier does not report are null. */
export interface CardInfo {
  iccid: string
  msisdn: string | null
  imsi: string | null
  imei: string | null
  lifecycle: Lifecycle
  carrierStatus: CarrierStatus
  /** A carrier-side hold, where the carrier reports one with the status. */
  block: BlockReason | null
  activatedAt: Date | null
  /** Sub-platform or account type, where the carrier has several (e.g. OneLink CT/PB). */
  platformType: string | null
}

export type CardLookup = { iccid: string; found: true; card: CardInfo } | { iccid: string; found: false }

export interface GetCardsResult {
  /** One entry per requested ICCID, in the requested order. */
  cards: CardLookup[]
}

export interface ChangeStateInput {
  iccid: string
  action: StateAction
  /** The card's lifecycle as last observed; carriers whose operation codes depend on it need this. */
  from: Lifecycle
}

export interface ChangeStateResult {
  /**
   * `applied`: the carrier reports the new state already; `pending`: accepted and applied later
   * (most carriers), to be confirmed by reading the card again.
   */
  outcome: 'applied' | 'pending'
  /** The carrier's order/job/transaction reference, for support tickets. */
  carrierRef: string | null
}

export interface GetUsageInput {
  iccid: string
}

export interface UsageResult {
  /** The billing period the figures belong to (carriers differ: calendar month, 27th–26th…). */
  periodStart: Date
  periodEnd: Date
  /** Data used in the period so far, in bytes. */
  usedBytes: number
  /** Allowance of the package(s), in bytes, or null when the carrier reports none. */
  totalBytes: number | null
  remainingBytes: number | null
  /** When the carrier's figures were current (some carriers lag by a day). */
  asOf: Date
  /** Per-day usage in the period, where the carrier offers it; days are YYYY-MM-DD in China time. */
  daily: Array<{ day: string; bytes: number }> | null
}

export interface GetStopReasonInput {
  iccid: string
}

export interface StopReasonResult {
  /** Who stopped the card: the customer (resumable) or the carrier/system for a reason. */
  initiator: 'customer' | 'carrier' | 'unknown'
  block: BlockReason | null
  /** The carrier's wording. */
  text: string | null
  /** Whether a resume request can succeed. */
  resumable: boolean
}

export const paymentMethods = ['ALIPAY_WAP', 'ALIPAY_WEB', 'WEIXIN_JSAPI', 'WEIXIN_NATIVE'] as const
export type PaymentMethod = (typeof paymentMethods)[number]

export interface RechargeInput {
  /** The carrier account to top up. */
  accountId: string
  /** Amount in fen (1 元 = 100 fen). */
  amountFen: number
  paymentMethod: PaymentMethod
  /** Where the payment page sends the payer afterwards. */
  returnUrl?: string
}

export interface RechargeResult {
  orderNo: string
  paymentUrl: string
  /** When the payment link stops working, if the carrier says. */
  expiresAt: Date | null
}

export interface RechargeStatusInput {
  orderNo: string
}

export interface RechargeStatusResult {
  status: 'pending' | 'paid' | 'failed'
  paidAt: Date | null
}

/**
 * A live connection to one carrier account. `healthCheck` and `getCards` are always there; each other
 * method exists exactly when the matching capability is declared (the platform checks both ways).
 */
export interface CarrierConnection {
  healthCheck(input: HealthCheckInput, call: CallContext): Promise<HealthCheckResult>
  getCards(input: GetCardsInput, call: CallContext): Promise<GetCardsResult>
  changeState?(input: ChangeStateInput, call: CallContext): Promise<ChangeStateResult>
  getUsage?(input: GetUsageInput, call: CallContext): Promise<UsageResult>
  getStopReason?(input: GetStopReasonInput, call: CallContext): Promise<StopReasonResult>
  recharge?(input: RechargeInput, call: CallContext): Promise<RechargeResult>
  getRechargeStatus?(input: RechargeStatusInput, call: CallContext): Promise<RechargeStatusResult>
  /** Releases timers or sockets; called when the platform config changes or the server stops. */
  close?(): Promise<void>
}

/** The optional methods, keyed by the capability that promises them. */
export const capabilityMethods = {
  changeState: 'changeState',
  usage: 'getUsage',
  stopReason: 'getStopReason',
  recharge: 'recharge',
  rechargeStatus: 'getRechargeStatus',
} as const satisfies Record<string, keyof CarrierConnection>
export type CapabilityName = keyof typeof capabilityMethods
