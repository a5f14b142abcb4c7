import type { ConfigFields } from '@simops/carrier-sdk'
import type { SimulatorHandle } from '../simulator-handle.js'
import type { CheckSpec } from './check-spec.js'
import { cardChecks } from './checks/cards.js'
import { definitionChecks } from './checks/definition.js'
import { faultChecks } from './checks/faults.js'
import { healthChecks } from './checks/health.js'
import { optionalCapabilityChecks } from './checks/optional-capabilities.js'
import { transitionChecks } from './checks/transitions.js'
import { createHarness } from './harness.js'
import { DEFAULT_CALL_TIMEOUT_MS, type ConformanceCheck, type ConformanceOptions } from './options.js'

/**
 * Every check, in the order they run. Batch limits come last because they take up to a full batch of
 * cards from the simulator, which would otherwise leave fewer for the checks that need particular states.
 */
const specs: readonly CheckSpec[] = [
  ...definitionChecks,
  ...healthChecks,
  ...cardChecks.filter((spec) => spec.name !== 'batch limits'),
  ...transitionChecks,
  ...faultChecks,
  ...optionalCapabilityChecks,
  ...cardChecks.filter((spec) => spec.name === 'batch limits'),
]

/** Lends a check a simulator for the length of its run. */
export type SimulatorLender = (use: (simulator: SimulatorHandle<unknown>) => Promise<void>) => Promise<void>

/** Binds every check to the definition and to where its simulator comes from. */
export function bindChecks<S extends ConfigFields>(
  options: ConformanceOptions<S>,
  lend: SimulatorLender,
): ConformanceCheck[] {
  const callTimeoutMs = options.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS
  return specs.map((spec) => {
    const skip = spec.skip?.(options.definition)
    const run = () =>
      lend(async (simulator) => {
        const harness = createHarness(options.definition, simulator, callTimeoutMs)
        try {
          await spec.run(harness)
        } finally {
          await harness.dispose()
        }
      })
    return skip === undefined ? { name: spec.name, run } : { name: spec.name, skip, run }
  })
}

/**
 * The conformance checks as plain functions. Each `run()` starts its own simulator with
 * `options.start` and closes it afterwards, so a check can run alone (the testkit tests its checks
 * this way); `describeCarrierConformance` instead shares one simulator across all checks.
 */
export function conformanceChecks<S extends ConfigFields>(
  options: ConformanceOptions<S>,
): ConformanceCheck[] {
  return bindChecks(options, async (use) => {
    const simulator = await options.start()
    try {
      await use(simulator)
    } finally {
      await simulator.close()
    }
  })
}
