import type { CarrierContext } from '@simops/carrier-sdk'
import { errorFromFetchFailure, errorFromHttpStatus } from '../errors.js'

/**
 * One HTTP exchange through the platform's fetch, returning the body text of a 2xx answer. Reading the
 * body belongs to the exchange: a connection cut or aborted mid-body fails the same way as no answer.
 */
export async function exchange(
  context: CarrierContext,
  url: string,
  init: RequestInit & { signal: AbortSignal },
  operation: string,
): Promise<string> {
  let response: Response
  let body: string
  try {
    response = await context.fetch(url, init)
    body = await response.text()
  } catch (error) {
    throw errorFromFetchFailure(error, init.signal, operation)
  }
  if (response.status < 200 || response.status > 299) throw errorFromHttpStatus(response.status, operation)
  return body
}
