import { CarrierError, type CarrierErrorCode } from '@simops/carrier-sdk'
import { SUCCESS } from './protocol.js'

/**
 * Gateway-level refusals (`status` ≠ "0000"). The gateway's codes are undocumented, so the class is
 * read from its message, first matching rule wins; the raw code and message travel with the error.
 */
const gatewayRules: ReadonlyArray<{ pattern: RegExp; code: CarrierErrorCode; means: string }> = [
  {
    pattern: /频繁|流控|限流|频率|rate.?limit|too many|throttl/i,
    code: 'rateLimited',
    means: 'the gateway is limiting requests',
  },
  {
    pattern: /token|sign|签名|app_?id|应用|secret|密钥|timestamp|时间戳|open_?id|创建者|鉴权|认证|auth/i,
    code: 'auth',
    means: 'the gateway refused the credentials (app_id, App Secret, openId or clock)',
  },
  {
    pattern: /trans_?id|报文|参数|param|format|格式/i,
    code: 'protocol',
    means: 'the gateway did not accept the request',
  },
]

export function errorFromGateway(status: string, message: string): CarrierError {
  const rule = gatewayRules.find(({ pattern }) => pattern.test(message))
  const carrier = { carrierCode: status, carrierMessage: message }
  // Anything else is treated as a passing gateway failure; the platform retries it a bounded number of times.
  if (!rule)
    return new CarrierError('unavailable', `the Unicom gateway failed (${status}): ${message}`, carrier)
  return new CarrierError(rule.code, `${rule.means} (${status}): ${message}`, carrier)
}

/** What a business `resultCode` means for the caller. */
export type ResultVerdict =
  | { kind: 'success' }
  /** The card (or config) is already what was asked: a change that needs no doing. */
  | { kind: 'alreadyDone' }
  /** Meaning unknown (one integrator treats it as success): re-read the card and decide from what it shows. */
  | { kind: 'verify' }
  | { kind: 'failed'; error: CarrierError }

const resultKinds: Readonly<Record<string, 'success' | 'alreadyDone' | 'verify'>> = {
  [SUCCESS]: 'success',
  /** Card already in the target status. */
  '1193': 'alreadyDone',
  /** Network-access config already the target. */
  '6079': 'alreadyDone',
  E004: 'alreadyDone',
  '9017': 'verify',
  '1044': 'verify',
}

export function classifyResult(resultCode: string, resultDesc: string | undefined): ResultVerdict {
  const kind = Object.hasOwn(resultKinds, resultCode) ? resultKinds[resultCode] : undefined
  if (kind) return { kind }
  // Unclassified business refusals are permanent: retrying the same request cannot change the answer.
  const said = resultDesc ? `: ${resultDesc}` : ''
  return {
    kind: 'failed',
    error: new CarrierError(
      'rejected',
      `China Unicom refused the request (resultCode ${resultCode})${said}`,
      {
        carrierCode: resultCode,
        ...(resultDesc ? { carrierMessage: resultDesc } : {}),
      },
    ),
  }
}

/** A non-2xx HTTP answer: the gateway normally answers 200 and reports failures in the envelope. */
export function errorFromHttp(status: number, body: string): CarrierError {
  const carrier = { carrierCode: `HTTP ${status}`, carrierMessage: body.slice(0, 200) }
  if (status === 401 || status === 403)
    return new CarrierError('auth', `the Unicom gateway refused access (HTTP ${status})`, carrier)
  if (status === 429)
    return new CarrierError('rateLimited', 'the Unicom gateway is limiting requests (HTTP 429)', carrier)
  if (status === 404)
    return new CarrierError(
      'config',
      'the Unicom gateway has no such API (HTTP 404): check the base URL and API version',
      carrier,
    )
  if (status >= 500)
    return new CarrierError('unavailable', `the Unicom gateway failed (HTTP ${status})`, carrier)
  return new CarrierError(
    'protocol',
    `the Unicom gateway did not accept the request (HTTP ${status})`,
    carrier,
  )
}

/** A request that got no answer: the call's signal aborting means the caller ran out of time. */
export function errorFromFetchFailure(error: unknown, signal: AbortSignal): CarrierError {
  const name = error instanceof Error ? error.name : ''
  if (signal.aborted || name === 'AbortError' || name === 'TimeoutError')
    return new CarrierError('timeout', 'the Unicom gateway did not answer in time', { cause: error })
  return new CarrierError('unavailable', 'could not reach the Unicom gateway', { cause: error })
}

/** An answer that is not the gateway's envelope. */
export function malformed(what: string, cause?: unknown): CarrierError {
  return new CarrierError('protocol', `the Unicom gateway sent an unexpected answer: ${what}`, {
    ...(cause === undefined ? {} : { cause }),
  })
}
