import { Writable } from 'node:stream'
import {
  readTableRows,
  type ReadTableOptions,
  type TableFormat,
  type TableRowBatch,
} from '../../src/tabular/index.js'

/** Yields `bytes` in pieces of `size`, as an upload would arrive. */
export async function* pieces(bytes: Uint8Array, size = bytes.length || 1): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size)
}

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text)
}

export function bytes(...parts: Array<string | number[]>): Uint8Array {
  return Buffer.concat(
    parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part))),
  )
}

export async function readBatches(
  source: Uint8Array | AsyncIterable<Uint8Array>,
  format: TableFormat,
  options: ReadTableOptions & { pieceSize?: number } = {},
): Promise<TableRowBatch[]> {
  const { pieceSize, ...readOptions } = options
  const input = source instanceof Uint8Array ? pieces(source, pieceSize) : source
  const batches: TableRowBatch[] = []
  for await (const batch of readTableRows(input, format, readOptions)) batches.push(batch)
  return batches
}

export async function readRows(
  source: Uint8Array | AsyncIterable<Uint8Array>,
  format: TableFormat,
  options: ReadTableOptions & { pieceSize?: number } = {},
): Promise<string[][]> {
  return (await readBatches(source, format, options)).flatMap((batch) => batch.rows)
}

/** The rejection of a read, for `expect(...).toMatchObject`. */
export async function readFailure(
  source: Uint8Array | AsyncIterable<Uint8Array>,
  format: TableFormat,
  options: ReadTableOptions & { pieceSize?: number } = {},
): Promise<unknown> {
  try {
    await readBatches(source, format, options)
  } catch (error) {
    return error
  }
  throw new Error('the read succeeded')
}

/** A Writable that keeps what it gets; `delayMs` makes every write slow (backpressure). */
export function memorySink(options: { delayMs?: number; highWaterMark?: number } = {}): {
  out: Writable
  bytes: () => Buffer
  writes: () => number
} {
  const chunks: Buffer[] = []
  const out = new Writable({
    highWaterMark: options.highWaterMark ?? 16 * 1024,
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk)
      if (options.delayMs === undefined) callback()
      else setTimeout(callback, options.delayMs)
    },
  })
  return { out, bytes: () => Buffer.concat(chunks), writes: () => chunks.length }
}
