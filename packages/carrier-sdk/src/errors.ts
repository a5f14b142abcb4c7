/**
 * Every failure a plugin reports is a CarrierError with one of these codes. The set is closed on
 * purpose: the platform decides retries, user messages and HTTP statuses from the code alone.
 */
export const carrierErrorCodes = [
  /** Credentials refused or token could not be obtained. */
  'auth',
  /** The card (or account) does not exist for these credentials. */
  'notFound',
  /** The card's current state does not allow the requested change. */
  'invalidState',
  /** The carrier refused for a business reason (e.g. resume after a carrier-initiated stop). */
  'rejected',
  /** Too many requests; retry after a pause. */
  'rateLimited',
  /** The card was changed too recently; retry after the carrier's lock window. */
  'locked',
  /** The carrier is down or answered with a server error. */
  'unavailable',
  /** No answer in time. */
  'timeout',
  /** The answer could not be understood (malformed body, unexpected envelope). */
  'protocol',
  /** The carrier or this plugin cannot do this. */
  'unsupported',
  /** The platform configuration is unusable (e.g. a malformed base URL). */
  'config',
] as const
export type CarrierErrorCode = (typeof carrierErrorCodes)[number]

const retryableByDefault: ReadonlySet<CarrierErrorCode> = new Set([
  'rateLimited',
  'locked',
  'unavailable',
  'timeout',
])

export interface CarrierErrorOptions {
  /** Whether trying again later may succeed; defaults by code (rateLimited, locked, unavailable, timeout). */
  retryable?: boolean
  /** The carrier's own error code and message, kept for operators. */
  carrierCode?: string
  carrierMessage?: string
  /** How long the carrier asked to wait, when it said so. */
  retryAfterMs?: number
  cause?: unknown
}

export class CarrierError extends Error {
  readonly code: CarrierErrorCode
  readonly retryable: boolean
  readonly carrierCode: string | undefined
  readonly carrierMessage: string | undefined
  readonly retryAfterMs: number | undefined

  constructor(code: CarrierErrorCode, message: string, options: CarrierErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'CarrierError'
    this.code = code
    this.retryable = options.retryable ?? retryableByDefault.has(code)
    this.carrierCode = options.carrierCode
    this.carrierMessage = options.carrierMessage
    this.retryAfterMs = options.retryAfterMs
  }
}

/**
 * True for CarrierErrors, including ones created by another copy of this package (a plugin may
 * bundle its own), which `instanceof` would miss.
 */
export function isCarrierError(error: unknown): error is CarrierError {
  if (error instanceof CarrierError) return true
  if (!(error instanceof Error) || error.name !== 'CarrierError') return false
  const { code, retryable } = error as Error & { code?: unknown; retryable?: unknown }
  return (
    typeof code === 'string' &&
    (carrierErrorCodes as readonly string[]).includes(code) &&
    typeof retryable === 'boolean'
  )
}
