import { describeCarrierConformance } from '../src/index.js'
import { referenceCarrier, startReferenceSimulator } from '../src/reference/index.js'

describeCarrierConformance({
  definition: referenceCarrier,
  start: async () => (await startReferenceSimulator()).handle(),
})

// Changes applied at once (outcome "applied") must conform as well as delayed ones.
describeCarrierConformance({
  definition: referenceCarrier,
  start: async () => (await startReferenceSimulator({ seed: 7, cards: 120, applyDelayMs: 0 })).handle(),
  callTimeoutMs: 1000,
})
