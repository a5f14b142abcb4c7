import { CarrierError } from '@simops/carrier-sdk'

/** The carrier's error envelope, when the body is one. */
function envelopeOf(body: string): { code?: string; message?: string; retryAfterSeconds?: number } {
  try {
    const parsed: unknown = JSON.parse(body)
    if (typeof parsed !== 'object' || parsed === null) return {}
    const { error, message, retryAfterSeconds } = parsed as Record<string, unknown>
    return {
      ...(typeof error === 'string' ? { code: error } : {}),
      ...(typeof message === 'string' ? { message } : {}),
      ...(typeof retryAfterSeconds === 'number' ? { retryAfterSeconds } : {}),
    }
  } catch {
    return {}
  }
}

/** Retry-After as milliseconds: either delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfterMs(header: string | null, now: Date): number | undefined {
  if (header === null || header.trim() === '') return undefined
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000
  const at = Date.parse(header)
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime())
}

/** Maps a non-2xx answer to the contract's error codes. */
export function errorFromResponse(
  status: number,
  body: string,
  retryAfter: string | null,
  now: Date,
): CarrierError {
  const envelope = envelopeOf(body)
  const carrier = {
    carrierCode: envelope.code ?? `HTTP ${status}`,
    ...(envelope.message ? { carrierMessage: envelope.message } : {}),
  }
  const said = envelope.message ? `: ${envelope.message}` : ''
  if (status === 401 || status === 403)
    return new CarrierError('auth', `the reference carrier refused the API key${said}`, carrier)
  if (status === 404)
    return new CarrierError('notFound', `the reference carrier does not know it${said}`, carrier)
  if (status === 409 && envelope.code === 'LOCKED') {
    const wait = envelope.retryAfterSeconds
    return new CarrierError('locked', `the card changed too recently${said}`, {
      ...carrier,
      ...(wait !== undefined ? { retryAfterMs: wait * 1000 } : {}),
    })
  }
  if (status === 409)
    return new CarrierError('invalidState', `the card's state does not allow this${said}`, carrier)
  if (status === 422) return new CarrierError('rejected', `the reference carrier refused${said}`, carrier)
  if (status === 429) {
    const wait = retryAfterMs(retryAfter, now)
    return new CarrierError('rateLimited', `too many requests to the reference carrier${said}`, {
      ...carrier,
      ...(wait !== undefined ? { retryAfterMs: wait } : {}),
    })
  }
  if (status >= 500)
    return new CarrierError('unavailable', `the reference carrier failed (HTTP ${status})${said}`, carrier)
  // 400 and other 4xx: this plugin sent something the carrier does not accept.
  return new CarrierError(
    'protocol',
    `the reference carrier did not accept the request (HTTP ${status})${said}`,
    carrier,
  )
}

/** Maps a request that got no answer: the call's signal aborting means the caller ran out of time. */
export function errorFromFetchFailure(error: unknown, signal: AbortSignal): CarrierError {
  const name = error instanceof Error ? error.name : ''
  if (signal.aborted || name === 'AbortError' || name === 'TimeoutError')
    return new CarrierError('timeout', 'the reference carrier did not answer in time', { cause: error })
  return new CarrierError('unavailable', 'could not reach the reference carrier', { cause: error })
}
