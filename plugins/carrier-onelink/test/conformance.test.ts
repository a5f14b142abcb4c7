import { describeCarrierConformance } from '@simops/carrier-testkit'
import carrier from '../src/index.js'
import { startOneLinkSimulator } from '../src/simulator/index.js'

describeCarrierConformance({
  definition: carrier,
  start: async () => (await startOneLinkSimulator({ seed: 1, applyDelayMs: 5_000 })).handle(),
})
