import type { Lifecycle } from '@simops/carrier-sdk'
import type { Fault, SimulatorHandle } from '../../simulator-handle.js'
import type { ReferenceConfig } from '../config.js'
import type { WireStatus } from '../protocol.js'
import { SimulatedCarrier } from './carrier.js'
import { FaultQueue } from '../../fault-queue.js'
import { RateLimiter } from './rate-limit.js'
import { startSimulatorServer } from './server.js'

export interface ReferenceSimulatorOptions {
  /** Same seed, same inventory. Default 1. */
  seed?: number
  /** How many cards the carrier holds. Default 200. */
  cards?: number
  /** Simulated milliseconds between accepting a state change and applying it; 0 applies at once. Default 30 000. */
  applyDelayMs?: number
  /** Lock window after a change, in simulated seconds. Default 60, as the reference definition declares. */
  lockSeconds?: number
  /** Answer 429 above this many requests per wall-clock second. Default: no limit. */
  requestsPerSecond?: number
  /** Port on 127.0.0.1; default 0 (any free port). */
  port?: number
  /** Where the simulated clock starts. Default 2026-01-15T02:00:00Z, so runs are reproducible. */
  startAt?: Date
  /** The account the API key belongs to. Default "acct-1". */
  accountId?: string
}

export interface ReferenceSimulator {
  /** Base URL, e.g. http://127.0.0.1:53211 — the plugin's baseUrl. */
  readonly url: string
  readonly apiKey: string
  /** The simulated carrier itself, for tests that inspect or drive it without HTTP. */
  readonly state: SimulatedCarrier
  /** The simulator as the conformance suite drives it. */
  handle(): SimulatorHandle<ReferenceConfig>
  close(): Promise<void>
}

/**
 * The simulator's own view of which of its statuses is which lifecycle state, deliberately not the
 * plugin's mapper: the suite compares the plugin's reading against it.
 */
const statusOfLifecycle: Partial<Record<Lifecycle, WireStatus>> = {
  inventory: 'INVENTORY',
  test: 'TEST',
  ready: 'READY',
  active: 'ACTIVE',
  suspended: 'SUSPENDED',
  pending_termination: 'PENDING_TERMINATION',
  terminated: 'TERMINATED',
}

/** Starts the reference carrier's simulator: an HTTP server on 127.0.0.1 speaking the reference dialect. */
export async function startReferenceSimulator(
  options: ReferenceSimulatorOptions = {},
): Promise<ReferenceSimulator> {
  const seed = options.seed ?? 1
  const carrier = new SimulatedCarrier({
    seed,
    cards: options.cards ?? 200,
    applyDelayMs: options.applyDelayMs ?? 30_000,
    lockSeconds: options.lockSeconds ?? 60,
    startAt: options.startAt ?? new Date('2026-01-15T02:00:00Z'),
    accountId: options.accountId ?? 'acct-1',
  })
  const faults = new FaultQueue<Fault>()
  const apiKey = `reference-key-${seed}`
  const server = await startSimulatorServer(
    { carrier, faults, limiter: new RateLimiter(options.requestsPerSecond), apiKey },
    options.port ?? 0,
  )

  return {
    url: server.url,
    apiKey,
    state: carrier,
    close: () => server.close(),
    handle: () => ({
      config: { baseUrl: server.url, apiKey },
      unknownIccid: carrier.unknownIccid,
      async takeCard(lifecycle) {
        const status = statusOfLifecycle[lifecycle]
        return status === undefined ? undefined : carrier.take(status)
      },
      injectFault: (fault, count) => faults.inject(fault, count),
      clearFaults: () => faults.clear(),
      settle: async () => carrier.settle(),
      advance: async (ms) => carrier.advance(ms),
      async usedBytes(iccid) {
        const card = carrier.card(iccid)
        if (!card) throw new Error(`the reference simulator has no card ${iccid}`)
        return card.usedBytes
      },
      takeMaxCardsPerRequest: () => carrier.takeLargestQuery(),
      close: () => server.close(),
    }),
  }
}
