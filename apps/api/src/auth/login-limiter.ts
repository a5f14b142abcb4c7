import { DomainError } from '@simops/core'

export interface LoginLimits {
  windowMs: number
  /** Failed attempts allowed for one username, from anywhere, within the window. */
  perUser: number
  /** Failed attempts allowed from one IP address, for any usernames, within the window. */
  perIp: number
}

export const defaultLoginLimits: LoginLimits = { windowMs: 15 * 60_000, perUser: 10, perIp: 30 }

// Counters live in memory: enough for one server process, and they reset on restart.
const MAX_TRACKED_KEYS = 10_000

/** Slows down password guessing by counting failed logins per username and per IP address. */
export class LoginLimiter {
  private readonly failures = new Map<string, number[]>()

  constructor(
    private readonly limits: LoginLimits = defaultLoginLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /** Throws LOGIN_RATE_LIMITED (with the seconds to wait) when either counter is exhausted. */
  assertAllowed(username: string, ip: string): void {
    const waits = [
      this.wait(`user:${username.toLowerCase()}`, this.limits.perUser),
      this.wait(`ip:${ip}`, this.limits.perIp),
    ]
    const retryAfterSeconds = Math.max(...waits)
    if (retryAfterSeconds > 0)
      throw new DomainError(
        'rateLimited',
        'LOGIN_RATE_LIMITED',
        `Too many failed logins; try again in ${retryAfterSeconds} s`,
        {
          retryAfterSeconds,
        },
      )
  }

  recordFailure(username: string, ip: string): void {
    for (const key of [`user:${username.toLowerCase()}`, `ip:${ip}`]) {
      const list = this.recent(key)
      list.push(this.now())
      this.failures.delete(key)
      this.failures.set(key, list)
    }
    while (this.failures.size > MAX_TRACKED_KEYS) {
      const oldest = this.failures.keys().next().value
      if (oldest === undefined) break
      this.failures.delete(oldest)
    }
  }

  recordSuccess(username: string): void {
    this.failures.delete(`user:${username.toLowerCase()}`)
  }

  private recent(key: string): number[] {
    const since = this.now() - this.limits.windowMs
    return (this.failures.get(key) ?? []).filter((at) => at > since)
  }

  private wait(key: string, limit: number): number {
    const list = this.recent(key)
    if (list.length < limit) return 0
    const oldestCounted = list[list.length - limit] ?? this.now()
    return Math.max(1, Math.ceil((oldestCounted + this.limits.windowMs - this.now()) / 1000))
  }
}
