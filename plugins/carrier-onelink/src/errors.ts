import { CarrierError, type CarrierErrorCode } from '@simops/carrier-sdk'

/**
 * OneLink answer codes → contract error codes. No public full table exists, so this is data, kept
 * in one place to extend as codes are confirmed. Evidence: [H] several integrations agree, [M] one
 * source or quoted doc text, [L] a reseller's OneLink-style document, [S] the code the SimOps
 * simulator uses where OneLink's own is unknown (confirm against the real manual).
 */
export interface ErrorRule {
  /** The envelope or row `status`. */
  code?: string
  /** Matched against the message when the code alone does not tell (e.g. the lock window). */
  message?: RegExp
  kind: CarrierErrorCode
  meaning: string
}

export const errorRules: readonly ErrorRule[] = [
  { code: '12021', kind: 'auth', meaning: 'token missing or expired [H]' },
  { code: '71', kind: 'rateLimited', meaning: 'flow-control limit exceeded [M]' },
  { code: '12098', kind: 'rejected', meaning: 'resume refused: stop not customer-initiated [L]' },
  { code: '12099', kind: 'rejected', meaning: 'resume refused: package expired [L]' },
  { code: '12100', kind: 'rejected', meaning: 'resume refused: quota or pool exhausted [L]' },
  // The lock refusal cites the 3- or 30-minute rule; its code is unknown, so the message decides.
  { message: /\d+\s*分钟内/, kind: 'locked', meaning: 'card changed within the lock window [M]' },
  { code: '12009', kind: 'locked', meaning: 'card changed within the lock window [S]' },
  { code: '12001', kind: 'auth', meaning: 'appid or password refused [S]' },
  { code: '12002', kind: 'protocol', meaning: 'request parameters refused (selector rule, formats) [S]' },
  { code: '12003', kind: 'protocol', meaning: 'transid refused [S]' },
  { code: '12006', kind: 'notFound', meaning: 'card unknown or not owned by this EC [S]' },
  { code: '12007', kind: 'invalidState', meaning: 'the card’s status does not allow this operType [S]' },
  { code: '12008', kind: 'unsupported', meaning: 'operType not supported [S]' },
  { code: '12010', kind: 'protocol', meaning: 'more than 100 cards in one batch [S]' },
  { code: '12011', kind: 'notFound', meaning: 'recharge order unknown [S]' },
  { code: '12012', kind: 'notFound', meaning: 'account unknown [S]' },
]

function ruleFor(code: string, message: string): ErrorRule | undefined {
  return (
    errorRules.find((rule) => rule.message !== undefined && rule.message.test(message)) ??
    errorRules.find((rule) => rule.code === code)
  )
}

/** The wait a lock refusal implies: the minutes its message cites. */
function lockWaitMs(message: string): number | undefined {
  const minutes = /(\d+)\s*分钟/.exec(message)?.[1]
  return minutes === undefined ? undefined : Number(minutes) * 60_000
}

/**
 * The CarrierError for a non-zero `status` (envelope or batch row). Codes not in the table are kept
 * verbatim and reported as `rejected`: OneLink refused, for a reason this plugin does not know yet.
 */
export function errorFromStatus(code: string, message: string, during: string): CarrierError {
  const carrier = { carrierCode: code, carrierMessage: message }
  const rule = ruleFor(code, message)
  const said = `OneLink answered ${during} with ${code} ${message}`
  if (!rule) return new CarrierError('rejected', `${said} (code not in this plugin's table)`, carrier)
  if (rule.kind === 'locked') {
    const wait = lockWaitMs(message)
    return new CarrierError('locked', `${said}: ${rule.meaning}`, {
      ...carrier,
      ...(wait === undefined ? {} : { retryAfterMs: wait }),
    })
  }
  return new CarrierError(rule.kind, `${said}: ${rule.meaning}`, carrier)
}

/**
 * A refused token request. Its code for wrong credentials is unknown, so any refusal other than
 * flow control means the appid/password pair is unusable.
 */
export function errorFromTokenRefusal(code: string, message: string): CarrierError {
  const error = errorFromStatus(code, message, 'the token request')
  if (error.code === 'rateLimited') return error
  return new CarrierError('auth', `OneLink refused the appid/password: ${code} ${message}`, {
    carrierCode: code,
    carrierMessage: message,
  })
}

/** OneLink answers HTTP 200 to everything it understood; anything else is the transport failing. */
export function errorFromHttpStatus(status: number, during: string): CarrierError {
  if (status >= 500) return new CarrierError('unavailable', `OneLink failed ${during} (HTTP ${status})`)
  if (status === 429) return new CarrierError('rateLimited', `OneLink throttled ${during} (HTTP 429)`)
  return new CarrierError('protocol', `OneLink answered ${during} with HTTP ${status}`)
}

/** A request that got no answer: the call's signal aborting means the caller ran out of time. */
export function errorFromFetchFailure(error: unknown, signal: AbortSignal, during: string): CarrierError {
  const name = error instanceof Error ? error.name : ''
  if (signal.aborted || name === 'AbortError' || name === 'TimeoutError')
    return new CarrierError('timeout', `OneLink did not answer ${during} in time`, { cause: error })
  return new CarrierError('unavailable', `could not reach OneLink ${during}`, { cause: error })
}

/** An answer that is not what OneLink documents. */
export function malformed(what: string): CarrierError {
  return new CarrierError('protocol', `OneLink sent an unexpected answer: ${what}`)
}
