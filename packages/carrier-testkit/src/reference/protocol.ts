/**
 * The wire format of the SimOps reference carrier: JSON over HTTP, `Authorization: Bearer <apiKey>`,
 * optional `X-Account-Id`. Shared by the plugin (which parses answers against it, never trusting
 * them) and the simulator (which produces them). It is this project's own dialect, not a real carrier's.
 *
 *   GET  /v1/health                      → WireHealth
 *   POST /v1/cards/query {iccids}        → { cards: WireCard[] } (known cards only, in the carrier's order)
 *   POST /v1/cards/{iccid}/state {action} → 202 WireStateChange
 *   GET  /v1/cards/{iccid}/usage         → WireUsage (figures in KB)
 *   GET  /v1/cards/{iccid}/stop-reason   → WireStopReason
 *   POST /v1/recharges                   → 201 WireRecharge
 *   GET  /v1/recharges/{orderNo}         → WireRechargeStatus
 *   GET  /pay/{orderNo}                  → the payer's HTML page (no key needed)
 *
 * Failures answer with a WireError body: 400 BAD_REQUEST, 401 UNAUTHORIZED, 404 NOT_FOUND,
 * 409 INVALID_STATE or LOCKED, 422 REJECTED, 429 RATE_LIMITED (with Retry-After), 5xx INTERNAL.
 */

export const wireStatuses = [
  'INVENTORY',
  'TEST',
  'READY',
  'ACTIVE',
  'SUSPENDED',
  'PENDING_TERMINATION',
  'TERMINATED',
] as const
export type WireStatus = (typeof wireStatuses)[number]

export const wireActions = ['ACTIVATE', 'SUSPEND', 'RESUME'] as const
export type WireAction = (typeof wireActions)[number]

/** Why the carrier stopped a card itself. */
export const wireBlockCodes = ['DATA_CAP', 'BALANCE', 'REAL_NAME', 'EXPIRED'] as const
export type WireBlockCode = (typeof wireBlockCodes)[number]

export const wirePaymentMethods = ['ALIPAY_WAP', 'ALIPAY_WEB', 'WEIXIN_JSAPI', 'WEIXIN_NATIVE'] as const
export type WirePaymentMethod = (typeof wirePaymentMethods)[number]

export interface WireHealth {
  ok: true
  accountId: string
  time: string
}

export interface WireCard {
  iccid: string
  msisdn: string
  imsi: string
  imei: string | null
  status: WireStatus
  /** Set when the carrier itself stopped or restricted the card. */
  blockCode: WireBlockCode | null
  activatedAt: string | null
}

export interface WireStateChange {
  requestId: string
  /** APPLIED when the simulator applies changes at once (applyDelayMs 0), PENDING otherwise. */
  status: 'PENDING' | 'APPLIED'
}

export interface WireUsage {
  periodStart: string
  periodEnd: string
  /** Used in the period so far, in KB (1024 bytes), possibly fractional. */
  usedKb: number
  /** The package allowance in KB, or null without a package. */
  packageKb: number | null
  asOf: string
}

export interface WireStopReason {
  /** Who stopped the card; null when it is not stopped. */
  stoppedBy: 'CUSTOMER' | 'CARRIER' | null
  blockCode: WireBlockCode | null
  text: string | null
  resumable: boolean
}

export interface WireRechargeRequest {
  accountId: string
  amountFen: number
  paymentMethod: WirePaymentMethod
  returnUrl?: string
}

export interface WireRecharge {
  orderNo: string
  paymentUrl: string
  expiresAt: string
}

export interface WireRechargeStatus {
  orderNo: string
  status: 'PENDING' | 'PAID' | 'FAILED'
  paidAt: string | null
}

export type WireErrorCode =
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'NOT_FOUND'
  | 'INVALID_STATE'
  | 'LOCKED'
  | 'REJECTED'
  | 'RATE_LIMITED'
  | 'INTERNAL'

export interface WireError {
  error: WireErrorCode
  message: string
  /** With LOCKED: how long until the card may change again. */
  retryAfterSeconds?: number
}
