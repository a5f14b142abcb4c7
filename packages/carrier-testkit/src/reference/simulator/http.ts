import type { IncomingMessage, ServerResponse } from 'node:http'
import type { WireError, WireErrorCode } from '../protocol.js'

/** Largest request body the simulator reads; more is a client bug. */
const MAX_BODY_BYTES = 1024 * 1024

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

export class BadRequest extends Error {}

/** The JSON body of a request; BadRequest when it is missing, too large or not JSON. */
export async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk))
    size += buffer.length
    if (size > MAX_BODY_BYTES) throw new BadRequest('body too large')
    chunks.push(buffer)
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown
  } catch {
    throw new BadRequest('body is not JSON')
  }
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`)
}
