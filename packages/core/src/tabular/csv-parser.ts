import { TableReadError } from './errors.js'

const QUOTE = 0x22
const LF = 0x0a
const CR = 0x0d

/** No real row comes near this; a longer one is almost surely an unclosed quote swallowing the file. */
export const MAX_CSV_RECORD_CHARS = 1024 * 1024

export type CsvRecordSink = (cells: string[], row: number) => void

/**
 * An incremental RFC 4180 parser: push decoded text in any pieces, records come out whole with their
 * 1-based row numbers (blank lines count as rows, quoted line breaks do not). Line ends are CRLF, LF
 * or a lone CR. A quote inside an unquoted cell is kept literally, as Excel does; a quoted cell must
 * end with its closing quote. Hand-written because it reads several times faster than csv-parse,
 * and the import's row budget is spent mostly elsewhere.
 */
export class CsvParser {
  /** Text of a record that has not ended yet; re-read when more text arrives. */
  private pending = ''
  private rows = 0

  constructor(
    private readonly delimiter: string,
    private readonly sink: CsvRecordSink,
    private readonly maxRecordChars = MAX_CSV_RECORD_CHARS,
  ) {}

  /** Rows completed so far (blank ones included). */
  get rowCount(): number {
    return this.rows
  }

  push(text: string): void {
    const pending = this.pending.length
    // Re-reading a long unfinished record for each small piece would be quadratic: gather first.
    if (pending > 64 * 1024 && text.length < pending / 4 && pending + text.length <= this.maxRecordChars) {
      this.pending += text
      return
    }
    this.parse(pending === 0 ? text : this.pending + text, false)
  }

  end(): void {
    if (this.pending.length > 0) this.parse(this.pending, true)
    this.pending = ''
  }

  /** Parses whole records of `text`; keeps an unfinished last one unless `final`. */
  private parse(text: string, final: boolean): void {
    const delimiter = this.delimiter.charCodeAt(0)
    const length = text.length
    let pos = 0
    records: while (pos < length) {
      const recordStart = pos
      const cells: string[] = []
      for (;;) {
        let code: number
        if (pos < length && text.charCodeAt(pos) === QUOTE) {
          const closed = this.quotedCell(text, pos, final, cells)
          if (closed < 0) return this.keep(text, recordStart, true)
          pos = closed
          if (pos >= length) {
            if (!final) return this.keep(text, recordStart, false)
            return this.emit(cells)
          }
          code = text.charCodeAt(pos)
          if (code !== delimiter && code !== LF && code !== CR) {
            throw new TableReadError(
              'TABLE_CORRUPT',
              `row ${this.rows + 1}: unexpected text after a closing quote (a quote inside a quoted cell must be doubled: "")`,
              this.rows + 1,
            )
          }
        } else {
          let end = pos
          code = 0
          while (end < length) {
            code = text.charCodeAt(end)
            if (code === delimiter || code === LF || code === CR) break
            end++
          }
          if (end >= length) {
            if (!final) return this.keep(text, recordStart, false)
            cells.push(text.slice(pos, end))
            return this.emit(cells)
          }
          cells.push(text.slice(pos, end))
          pos = end
        }
        if (code === delimiter) {
          pos++
          continue
        }
        if (code === CR) {
          // A CR as the last character may be the first half of a CRLF: wait for the next piece.
          if (pos + 1 >= length && !final) return this.keep(text, recordStart, false)
          pos += text.charCodeAt(pos + 1) === LF ? 2 : 1
        } else {
          pos++
        }
        this.emit(cells)
        continue records
      }
    }
    this.pending = ''
  }

  /**
   * Reads the quoted cell opening at `open` into `cells`; returns the index after its closing quote,
   * or -1 when the text ends first (more may come).
   */
  private quotedCell(text: string, open: number, final: boolean, cells: string[]): number {
    let value = ''
    let from = open + 1
    for (;;) {
      const quote = text.indexOf('"', from)
      if (quote < 0) {
        if (!final) return -1
        throw new TableReadError(
          'TABLE_CORRUPT',
          `row ${this.rows + 1}: a quoted cell is never closed (missing ")`,
          this.rows + 1,
        )
      }
      if (quote + 1 >= text.length && !final) return -1
      if (text.charCodeAt(quote + 1) === QUOTE) {
        value += text.slice(from, quote + 1)
        from = quote + 2
        continue
      }
      cells.push(value + text.slice(from, quote))
      return quote + 1
    }
  }

  private keep(text: string, recordStart: number, inQuotes: boolean): void {
    this.pending = text.slice(recordStart)
    if (this.pending.length > this.maxRecordChars) {
      const row = this.rows + 1
      throw new TableReadError(
        'TABLE_CORRUPT',
        inQuotes
          ? `row ${row}: a quoted cell is never closed (missing ")`
          : `row ${row} is longer than ${this.maxRecordChars} characters`,
        row,
      )
    }
  }

  private emit(cells: string[]): void {
    this.rows++
    this.sink(cells, this.rows)
  }
}
