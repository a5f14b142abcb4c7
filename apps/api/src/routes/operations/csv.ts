import type { Operation } from '@simops/core'

const header = [
  'time',
  'operator',
  'operator_type',
  'action',
  'target_type',
  'target_id',
  'target',
  'result',
  'error_code',
  'error_message',
  'request_id',
  'ip',
  'details',
]

/** RFC 4180 quoting; a leading =, +, - or @ is defused so a spreadsheet never runs a cell as a formula. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return ''
  let text = String(value)
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function csvLine(values: ReadonlyArray<string | number | null | undefined>): string {
  return `${values.map(csvCell).join(',')}\r\n`
}

/** The operation log as CSV text chunks, starting with a BOM so Excel reads the Chinese as UTF-8. */
export async function* operationsCsv(records: AsyncIterable<Operation>): AsyncGenerator<string> {
  yield `\uFEFF${csvLine(header)}`
  let chunk = ''
  for await (const op of records) {
    chunk += csvLine([
      op.createdAt.toISOString(),
      op.actor.name,
      op.actor.type,
      op.action,
      op.target.type,
      op.target.id,
      op.target.name,
      op.result,
      op.error?.code,
      op.error?.message,
      op.requestId,
      op.ip,
      op.details ? JSON.stringify(op.details) : null,
    ])
    if (chunk.length > 64 * 1024) {
      yield chunk
      chunk = ''
    }
  }
  if (chunk) yield chunk
}
