import { randomBytes } from 'node:crypto'

/** Tokens issued to the appid: several may live at once (separate processes share one appid). */
export class TokenRegistry {
  private readonly expiry = new Map<string, number>()

  constructor(private readonly ttlSeconds: number) {}

  issue(now: number): { token: string; ttl: string } {
    const token = randomBytes(16).toString('hex')
    this.expiry.set(token, now + this.ttlSeconds * 1000)
    return { token, ttl: String(this.ttlSeconds) }
  }

  isLive(token: string | undefined, now: number): boolean {
    const until = token === undefined ? undefined : this.expiry.get(token)
    return until !== undefined && now < until
  }

  /** Every live token stops working at once, as when OneLink drops them mid-job. */
  expireAll(): void {
    this.expiry.clear()
  }
}
