import { describeCarrierConformance } from '@simops/carrier-testkit'
import { describe } from 'vitest'
import carrier from '../src/index.js'
import { startCtwingSimulator } from '../src/simulator/index.js'

describe('legacy m2m_ec', () => {
  describeCarrierConformance({
    definition: carrier,
    start: async () => (await startCtwingSimulator({ seed: 1 })).handle('legacy'),
  })
})

describe('5G CMP gateway', () => {
  describeCarrierConformance({
    definition: carrier,
    start: async () => (await startCtwingSimulator({ seed: 2 })).handle('cmp5g'),
  })
})

// Changes applied at once must conform as well as delayed ones; replies in plain JSON (no DES-hex) too.
describe('legacy m2m_ec, immediate changes, unencrypted replies', () => {
  describeCarrierConformance({
    definition: carrier,
    start: async () =>
      (await startCtwingSimulator({ seed: 3, applyDelayMs: 0, encryptLegacyReplies: false })).handle(
        'legacy',
      ),
    callTimeoutMs: 1000,
  })
})
