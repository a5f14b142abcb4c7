import { isAscii } from 'node:buffer'
import { TextDecoder } from 'node:util'
import { TableReadError } from './errors.js'

export type TextEncodingName = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be'

/** From a byte-order mark, else UTF-8 when the sniffed block is valid UTF-8, else GB18030 (⊃ GBK). */
export function sniffTextEncoding(head: Uint8Array, complete: boolean): TextEncodingName {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8'
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le'
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be'
  return isUtf8Block(head, !complete) ? 'utf-8' : 'gb18030'
}

/** `cutAllowed`: a multi-byte sequence cut by the end of the block is not a fault. */
function isUtf8Block(bytes: Uint8Array, cutAllowed: boolean): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: cutAllowed })
    return true
  } catch {
    return false
  }
}

/** Length of the UTF-8 sequence a lead byte announces; 0 when it cannot lead one. */
function utf8SequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2
  if (lead >= 0xe0 && lead <= 0xef) return 3
  if (lead >= 0xf0 && lead <= 0xf4) return 4
  return 0
}

/**
 * Decodes a CSV file chunk by chunk in the sniffed encoding. Decoding is fatal: a byte that does not
 * belong to the encoding fails the read rather than becoming U+FFFD in a card's data.
 */
export class TableTextDecoder {
  private decoder: TextDecoder
  /** Every byte so far was ASCII, which reads the same in UTF-8 and GBK: the choice is still open. */
  private asciiSoFar: boolean
  private current: TextEncodingName

  constructor(head: Uint8Array, complete: boolean) {
    this.current = sniffTextEncoding(head, complete)
    this.decoder = new TextDecoder(this.current, { fatal: true })
    this.asciiSoFar = this.current === 'utf-8'
  }

  get encoding(): TextEncodingName {
    return this.current
  }

  /** `row`: the row being read when `bytes` starts, for the error message. */
  decode(bytes: Uint8Array, row: number): string {
    try {
      const text = this.decoder.decode(bytes, { stream: true })
      if (this.asciiSoFar && !isAscii(bytes)) this.asciiSoFar = false
      return text
    } catch {
      if (this.asciiSoFar && this.startsAsGbk(bytes)) {
        // An ASCII-only first 64 KiB (digits, an English header) then GBK text: switch, losing nothing.
        this.current = 'gb18030'
        this.decoder = new TextDecoder('gb18030', { fatal: true })
        this.asciiSoFar = false
        return this.decode(bytes, row)
      }
      throw this.invalid(bytes, row)
    }
  }

  /** Flushes the decoder; fails if the file ends inside a character. */
  end(row: number): string {
    try {
      return this.decoder.decode()
    } catch {
      throw new TableReadError(
        'TABLE_ENCODING',
        `the file ends in the middle of a character (row ${row})`,
        row,
      )
    }
  }

  /** Whether the first non-ASCII sequence of a chunk is not UTF-8 (so the file is not mixed). */
  private startsAsGbk(bytes: Uint8Array): boolean {
    const first = bytes.findIndex((byte) => byte >= 0x80)
    if (first < 0) return false
    const length = utf8SequenceLength(bytes[first] ?? 0)
    return length === 0 || !isUtf8Block(bytes.subarray(first, first + length), false)
  }

  private invalid(bytes: Uint8Array, row: number): TableReadError {
    // Re-decode leniently to place the first bad byte; a character cut at the chunk start may shift
    // the count by a line at most, hence "near".
    let start = 0
    if (this.current === 'utf-8') {
      while (start < 3 && start < bytes.length && ((bytes[start] ?? 0) & 0xc0) === 0x80) start++
    }
    const text = new TextDecoder(this.current).decode(bytes.subarray(start))
    const bad = text.indexOf('\uFFFD')
    let near = row
    for (let i = text.indexOf('\n'); i >= 0 && i < bad; i = text.indexOf('\n', i + 1)) near++
    const message =
      this.current === 'utf-8'
        ? `the file is not valid UTF-8 text: invalid byte near row ${near} (the file starts as UTF-8, so all of it must be; save it again as "CSV UTF-8")`
        : this.current === 'gb18030'
          ? `the file is not UTF-8 or GBK text (invalid byte near row ${near})`
          : `the file is not valid UTF-16 text (invalid character near row ${near})`
    return new TableReadError('TABLE_ENCODING', message, near)
  }
}
