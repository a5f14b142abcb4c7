/**
 * Building blocks for carrier simulators: deterministic randomness (same seed, same inventory) and the
 * Luhn check digit every ICCID and IMEI ends in. Free of Vitest, so simulators can run on their own.
 */
export { hasValidLuhn, luhnCheckDigit } from './luhn.js'
export { FaultQueue } from './fault-queue.js'
export { BadRequest, MAX_REQUEST_BODY_BYTES, readRequestText } from './request-body.js'

/** mulberry32: a tiny seeded generator returning numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}
