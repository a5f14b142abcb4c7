/**
 * Stops hammering a carrier that is down. After `threshold` consecutive outage failures the circuit
 * opens and calls fail fast for `openMs`; then one trial call is let through (half-open) and its
 * outcome closes or re-opens the circuit.
 */
export type CircuitState = 'closed' | 'open' | 'halfOpen'

export class CircuitBreaker {
  private failures = 0
  private openedAt: number | null = null
  private trialInFlight = false

  constructor(
    private readonly threshold: number,
    private readonly openMs: number,
    private readonly now: () => number,
  ) {}

  get state(): CircuitState {
    if (this.openedAt === null) return 'closed'
    return this.now() - this.openedAt >= this.openMs ? 'halfOpen' : 'open'
  }

  /** When the circuit lets calls through again (for messages), or null when closed. */
  get reopensAt(): number | null {
    return this.openedAt === null ? null : this.openedAt + this.openMs
  }

  /** Whether a call may proceed now; in half-open state only one trial at a time. */
  tryAcquire(): boolean {
    const state = this.state
    if (state === 'closed') return true
    if (state === 'open' || this.trialInFlight) return false
    this.trialInFlight = true
    return true
  }

  recordSuccess(): void {
    this.failures = 0
    this.openedAt = null
    this.trialInFlight = false
  }

  /** Records an outage-type failure (unavailable, timeout); other failures say nothing about health. */
  recordOutage(): void {
    this.trialInFlight = false
    this.failures += 1
    if (this.openedAt !== null || this.failures >= this.threshold) this.openedAt = this.now()
  }

  /** A call that ended in a non-outage failure still ends a half-open trial. */
  recordOther(): void {
    if (this.trialInFlight) this.recordSuccess()
  }
}
