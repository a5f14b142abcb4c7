import { vi } from 'vitest'

/**
 * Retries an assertion until it holds. Lazily loaded routes and locale files can take well over
 * Vitest's 1 s default on a busy machine, so the wait is longer; a failing assertion still fails.
 */
export function eventually<T>(assertion: () => T | Promise<T>): Promise<T> {
  return vi.waitFor(assertion, { timeout: 5_000, interval: 20 })
}
