import type { CarrierDefinition, ConfigFields, ConfigValues } from '@simops/carrier-sdk'
import type { StartSimulator } from '../simulator-handle.js'

export interface ConformanceOptions<S extends ConfigFields = ConfigFields> {
  /** The plugin under test: its default export. */
  definition: CarrierDefinition<S>
  /** Starts the plugin's simulator and adapts it to SimulatorHandle. */
  start: StartSimulator<ConfigValues<S>>
  /**
   * How long each plugin call may take before its signal aborts, as the platform's call timeout
   * would. The `timeout` fault waits this long. Default 2000.
   */
  callTimeoutMs?: number
}

/** One conformance check, runnable on its own; it throws an Error explaining any non-conformance. */
export interface ConformanceCheck {
  name: string
  /** Why the check does not apply (a capability the plugin does not declare); absent when it applies. */
  skip?: string
  run(): Promise<void>
}

export const DEFAULT_CALL_TIMEOUT_MS = 2000
