import type { IncomingMessage } from 'node:http'

/** A request a simulator refuses to read: its body is too large or not what the endpoint takes. */
export class BadRequest extends Error {}

/** Largest request body a simulator reads; more is a client bug. */
export const MAX_REQUEST_BODY_BYTES = 1024 * 1024

/** The whole request body as UTF-8 text; BadRequest past MAX_REQUEST_BODY_BYTES. */
export async function readRequestText(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk))
    size += buffer.length
    if (size > MAX_REQUEST_BODY_BYTES) throw new BadRequest('body too large')
    chunks.push(buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}
