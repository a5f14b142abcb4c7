import { describe, expect, it } from 'vitest'
import { CircuitBreaker } from '../src/carriers/resilience/circuit-breaker.js'
import { TokenBucket } from '../src/carriers/resilience/token-bucket.js'

describe('TokenBucket', () => {
  it('allows a burst, then paces callers to the rate in arrival order', async () => {
    let now = 0
    const waits: number[] = []
    const bucket = new TokenBucket(
      2,
      2,
      () => now,
      async (ms) => {
        waits.push(ms)
        now += ms
      },
    )
    const order: number[] = []
    await Promise.all([1, 2, 3, 4].map((n) => bucket.take().then(() => order.push(n))))
    expect(order).toEqual([1, 2, 3, 4])
    // Two tokens up front, then one every 500 ms.
    expect(waits).toEqual([500, 500])
    expect(now).toBe(1000)
  })

  it('stops waiting when the caller gives up', async () => {
    const bucket = new TokenBucket(
      1,
      1,
      () => 0,
      (_ms, signal) =>
        new Promise((_r, reject) => signal?.addEventListener('abort', () => reject(signal.reason))),
    )
    await bucket.take()
    const controller = new AbortController()
    const pending = bucket.take(controller.signal)
    controller.abort(new Error('gave up'))
    await expect(pending).rejects.toThrow('gave up')
  })
})

describe('CircuitBreaker', () => {
  it('opens after consecutive outages, lets one trial through later, and closes on success', () => {
    let now = 0
    const breaker = new CircuitBreaker(3, 1000, () => now)
    breaker.recordOutage()
    breaker.recordOutage()
    breaker.recordOther()
    expect(breaker.state).toBe('closed')
    breaker.recordOutage()
    expect(breaker.state).toBe('open')
    expect(breaker.tryAcquire()).toBe(false)
    now = 1000
    expect(breaker.state).toBe('halfOpen')
    expect(breaker.tryAcquire()).toBe(true)
    expect(breaker.tryAcquire()).toBe(false)
    breaker.recordOutage()
    expect(breaker.state).toBe('open')
    now = 2000
    expect(breaker.tryAcquire()).toBe(true)
    breaker.recordSuccess()
    expect(breaker.state).toBe('closed')
  })

  it('resets the count on success', () => {
    const breaker = new CircuitBreaker(2, 1000, () => 0)
    breaker.recordOutage()
    breaker.recordSuccess()
    breaker.recordOutage()
    expect(breaker.state).toBe('closed')
  })
})
