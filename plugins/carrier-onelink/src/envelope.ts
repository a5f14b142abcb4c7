import { malformed } from './errors.js'

/**
 * OneLink's answer envelope: always HTTP 200, `{status, message, result: [...]}` with string values.
 * `status` "0" is success; `result` is an array even for single-card calls. Batch rows carry their
 * own `status`/`message`.
 */
export interface Envelope {
  status: string
  message: string
  result: Record<string, unknown>[]
}

export type WireRow = Record<string, unknown>

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A status or value OneLink sends as a string; some clients and servers send numbers. */
function codeOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim()
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  return undefined
}

/** Parses a body as the envelope, or throws a `protocol` CarrierError saying what is wrong. */
export function parseEnvelope(text: string, during: string): Envelope {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    throw malformed(`the answer to ${during} is not JSON (${JSON.stringify(text.slice(0, 60))})`)
  }
  if (!isRecord(parsed)) throw malformed(`the answer to ${during} is not an object`)
  const status = codeOf(parsed.status)
  if (status === undefined) throw malformed(`the answer to ${during} has no status`)
  const message = typeof parsed.message === 'string' ? parsed.message : ''
  // Failures may omit `result` or send it empty; a success must carry the array.
  const result = parsed.result ?? []
  if (!Array.isArray(result) || !result.every(isRecord))
    throw malformed(`the answer to ${during} has a result that is not a list of objects`)
  return { status, message, result }
}

/** A row's own status, for batch answers; rows without one succeeded with the envelope. */
export function rowStatusOf(row: WireRow): { status: string; message: string } {
  return {
    status: codeOf(row.status) ?? '0',
    message: typeof row.message === 'string' ? row.message : '',
  }
}

/** A string field of a row; numbers are accepted as their text, since clients and servers differ. */
export function textOf(row: WireRow, field: string, what: string): string {
  const value = row[field]
  if (typeof value === 'string') return value
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  throw malformed(`${what}.${field} is not text`)
}

export function optionalTextOf(row: WireRow, field: string): string | null {
  const value = row[field]
  if (typeof value === 'string') return value.trim() === '' ? null : value
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  return null
}

/** A list of objects inside a row (e.g. `accmMarginList`); absent or blank means empty. */
export function rowsOf(row: WireRow, field: string, what: string): WireRow[] {
  const value = row[field]
  if (value === undefined || value === null || value === '' || value === ' ') return []
  if (!Array.isArray(value) || !value.every(isRecord)) throw malformed(`${what}.${field} is not a list`)
  return value
}

export function firstRow(envelope: Envelope, during: string): WireRow {
  const [row] = envelope.result
  if (!row) throw malformed(`the answer to ${during} has an empty result`)
  return row
}
