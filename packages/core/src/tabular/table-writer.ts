import { finished } from 'node:stream/promises'

export type TableCell = string | number | null

/** Writes one table, row after row, to a stream. Await each `writeRow`: it waits out backpressure. */
export interface TableWriter {
  writeRow(cells: ReadonlyArray<TableCell>): Promise<void> | void
  /** Writes what is left and ends the stream; resolves once it has finished. */
  end(): Promise<void>
}

interface StreamState {
  destroyed?: boolean
  writableEnded?: boolean
}

export class OutputClosedError extends Error {
  constructor() {
    super('the output stream closed before the table was written (client disconnected?)')
    this.name = 'OutputClosedError'
  }
}

/**
 * Reports the first failure of `out`: an error, or closing before it finished (a client that went
 * away mid-download closes the response without an error).
 */
export function watchOutput(out: NodeJS.WritableStream, onFailure: (error: unknown) => void): void {
  let finished = false
  out.on('finish', () => {
    finished = true
  })
  out.on('error', (error: unknown) => onFailure(error))
  out.on('close', () => {
    if (!finished) onFailure(new OutputClosedError())
  })
}

/**
 * Resolves on 'drain'; rejects when the stream errors or closes first, so an export to a client
 * that went away stops instead of waiting forever.
 */
export function whenDrained(out: NodeJS.WritableStream): Promise<void> {
  const state = out as StreamState
  if (state.destroyed === true || state.writableEnded === true) return Promise.reject(new OutputClosedError())
  return new Promise<void>((resolve, reject) => {
    const settle = (error?: unknown): void => {
      out.off('drain', onDrain)
      out.off('error', onError)
      out.off('close', onClose)
      if (error === undefined) resolve()
      else reject(error)
    }
    const onDrain = (): void => settle()
    const onError = (error: unknown): void => settle(error)
    const onClose = (): void => settle(new OutputClosedError())
    out.on('drain', onDrain)
    out.on('error', onError)
    out.on('close', onClose)
  })
}

/** Resolves once `out` has finished; rejects if it errors or closes before that. */
export async function whenFinished(out: NodeJS.WritableStream): Promise<void> {
  try {
    await finished(out, { readable: false })
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_STREAM_PREMATURE_CLOSE') throw new OutputClosedError()
    throw error
  }
}
