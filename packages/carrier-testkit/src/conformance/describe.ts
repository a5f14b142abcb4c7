import type { ConfigFields } from '@simops/carrier-sdk'
import { afterAll, beforeAll, describe, it } from 'vitest'
import type { SimulatorHandle } from '../simulator-handle.js'
import { DEFAULT_CALL_TIMEOUT_MS, type ConformanceOptions } from './options.js'
import { bindChecks } from './suite.js'

/** Room for simulator start-up and the checks' own calls on top of the waits the checks make on purpose. */
const SLACK_MS = 10_000

/**
 * Registers the conformance suite with Vitest: `describe("carrier conformance: <id>")` with one test
 * per check, sharing one simulator started before the first and closed after the last. Checks for
 * capabilities the plugin does not declare are registered as skipped, with the reason in their name.
 */
export function describeCarrierConformance<S extends ConfigFields>(options: ConformanceOptions<S>): void {
  const callTimeoutMs = options.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS
  // The fault check waits out one full call timeout (the `timeout` fault) and its hang guard.
  const testTimeoutMs = 3 * callTimeoutMs + SLACK_MS
  describe(`carrier conformance: ${options.definition.id}`, () => {
    let simulator: SimulatorHandle<unknown> | undefined
    const checks = bindChecks(options, async (use) => {
      if (!simulator) throw new Error('the simulator did not start; see the beforeAll failure')
      await use(simulator)
    })

    beforeAll(async () => {
      simulator = await options.start()
    }, SLACK_MS)
    afterAll(async () => {
      await simulator?.close()
    }, SLACK_MS)

    for (const check of checks) {
      if (check.skip !== undefined) it.skip(`${check.name} (skipped: ${check.skip})`, () => {})
      else it(check.name, () => check.run(), testTimeoutMs)
    }
  })
}
