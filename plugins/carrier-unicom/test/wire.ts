import { buildRequest, endpointOf } from '../src/client.js'
import type { ApiName, RequestEnvelope } from '../src/protocol.js'
import type { UnicomSimulator } from '../src/simulator/index.js'

/** Raw gateway calls against a simulator, for tests of the wire itself. */
export async function postRaw(
  simulator: UnicomSimulator,
  apiName: ApiName,
  fields: Record<string, unknown>,
  change: (request: RequestEnvelope) => unknown = (request) => request,
  apiVersion = 'V1.1',
): Promise<{ http: number; body: Record<string, unknown> }> {
  const request = buildRequest(
    { ...simulator, baseUrl: simulator.url, apiVersion, dataVersion: '1.0' },
    fields,
    new Date(),
  )
  const response = await fetch(endpointOf(simulator.url, apiName, apiVersion), {
    method: 'POST',
    headers: { 'content-type': 'application/json;charset=UTF-8' },
    body: JSON.stringify(change(request)),
  })
  return { http: response.status, body: (await response.json()) as Record<string, unknown> }
}

export function dataOf(body: Record<string, unknown>): Record<string, unknown> {
  const data = body.data
  if (typeof data !== 'object' || data === null) throw new Error(`no data in ${JSON.stringify(body)}`)
  return data as Record<string, unknown>
}
