import { watchOutput, whenDrained, whenFinished, type TableCell, type TableWriter } from './table-writer.js'

/** Rows are gathered into writes of about this many characters; one write per row would be slow. */
const FLUSH_CHARS = 64 * 1024
const NEEDS_QUOTES = /[",\r\n]/

export function csvCell(value: TableCell): string {
  if (value === null) return ''
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** A CSV writer that also takes rows already encoded elsewhere (the database can do it faster). */
export interface CsvTableWriter extends TableWriter {
  /** One row as CSV text — cells encoded as `csvCell` would, joined by commas — without its line end. */
  writeEncodedRow(line: string): Promise<void> | void
}

class StreamingCsvWriter implements CsvTableWriter {
  // Lines joined once per flush: measurably cheaper than growing one string row by row.
  private lines: string[] = []
  private chars = 0
  private failure: unknown
  private ended = false

  constructor(
    private readonly out: NodeJS.WritableStream,
    bom: boolean,
  ) {
    if (bom) this.lines.push('\uFEFF')
    watchOutput(out, (error) => {
      this.failure ??= error
    })
  }

  writeRow(cells: ReadonlyArray<TableCell>): Promise<void> | void {
    let line = ''
    for (let i = 0; i < cells.length; i++) {
      if (i > 0) line += ','
      line += csvCell(cells[i] ?? null)
    }
    return this.writeEncodedRow(line)
  }

  writeEncodedRow(line: string): Promise<void> | void {
    if (this.failure !== undefined) return Promise.reject(this.failure)
    if (this.ended) return Promise.reject(new Error('writeRow() after end()'))
    this.lines.push(line, '\r\n')
    this.chars += line.length
    if (this.chars >= FLUSH_CHARS) return this.flush()
  }

  async end(): Promise<void> {
    if (this.ended) return
    this.ended = true
    if (this.failure !== undefined) throw this.failure
    const rest = this.take()
    const done = whenFinished(this.out)
    if (rest.length > 0) this.out.end(rest, 'utf8')
    else this.out.end()
    await done
  }

  private take(): string {
    const text = this.lines.join('')
    this.lines = []
    this.chars = 0
    return text
  }

  private flush(): Promise<void> | void {
    const chunk = this.take()
    if (!this.out.write(chunk, 'utf8')) return whenDrained(this.out)
  }
}

/**
 * RFC 4180 CSV: cells quoted only when they hold a comma, quote or line break; CRLF line ends;
 * UTF-8 with a BOM by default, without which Excel on Chinese Windows reads the file as GBK.
 */
export function csvTableWriter(out: NodeJS.WritableStream, options: { bom?: boolean } = {}): CsvTableWriter {
  return new StreamingCsvWriter(out, options.bom ?? true)
}
