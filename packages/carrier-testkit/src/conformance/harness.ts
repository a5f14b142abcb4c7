import {
  isCarrierError,
  validateConfig,
  type CallContext,
  type CarrierConnection,
  type CarrierContext,
  type CarrierDefinition,
  type CarrierError,
  type CarrierErrorCode,
  type ConfigFields,
  type Lifecycle,
} from '@simops/carrier-sdk'
import type { SimulatorHandle } from '../simulator-handle.js'
import { ConformanceFailure, describeError, describeValue, fail } from './assertions.js'

/** What the checks read of a definition; `create` is reached only through `connect`. */
export type DefinitionFacts = Omit<CarrierDefinition, 'create'>

/**
 * How long after a call's signal aborted the suite still waits before calling the plugin hung. A
 * plugin that ignores the signal would otherwise hold the test until the runner's own timeout.
 */
const HANG_GRACE_MS = 1000

const silentLogger: CarrierContext['logger'] = { debug() {}, info() {}, warn() {} }

/** What one check run works with: the definition, the simulator and guarded plugin calls. */
export interface Harness {
  readonly definition: DefinitionFacts
  /** The definition exactly as exported, for validateDefinition. */
  readonly exported: unknown
  readonly simulator: SimulatorHandle<unknown>
  /** Validates a config (the simulator's by default) as the platform would, then creates a connection. */
  connect(config?: unknown): Promise<CarrierConnection>
  /**
   * Calls a plugin method with a fresh call context whose signal aborts after the call timeout. A
   * rejection that is not a CarrierError fails the check; so does a call that outlives its signal.
   */
  call<T>(label: string, invoke: (call: CallContext) => Promise<T>): Promise<T>
  /** Calls like `call` and returns the CarrierError, failing unless it rejects with one of `codes`. */
  expectCarrierError(
    label: string,
    invoke: (call: CallContext) => Promise<unknown>,
    codes: readonly CarrierErrorCode[],
  ): Promise<CarrierError>
  /** A card in the given state from the simulator, failing with `purpose` in the message when it has none. */
  takeCard(lifecycle: Lifecycle, purpose: string): Promise<string>
}

type Outcome<T> = { settled: 'resolved'; value: T } | { settled: 'rejected'; error: unknown }

export function createHarness<S extends ConfigFields>(
  definition: CarrierDefinition<S>,
  simulator: SimulatorHandle<unknown>,
  callTimeoutMs: number,
): Harness & { dispose(): Promise<void> } {
  const opened: CarrierConnection[] = []
  const context: CarrierContext = { fetch: globalThis.fetch, logger: silentLogger, now: () => new Date() }

  async function attempt<T>(label: string, invoke: (call: CallContext) => Promise<T>): Promise<Outcome<T>> {
    const signal = AbortSignal.timeout(callTimeoutMs)
    let watchdog: NodeJS.Timeout | undefined
    const hung = new Promise<never>((_, reject) => {
      watchdog = setTimeout(
        () =>
          reject(
            new ConformanceFailure(
              `${label} was still running ${HANG_GRACE_MS} ms after its signal aborted (call timeout ` +
                `${callTimeoutMs} ms); pass call.signal to every request so the platform can stop a call`,
            ),
          ),
        callTimeoutMs + HANG_GRACE_MS,
      )
    })
    try {
      // Wrapped in a promise chain so a plugin method that throws synchronously counts as a rejection.
      const value = await Promise.race([Promise.resolve().then(() => invoke({ signal })), hung])
      return { settled: 'resolved', value }
    } catch (error) {
      if (error instanceof ConformanceFailure) throw error
      return { settled: 'rejected', error }
    } finally {
      clearTimeout(watchdog)
    }
  }

  return {
    definition,
    exported: definition,
    simulator,

    async connect(config = simulator.config) {
      const validation = validateConfig(definition.configSchema, config)
      if (!validation.ok) {
        const issues = validation.issues.map((issue) => `${issue.field || '(config)'} ${issue.message}`)
        fail(`the config ${describeValue(config)} fails validateConfig: ${issues.join('; ')}`)
      }
      const connection = await definition.create(validation.value, context)
      opened.push(connection)
      return connection
    },

    async call(label, invoke) {
      const outcome = await attempt(label, invoke)
      if (outcome.settled === 'resolved') return outcome.value
      if (isCarrierError(outcome.error)) throw outcome.error
      throw new ConformanceFailure(
        `${label} rejected with ${describeError(outcome.error)}; every rejection must be a CarrierError`,
        { cause: outcome.error },
      )
    },

    async expectCarrierError(label, invoke, codes) {
      const expected = codes.map((code) => `"${code}"`).join(' or ')
      const outcome = await attempt(label, invoke)
      if (outcome.settled === 'resolved')
        fail(
          `${label}: expected a CarrierError with code ${expected}, but it resolved with ${describeValue(outcome.value)}`,
        )
      const { error } = outcome
      if (!isCarrierError(error))
        fail(`${label}: expected a CarrierError with code ${expected}, got ${describeError(error)}`)
      if (!codes.includes(error.code))
        fail(
          `${label}: expected a CarrierError with code ${expected}, got code "${error.code}" (${error.message})`,
        )
      return error
    },

    async takeCard(lifecycle, purpose) {
      const iccid = await simulator.takeCard(lifecycle)
      if (iccid === undefined)
        fail(`the simulator holds no untaken card in lifecycle "${lifecycle}", needed for ${purpose}`)
      return iccid
    },

    async dispose() {
      // Faults left by a failed check must not leak into the next check on a shared simulator.
      simulator.clearFaults()
      await Promise.all(opened.map((connection) => connection.close?.()))
    },
  }
}
