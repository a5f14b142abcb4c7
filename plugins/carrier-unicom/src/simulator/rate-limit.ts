/**
 * Requests per second over a sliding one-second window of wall-clock time: rate limits are about
 * how fast requests really arrive, not about the simulator clock.
 */
export class RateLimiter {
  private readonly arrivals: number[] = []

  constructor(private readonly perSecond: number | undefined) {}

  /** Records a request; false when it is over the limit. */
  admit(nowMs = performance.now()): boolean {
    if (this.perSecond === undefined) return true
    while (this.arrivals.length > 0 && (this.arrivals[0] ?? 0) <= nowMs - 1000) this.arrivals.shift()
    if (this.arrivals.length >= this.perSecond) return false
    this.arrivals.push(nowMs)
    return true
  }
}
