import type { CarrierErrorCode } from '@simops/carrier-sdk'
import { faults, type Fault } from '../../simulator-handle.js'
import { fail } from '../assertions.js'
import { readCard, takeAnyCard } from '../card-reads.js'
import type { CheckSpec } from '../check-spec.js'

/**
 * How many requests an injected fault spans. More than one, so a plugin that legitimately retries
 * once inside a call (e.g. fetching a fresh token after a 401) still meets the fault; the suite
 * clears what is left afterwards.
 */
export const FAULT_REPEAT = 5

/** Codes for which a later attempt may succeed; the platform retries exactly these. */
const retryableCodes: ReadonlySet<CarrierErrorCode> = new Set([
  'rateLimited',
  'locked',
  'unavailable',
  'timeout',
])

export const faultChecks: CheckSpec[] = [
  {
    name: 'faults',
    async run(harness) {
      const { simulator } = harness
      const connection = await harness.connect()
      const iccid = await takeAnyCard(harness, 'the fault checks')
      // A first good call, so token-based plugins hold a token the faults can then invalidate.
      await readCard(harness, connection, iccid, 'getCards before any fault')
      for (const fault of Object.keys(faults) as Fault[]) {
        const code = faults[fault]
        simulator.injectFault(fault, FAULT_REPEAT)
        try {
          const error = await harness.expectCarrierError(
            `getCards during an injected "${fault}" fault`,
            (call) => connection.getCards({ iccids: [iccid] }, call),
            [code],
          )
          const retryable = retryableCodes.has(code)
          if (error.retryable !== retryable)
            fail(
              `a "${code}" CarrierError (fault "${fault}") must have retryable ${retryable}, got ${error.retryable}`,
            )
          if (
            error.retryAfterMs !== undefined &&
            !(Number.isFinite(error.retryAfterMs) && error.retryAfterMs >= 0)
          )
            fail(
              `retryAfterMs must be a non-negative number of milliseconds when set, got ${error.retryAfterMs}`,
            )
        } finally {
          simulator.clearFaults()
        }
        await readCard(
          harness,
          connection,
          iccid,
          `getCards after the "${fault}" fault cleared (the plugin must recover)`,
        )
      }
    },
  },
]
