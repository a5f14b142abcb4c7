import { once } from 'node:events'
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises'
import type { Column, stream, Worksheet } from 'exceljs'
import { loadExcelJs, type ExcelModule } from './exceljs-module.js'
import { watchOutput, whenFinished, type TableCell, type TableWriter } from './table-writer.js'

export interface XlsxColumn {
  header: string
  /** In characters; by default fits the header. */
  width?: number
  /** Stored and formatted as text ('@'), so Excel keeps ICCIDs and 13-digit numbers as typed. */
  text?: boolean
}

export interface XlsxWriterOptions {
  sheetName: string
  columns: XlsxColumn[]
}

/** Every this many rows the writer lets the zip pipeline catch up. */
const ROWS_PER_PAUSE = 1000
/** Sheet XML allowed to wait for compression before writing pauses; bounds memory on slow clients. */
const MAX_BACKLOG_BYTES = 1024 * 1024

/**
 * One style object for every text cell: exceljs caches style ids by object identity, and the copy
 * each cell inherits from its column would otherwise be serialised anew for every cell.
 */
const TEXT_STYLE = Object.freeze({ numFmt: '@' })

/** The stream exceljs 4.4 feeds a worksheet's XML into; its buffered length is the backlog. */
interface SheetInternals {
  stream?: { pipes?: Array<{ _writableState?: { length?: number } } & NodeJS.EventEmitter> }
}

function sheetBacklog(sheet: Worksheet): { bytes: number; target: NodeJS.EventEmitter } | undefined {
  const target = (sheet as unknown as SheetInternals).stream?.pipes?.[0]
  const bytes = target?._writableState?.length
  return target === undefined || bytes === undefined ? undefined : { bytes, target }
}

/** 'drain', or a timer so that a pipeline stalled some other way is looked at again. */
async function drainOrTimeout(target: NodeJS.EventEmitter): Promise<void> {
  const stop = new AbortController()
  try {
    await Promise.race([
      once(target, 'drain', { signal: stop.signal }),
      sleep(100, undefined, { signal: stop.signal }),
    ])
  } finally {
    stop.abort()
  }
}

/** Excel refuses sheet names over 31 characters or with any of : \ / ? * [ ]. */
function excelSheetName(name: string): string {
  const clean = name
    .replace(/[:\\/?*[\]]/g, ' ')
    .replace(/^'+|'+$/g, '')
    .trim()
    .slice(0, 31)
  return clean.length > 0 ? clean : 'Sheet1'
}

/** Display width: CJK characters take two columns. */
function displayWidth(text: string): number {
  let width = 0
  for (const char of text) width += (char.codePointAt(0) ?? 0) > 0x2e80 ? 2 : 1
  return width
}

class XlsxTableWriter implements TableWriter {
  private workbook: stream.xlsx.WorkbookWriter | undefined
  private sheet: Worksheet | undefined
  private readonly opening: Promise<void>
  private readonly textColumns: boolean[]
  private failure: unknown
  private rowsSincePause = 0

  constructor(
    private readonly out: NodeJS.WritableStream,
    private readonly options: XlsxWriterOptions,
  ) {
    this.textColumns = options.columns.map((column) => column.text === true)
    watchOutput(out, (error) => this.fail(error))
    this.opening = loadExcelJs().then((excel) => this.open(excel))
    // Reported by the first writeRow or end; never an unhandled rejection.
    this.opening.catch(() => undefined)
  }

  writeRow(cells: ReadonlyArray<TableCell>): Promise<void> | void {
    const sheet = this.sheet
    if (sheet === undefined) return this.opening.then(() => this.writeRow(cells))
    if (this.failure !== undefined) return Promise.reject(this.failure)
    const row = sheet.addRow(
      cells.map((cell, i) => (typeof cell === 'number' && this.textColumns[i] ? String(cell) : cell)),
    )
    for (let i = 0; i < this.textColumns.length; i++) {
      if (this.textColumns[i]) row.getCell(i + 1).style = TEXT_STYLE
    }
    row.commit()
    if (++this.rowsSincePause >= ROWS_PER_PAUSE) {
      this.rowsSincePause = 0
      return this.catchUp(sheet)
    }
  }

  async end(): Promise<void> {
    await this.opening
    if (this.failure !== undefined) throw this.failure
    this.sheet?.commit()
    // exceljs waits for 'finish' only; a client that disconnects would leave it waiting.
    await Promise.all([this.workbook?.commit(), whenFinished(this.out)])
  }

  private open(excel: ExcelModule): void {
    const workbook = new excel.stream.xlsx.WorkbookWriter({
      stream: this.out as unknown as stream.xlsx.WorkbookWriterOptions['stream'],
      useSharedStrings: false,
      useStyles: true,
    })
    // The archiver inside has no error listener until commit; an early error would crash the process.
    ;(workbook as unknown as { zip?: NodeJS.EventEmitter }).zip?.on('error', (error: unknown) =>
      this.fail(error),
    )
    const sheet = workbook.addWorksheet(excelSheetName(this.options.sheetName), {
      views: [{ state: 'frozen', ySplit: 1 }],
    })
    sheet.columns = this.options.columns.map((column): Partial<Column> => {
      const width = column.width ?? Math.max(10, displayWidth(column.header) + 2)
      return column.text === true ? { width, style: TEXT_STYLE } : { width }
    })
    const header = sheet.addRow(this.options.columns.map((column) => column.header))
    header.font = { bold: true }
    header.commit()
    this.workbook = workbook
    this.sheet = sheet
  }

  /** Gives compression a turn, then waits while too much sheet XML is queued in front of it. */
  private async catchUp(sheet: Worksheet): Promise<void> {
    await nextTurn()
    for (let backlog = sheetBacklog(sheet); backlog && backlog.bytes > MAX_BACKLOG_BYTES;) {
      if (this.failure !== undefined) throw this.failure
      await drainOrTimeout(backlog.target)
      backlog = sheetBacklog(sheet)
    }
    if (this.failure !== undefined) throw this.failure
  }

  private fail(error: unknown): void {
    this.failure ??= error
  }
}

/**
 * An xlsx workbook of one sheet, streamed: rows are committed as they are written, so memory stays
 * flat however many there are. The header row is bold and frozen.
 */
export function xlsxTableWriter(out: NodeJS.WritableStream, options: XlsxWriterOptions): TableWriter {
  return new XlsxTableWriter(out, options)
}
