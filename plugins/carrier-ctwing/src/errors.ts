import { CarrierError, chinaMonthOf, type CarrierErrorCode } from '@simops/carrier-sdk'
import type { Envelope } from './wire/envelope.js'

/**
 * China Telecom's failures → CarrierError codes (reference §5), as data: the first rule that matches
 * decides. Anything no rule knows is the carrier refusing for a reason of its own (`rejected`), with
 * its code and text kept for the operator.
 */
interface ClassificationRule {
  /** Why this rule exists, for the error message. */
  meaning: string
  code: CarrierErrorCode
  /** Only bare plain-text replies (the legacy API answers auth failures with a bare number). */
  bareOnly?: boolean
  codes?: readonly string[]
  messagePattern?: RegExp
  /** The per-card monthly cap lifts at the start of the next month, China time. */
  waitUntilNextMonth?: boolean
}

export const classificationRules: readonly ClassificationRule[] = [
  {
    meaning: 'the legacy API refused the user id, password or sign',
    code: 'auth',
    bareOnly: true,
    codes: ['-1', '-2', '-3', '-4'],
  },
  {
    meaning: 'the card is not bound to this account',
    code: 'notFound',
    messagePattern: /没有绑定/,
  },
  {
    meaning: "the card's monthly call cap for this operation is used up",
    code: 'rateLimited',
    codes: ['-5'],
    waitUntilNextMonth: true,
  },
  {
    meaning: 'the card is in a state this operation does not apply to',
    code: 'invalidState',
    codes: ['100008'],
  },
  {
    meaning: 'the gateway refused the AppKey, Sign or Timestamp (check the keys and the clock)',
    code: 'auth',
    messagePattern: /签名|时间戳|appkey|\bsign\b|timestamp/i,
  },
]

/** Milliseconds from `now` to the first instant of the next calendar month in China time. */
export function msUntilNextChinaMonth(now: Date): number {
  return chinaMonthOf(now).end.getTime() - now.getTime()
}

function matches(rule: ClassificationRule, envelope: Envelope): boolean {
  if (rule.bareOnly && envelope.reply.format !== 'text') return false
  const byCode = rule.codes?.includes(envelope.code) ?? false
  const byMessage = rule.messagePattern?.test(envelope.message) ?? false
  return byCode || byMessage
}

/** The CarrierError for a reply whose envelope says it failed. */
export function errorFromEnvelope(envelope: Envelope, operation: string, now: Date): CarrierError {
  const rule = classificationRules.find((candidate) => matches(candidate, envelope))
  const carrier = { carrierCode: envelope.code, carrierMessage: envelope.message }
  const said = envelope.message ? ` (${envelope.code ? `${envelope.code}: ` : ''}${envelope.message})` : ''
  if (!rule) return new CarrierError('rejected', `China Telecom refused ${operation}${said}`, carrier)
  return new CarrierError(rule.code, `${operation}: ${rule.meaning}${said}`, {
    ...carrier,
    ...(rule.waitUntilNextMonth ? { retryAfterMs: msUntilNextChinaMonth(now) } : {}),
  })
}

/** A non-2xx HTTP answer: 5xx means the carrier is down; 401/403/429 say what they say. */
export function errorFromHttpStatus(status: number, operation: string): CarrierError {
  const carrier = { carrierCode: `HTTP ${status}` }
  if (status >= 500)
    return new CarrierError('unavailable', `China Telecom failed ${operation} (HTTP ${status})`, carrier)
  if (status === 401 || status === 403)
    return new CarrierError(
      'auth',
      `China Telecom refused the credentials for ${operation} (HTTP ${status})`,
      carrier,
    )
  if (status === 429)
    return new CarrierError(
      'rateLimited',
      `China Telecom asked to slow down (${operation}, HTTP 429)`,
      carrier,
    )
  return new CarrierError('protocol', `China Telecom did not accept ${operation} (HTTP ${status})`, carrier)
}

/** A request that got no answer: an aborted call signal means the caller ran out of time. */
export function errorFromFetchFailure(error: unknown, signal: AbortSignal, operation: string): CarrierError {
  const name = error instanceof Error ? error.name : ''
  if (signal.aborted || name === 'AbortError' || name === 'TimeoutError')
    return new CarrierError('timeout', `China Telecom did not answer ${operation} in time`, { cause: error })
  return new CarrierError('unavailable', `could not reach China Telecom for ${operation}`, { cause: error })
}
