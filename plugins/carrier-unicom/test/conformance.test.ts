import { describeCarrierConformance } from '@simops/carrier-testkit'
import carrier from '../src/index.js'
import { startUnicomSimulator } from '../src/simulator/index.js'

describeCarrierConformance({
  definition: carrier,
  start: async () => (await startUnicomSimulator({ seed: 1, applyDelayMs: 30_000 })).handle(),
})

// Synchronous application (no delay) must conform as well, with a shorter call timeout.
describeCarrierConformance({
  definition: carrier,
  start: async () => (await startUnicomSimulator({ seed: 5, cards: 120, applyDelayMs: 0 })).handle(),
  callTimeoutMs: 1000,
})
