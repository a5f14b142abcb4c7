/** Larger source chunks are cut to this, so one huge Buffer does not become one huge string. */
const MAX_PIECE = 64 * 1024

/**
 * Pulls bytes from an upload in pieces of at most 64 KiB, giving up as soon as `signal` aborts even
 * while the source is waiting for the network.
 */
export class ByteSource {
  private readonly iterator: AsyncIterator<Uint8Array>
  private rest: Uint8Array | undefined
  private done = false
  private pulling = false

  constructor(
    source: AsyncIterable<Uint8Array>,
    private readonly signal?: AbortSignal,
  ) {
    this.iterator = source[Symbol.asyncIterator]()
  }

  /** The next piece, or undefined at the end of the source. */
  async next(): Promise<Uint8Array | undefined> {
    this.signal?.throwIfAborted()
    if (this.rest === undefined) {
      if (this.done) return undefined
      const chunk = await this.pull()
      if (chunk === undefined) return undefined
      this.rest = chunk
    }
    const piece = this.rest.subarray(0, MAX_PIECE)
    this.rest = this.rest.length > MAX_PIECE ? this.rest.subarray(MAX_PIECE) : undefined
    return piece
  }

  /**
   * The first `size` bytes (fewer if the source is shorter) as one block, and whether that is all.
   * Must be the first call.
   */
  async head(size: number): Promise<{ bytes: Uint8Array; complete: boolean }> {
    const pieces: Uint8Array[] = []
    let length = 0
    while (length < size) {
      const piece = await this.next()
      if (piece === undefined) break
      pieces.push(piece)
      length += piece.length
    }
    const complete = this.rest === undefined && this.done
    return { bytes: pieces.length === 1 ? (pieces[0] as Uint8Array) : Buffer.concat(pieces), complete }
  }

  /**
   * Releases the source. When a pull is still pending (an abort cut it short), return() is not
   * awaited: an async generator would only run it after the pending next() settles.
   */
  async close(): Promise<void> {
    if (this.done) return
    this.done = true
    const closing = this.iterator.return?.()
    if (closing === undefined) return
    if (this.pulling) closing.catch(() => undefined)
    else await closing
  }

  private async pull(): Promise<Uint8Array | undefined> {
    const next = this.iterator.next()
    this.pulling = true
    const settled = (): void => {
      this.pulling = false
    }
    next.then(settled, settled)
    const result = await this.abortable(next)
    if (result.done) {
      this.done = true
      return undefined
    }
    const chunk: unknown = result.value
    if (!(chunk instanceof Uint8Array)) throw new TypeError('a table source must yield bytes (Uint8Array)')
    return chunk
  }

  private abortable<T>(promise: Promise<T>): Promise<T> {
    const signal = this.signal
    if (!signal) return promise
    return new Promise<T>((resolve, reject) => {
      const onAbort = (): void => reject(signal.reason)
      signal.addEventListener('abort', onAbort, { once: true })
      promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
    })
  }
}
