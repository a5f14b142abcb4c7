/**
 * Paces calls to one carrier account: up to `ratePerSecond` calls per second on average, with bursts
 * of at most `burst`. Callers wait their turn rather than being refused.
 */
export class TokenBucket {
  private tokens: number
  private updatedAt: number
  private queue: Promise<void> = Promise.resolve()

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    private readonly now: () => number,
    private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>,
  ) {
    this.tokens = burst
    this.updatedAt = now()
  }

  /** Resolves when the caller may proceed; rejects if the signal aborts while waiting. */
  take(signal?: AbortSignal): Promise<void> {
    // Chain the waits so callers are served in arrival order.
    const turn = this.queue.then(() => this.waitForToken(signal))
    this.queue = turn.catch(() => undefined)
    return turn
  }

  private async waitForToken(signal?: AbortSignal): Promise<void> {
    for (;;) {
      signal?.throwIfAborted()
      const now = this.now()
      this.tokens = Math.min(this.burst, this.tokens + ((now - this.updatedAt) / 1000) * this.ratePerSecond)
      this.updatedAt = now
      if (this.tokens >= 1) {
        this.tokens -= 1
        return
      }
      await this.sleep(Math.ceil(((1 - this.tokens) / this.ratePerSecond) * 1000), signal)
    }
  }
}
