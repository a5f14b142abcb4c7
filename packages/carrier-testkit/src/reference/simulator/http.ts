import type { IncomingMessage, ServerResponse } from 'node:http'
import { BadRequest, readRequestText } from '../../request-body.js'
import type { WireError, WireErrorCode } from '../protocol.js'

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body)
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
  response.end(text)
}

export function sendError(
  response: ServerResponse,
  status: number,
  error: WireErrorCode,
  message: string,
  extra: Partial<WireError> & { headers?: Record<string, string> } = {},
): void {
  const { headers, ...fields } = extra
  sendJson(response, status, { error, message, ...fields } satisfies WireError, headers)
}

export function sendHtml(response: ServerResponse, status: number, html: string): void {
  response.writeHead(status, { 'content-type': 'text/html; charset=utf-8' })
  response.end(html)
}

/** The JSON body of a request; BadRequest when it is too large or not JSON. */
export async function readJson(request: IncomingMessage): Promise<unknown> {
  const text = await readRequestText(request)
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw new BadRequest('body is not JSON')
  }
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`)
}
