/**
 * Requests per second over a sliding one-second window of wall-clock time: rate limits are about
 * how fast requests really arrive, unlike lock windows, which follow the simulated clock.
 */
export class RateLimiter {
  private readonly arrivals: number[] = []

  constructor(private readonly perSecond: number | undefined) {}

  /** Records a request; returns the seconds to wait when it is over the limit, undefined when allowed. */
  admit(nowMs = performance.now()): number | undefined {
    if (this.perSecond === undefined) return undefined
    while (this.arrivals.length > 0 && (this.arrivals[0] ?? 0) <= nowMs - 1000) this.arrivals.shift()
    if (this.arrivals.length >= this.perSecond) {
      const oldest = this.arrivals[0] ?? nowMs
      return Math.max(1, Math.ceil((oldest + 1000 - nowMs) / 1000))
    }
    this.arrivals.push(nowMs)
    return undefined
  }
}
