import { defuseFormula, type Operation } from '@simops/core'
import type { TableColumn } from '../table-download.js'

/** Records per page handed to the table writer. */
const PAGE = 500

export const operationColumns: readonly TableColumn[] = [
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
].map((header) => ({ header }))

/** Text that came from users or carriers, defused so a spreadsheet never runs a cell as a formula. */
const text = (value: string | null | undefined): string | null =>
  value === null || value === undefined ? null : defuseFormula(value)

/** The operation log as pages of rows, in the order of `operationColumns`. */
export async function* operationRows(
  records: AsyncIterable<Operation>,
): AsyncGenerator<Array<Array<string | null>>> {
  let page: Array<Array<string | null>> = []
  for await (const op of records) {
    page.push([
      op.createdAt.toISOString(),
      text(op.actor.name),
      op.actor.type,
      op.action,
      op.target.type,
      text(op.target.id),
      text(op.target.name),
      op.result,
      op.error?.code ?? null,
      text(op.error?.message),
      text(op.requestId),
      op.ip,
      op.details ? text(JSON.stringify(op.details)) : null,
    ])
    if (page.length >= PAGE) {
      yield page
      page = []
    }
  }
  if (page.length > 0) yield page
}
