import type { LightMyRequestResponse } from 'fastify'
import type { Harness } from './harness.js'

/** A multipart/form-data body: fields first, then the file, as browsers send a form. */
export function multipartBody(
  fields: Record<string, string>,
  file: { name: string; content: Buffer | string; type?: string } | undefined,
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----simops${Math.random().toString(16).slice(2)}`
  const parts: Buffer[] = []
  for (const [name, value] of Object.entries(fields))
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    )
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\n` +
          `Content-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content),
      Buffer.from('\r\n'),
    )
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`))
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  }
}

export async function uploadCards(
  h: Harness,
  token: string,
  file: { name: string; content: Buffer | string },
  fields: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  const { payload, headers } = multipartBody(fields, file)
  return h.request({ method: 'POST', url: '/api/v1/cards/import', token, payload, headers })
}

/** CSV text from rows (no quoting needed by the fixtures). */
export function csv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.join(',')).join('\r\n') + '\r\n'
}
