import { readCsvRows } from './csv-reader.js'
import type { TableFormat } from './format.js'
import { DEFAULT_BATCH_SIZE, type TableRowBatch } from './row-batcher.js'
import { readXlsxRows } from './xlsx-reader.js'

export interface ReadTableOptions {
  /** Rows per batch at most; 1000 by default. */
  batchSize?: number
  /** Stops reading and releases the source; the generator then throws `signal.reason`. */
  signal?: AbortSignal
}

/**
 * The rows of an uploaded table, the header row included, in batches: streamed, so memory stays
 * bounded for a file of any length. Cells are text. Blank rows are skipped (their numbers are not
 * reused). Fails with TableReadError: TABLE_ENCODING, TABLE_CORRUPT, TABLE_EMPTY or TABLE_FORMAT.
 */
export function readTableRows(
  source: AsyncIterable<Uint8Array>,
  format: TableFormat,
  options: ReadTableOptions = {},
): AsyncGenerator<TableRowBatch> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`batchSize must be a positive integer, not ${batchSize}`)
  }
  return format === 'csv'
    ? readCsvRows(source, batchSize, options.signal)
    : readXlsxRows(source, batchSize, options.signal)
}
