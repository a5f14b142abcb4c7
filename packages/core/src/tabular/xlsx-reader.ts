import { Readable } from 'node:stream'
import type { Row, stream } from 'exceljs'
import { TableReadError } from './errors.js'
import { loadExcelJs } from './exceljs-module.js'
import { RowBatcher, type TableRowBatch } from './row-batcher.js'
import { rowCells } from './xlsx-cells.js'
import { firstSheetId, fixWorkbookReader, knowsSheetIds, type ReaderLeftovers } from './xlsx-reader-fixes.js'
import { removeQuietly, Tripwire, type Destroyable } from './xlsx-tripwire.js'

/** An error of the upload or the caller (an abort), passed on as it is, not as a damaged file. */
class PassOn {
  constructor(readonly error: unknown) {}
}

function asReadError(error: unknown): unknown {
  if (error instanceof PassOn) return error.error
  if (error instanceof TableReadError) return error
  const detail = error instanceof Error ? error.message : String(error)
  return new TableReadError(
    'TABLE_CORRUPT',
    `the xlsx file is damaged or is not an Excel workbook (${detail})`,
  )
}

/** Captures the unzip stream exceljs pipes the input into, whose errors exceljs may never await. */
function watchPipes(input: Readable, onPipe: (destination: NodeJS.WritableStream) => void): void {
  const pipe = input.pipe.bind(input)
  input.pipe = <T extends NodeJS.WritableStream>(destination: T, options?: { end?: boolean }): T => {
    onPipe(destination)
    return pipe(destination, options)
  }
}

function isDestroyable(value: object): value is Destroyable {
  return typeof (value as Partial<Destroyable>).destroy === 'function'
}

/**
 * The first visible worksheet of an xlsx, in row batches, through exceljs's streaming reader. Every
 * failure of the unzip and XML layers ends as TABLE_CORRUPT: exceljs leaves some of them as error
 * events nobody awaits, which would hang the read, so each step races a tripwire those events trip.
 */
export async function* readXlsxRows(
  source: AsyncIterable<Uint8Array>,
  batchSize: number,
  signal?: AbortSignal,
): AsyncGenerator<TableRowBatch> {
  signal?.throwIfAborted()
  const excel = await loadExcelJs()
  const tripwire = new Tripwire()
  const input = Readable.from(source, { objectMode: false })
  const streams: Destroyable[] = [input]
  input.on('error', (error) => tripwire.trip(new PassOn(error)))
  watchPipes(input, (unzip) => {
    if (isDestroyable(unzip)) streams.push(unzip)
    unzip.on('error', (error) => tripwire.trip(error))
  })
  const onAbort = (): void => tripwire.trip(new PassOn(signal?.reason))
  signal?.addEventListener('abort', onAbort, { once: true })

  const reader = new excel.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    // Styles are read for one reason: a date cell is a number with a date format.
    styles: 'cache',
    entries: 'ignore',
  })
  let leftovers: ReaderLeftovers | undefined
  const sheets = reader[Symbol.asyncIterator]()
  let rows: AsyncIterator<Row> | undefined
  try {
    leftovers = fixWorkbookReader(reader)
    rows = await firstSheetRows(reader, sheets, tripwire)
    const batcher = new RowBatcher(batchSize)
    for (;;) {
      const next = await tripwire.race(rows.next())
      if (next.done) break
      const values = next.value.values
      batcher.add(rowCells(Array.isArray(values) ? values : []), next.value.number)
      for (const batch of batcher.takeReady()) yield batch
    }
    for (const batch of batcher.takeAll()) yield batch
    if (batcher.rowCount === 0) throw new TableReadError('TABLE_EMPTY', 'the first worksheet has no rows')
  } catch (error) {
    throw asReadError(error)
  } finally {
    signal?.removeEventListener('abort', onAbort)
    // Not awaited: exceljs's generators may be stuck on a stream that will now never end.
    rows?.return?.().catch(() => undefined)
    sheets.return(undefined).catch(() => undefined)
    for (const stream of [...streams, ...(leftovers?.streams ?? [])]) stream.destroy()
    await removeQuietly(leftovers?.tempFiles ?? [])
  }
}

function sheetIdOf(sheet: stream.xlsx.WorksheetReader): string {
  return String((sheet as unknown as { id: unknown }).id)
}

async function firstSheetRows(
  reader: object,
  sheets: AsyncIterator<stream.xlsx.WorksheetReader>,
  tripwire: Tripwire,
): Promise<AsyncIterator<Row>> {
  for (;;) {
    const next = await tripwire.race(sheets.next())
    if (next.done) {
      throw new TableReadError(
        'TABLE_CORRUPT',
        'the file is a zip archive but not an Excel workbook (no worksheet)',
      )
    }
    const wanted = firstSheetId(reader)
    // A later tab that comes first in the zip is skipped; exceljs drains it when asked for the next.
    if (wanted === undefined || !knowsSheetIds(reader) || sheetIdOf(next.value) === wanted) {
      return next.value[Symbol.asyncIterator]()
    }
  }
}
