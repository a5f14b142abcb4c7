import { BadRequest, readRequestText } from '@simops/carrier-testkit/simulation'
import type { IncomingMessage, ServerResponse } from 'node:http'

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json;charset=UTF-8' })
  response.end(JSON.stringify(body))
}

/** The JSON body of a request, or BadRequest when it is too large or not JSON. */
export async function readJson(request: IncomingMessage): Promise<unknown> {
  const text = await readRequestText(request)
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw new BadRequest('body is not JSON')
  }
}
