import { CarrierError, type CarrierContext } from '@simops/carrier-sdk'
import type { ReferenceConfig } from './config.js'
import { errorFromFetchFailure, errorFromResponse } from './errors.js'

/** Raw HTTP to the reference carrier: authentication, JSON and error mapping, nothing about cards. */
export interface ReferenceClient {
  get(path: string, signal: AbortSignal): Promise<unknown>
  post(path: string, body: unknown, signal: AbortSignal): Promise<unknown>
}

export function createReferenceClient(config: ReferenceConfig, context: CarrierContext): ReferenceClient {
  const base = config.baseUrl.replace(/\/+$/, '')
  const headers: Record<string, string> = {
    authorization: `Bearer ${config.apiKey}`,
    accept: 'application/json',
    ...(config.accountId ? { 'x-account-id': config.accountId } : {}),
  }

  async function request(
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    signal: AbortSignal,
  ): Promise<unknown> {
    let text: string
    let response: Response
    try {
      response = await context.fetch(`${base}${path}`, {
        method,
        headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal,
      })
      // Reading the body can fail too (aborted or cut connection); it is part of the same request.
      text = await response.text()
    } catch (error) {
      throw errorFromFetchFailure(error, signal)
    }
    if (!response.ok)
      throw errorFromResponse(response.status, text, response.headers.get('retry-after'), context.now())
    try {
      return JSON.parse(text) as unknown
    } catch (error) {
      throw new CarrierError(
        'protocol',
        `the reference carrier answered ${method} ${path} with a body that is not JSON`,
        {
          cause: error,
        },
      )
    }
  }

  return {
    get: (path, signal) => request('GET', path, undefined, signal),
    post: (path, body, signal) => request('POST', path, body, signal),
  }
}
