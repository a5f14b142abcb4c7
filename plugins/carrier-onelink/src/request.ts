/** How business calls travel: OneLink accepts a query string (GET) or a JSON body (POST) on every path. */
export type HttpMethod = 'GET' | 'POST'

/** Parameters of one call; OneLink sends and expects every value as a string. */
export type WireParams = Record<string, string>

export interface BuiltRequest {
  url: string
  init: { method: HttpMethod; headers: Record<string, string>; body?: string }
}

/** The token call: always GET with appid, password and transid in the query string (never log its URL). */
export function buildTokenRequest(
  baseUrl: string,
  credentials: { appId: string; password: string },
  transid: string,
): BuiltRequest {
  const query = new URLSearchParams({ appid: credentials.appId, password: credentials.password, transid })
  return {
    url: `${baseUrl}/get/token?${query}`,
    init: { method: 'GET', headers: { accept: 'application/json' } },
  }
}

/**
 * A business call: `transid` and `token` (never `appid`) plus the call's parameters, as query
 * parameters for GET or JSON body fields for POST.
 */
export function buildBusinessRequest(
  baseUrl: string,
  method: HttpMethod,
  path: string,
  auth: { transid: string; token: string },
  params: WireParams,
): BuiltRequest {
  const fields = { transid: auth.transid, token: auth.token, ...params }
  if (method === 'GET')
    return {
      url: `${baseUrl}${path}?${new URLSearchParams(fields)}`,
      init: { method, headers: { accept: 'application/json' } },
    }
  return {
    url: `${baseUrl}${path}`,
    init: {
      method,
      headers: { accept: 'application/json', 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(fields),
    },
  }
}

/** The plural selector of a batch call: values joined by `_`, never an array. */
export function joinSelector(values: readonly string[]): string {
  return values.join('_')
}
