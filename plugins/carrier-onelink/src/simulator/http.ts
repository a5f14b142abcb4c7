import type { ServerResponse } from 'node:http'

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
  response.end(JSON.stringify(body))
}

export function sendHtml(response: ServerResponse, status: number, html: string): void {
  response.writeHead(status, { 'content-type': 'text/html; charset=utf-8' })
  response.end(html)
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * The call's parameters: the query string, overlaid with JSON body fields for POST. OneLink values
 * are strings; numbers (e.g. operType) are accepted as their text. Anything else is undefined.
 */
export function paramsOf(url: URL, body: string): Record<string, string> | undefined {
  const params: Record<string, string> = Object.fromEntries(url.searchParams)
  if (body.trim() === '') return params
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    return undefined
  }
  if (!isRecord(parsed)) return undefined
  for (const [key, value] of Object.entries(parsed)) {
    if (typeof value === 'string') params[key] = value
    else if (typeof value === 'number' && Number.isFinite(value)) params[key] = String(value)
    else return undefined
  }
  return params
}
