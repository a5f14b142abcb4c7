import type { Lifecycle } from '@simops/carrier-sdk'

/** Ways a simulator can misbehave on request, each mapping to one CarrierError code. */
export const faults = {
  /** Credentials or token refused → `auth`. */
  unauthorized: 'auth',
  /** The carrier's rate-limit answer → `rateLimited`. */
  rateLimited: 'rateLimited',
  /** HTTP 5xx → `unavailable`. */
  serverError: 'unavailable',
  /** No answer until the caller gives up → `timeout`. */
  timeout: 'timeout',
  /** A body that is not the carrier's envelope (truncated JSON, HTML error page…) → `protocol`. */
  malformedBody: 'protocol',
} as const
export type Fault = keyof typeof faults

/**
 * What the conformance suite needs from a plugin's simulator. A plugin's test file starts its
 * simulator and adapts it to this interface; the suite then drives the plugin against it.
 */
export interface SimulatorHandle<Config = Record<string, unknown>> {
  /** A valid config for the plugin that points at this simulator. */
  readonly config: Config
  /**
   * A card currently in the given lifecycle state that no other test has taken, or undefined when the
   * simulator holds none. Each call returns a different card.
   */
  takeCard(lifecycle: Lifecycle): Promise<string | undefined>
  /** An ICCID, well-formed for this carrier, that the simulator does not know. */
  readonly unknownIccid: string
  /** Makes the next `count` (default 1) requests of the plugin fail in the given way. */
  injectFault(fault: Fault, count?: number): void
  /** Clears injected faults that have not fired. */
  clearFaults(): void
  /** Applies changes the carrier accepted but has not applied yet (carriers apply them after a delay). */
  settle(): Promise<void>
  /** Moves the simulator's clock forward (lock windows, token expiry, usage accrual). */
  advance(ms: number): Promise<void>
  /** The data the simulator holds as used in the current period for a card, in bytes, for the units check. */
  usedBytes(iccid: string): Promise<number>
  /** The largest number of cards the plugin put in one request since the last call (batch limits check). */
  takeMaxCardsPerRequest(): number
  close(): Promise<void>
}

export type StartSimulator<Config> = () => Promise<SimulatorHandle<Config>>
