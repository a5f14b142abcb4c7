import type { Lifecycle } from '@simops/carrier-sdk'
import type { SimulatorHandle } from '@simops/carrier-testkit'
import type { OneLinkConfig } from '../config.js'
import { manualClock, realTimeClock } from './clock.js'
import { FaultQueue } from '@simops/carrier-testkit/simulation'
import type { Fault } from './faults.js'
import { API_PREFIX, startServer } from './server.js'
import { SimulatedOneLink } from './state.js'
import { centiKbToBytes, reportedCentiKb } from './usage-ledger.js'

export interface OneLinkSimulatorOptions {
  /** Same seed, same cards. Default 1. */
  seed?: number
  /** How many cards the account holds. Default 300. */
  cards?: number
  /** Milliseconds between accepting a status change and applying it. Default 30 000; 0 applies at once. */
  applyDelayMs?: number
  /** Per-card lock window after a change, in seconds. Default 180 (3 minutes). */
  lockSeconds?: number
  /** Token lifetime in seconds. Default 3600. */
  tokenTtlSeconds?: number
  appId?: string
  password?: string
  /** The account id recharges (entityType 2) are accepted for. Default "acct-1". */
  accountId?: string
  /** Port on 127.0.0.1; default 0 (any free port). */
  port?: number
  /**
   * `manual` (default): time stands still until `advance` moves it, for tests. `real`: time follows
   * the wall clock, for running the simulator by hand.
   */
  clock?: 'manual' | 'real'
  /** Where a manual clock starts. Default: now. */
  startAt?: Date
  /** Where the simulator reports transid deviations and internal errors. Default: nowhere. */
  log?: (line: string) => void
}

export interface OneLinkSimulator {
  /** The API base URL, e.g. http://127.0.0.1:53211/v5/ec — the plugin's baseUrl. */
  readonly url: string
  readonly appId: string
  readonly password: string
  /** The simulated account itself, for tests that inspect or drive it without HTTP. */
  readonly state: SimulatedOneLink
  /** Misbehaviour for the next requests (also reachable over HTTP at /__simulator/faults). */
  injectFault(fault: Fault, count?: number): void
  clearFaults(): void
  /** The simulator as the conformance suite drives it. */
  handle(): SimulatorHandle<OneLinkConfig>
  close(): Promise<void>
}

/**
 * The simulator's own view of which raw statuses are which lifecycle state, deliberately not the
 * plugin's mapper: the suite compares the plugin's reading against it. Resumable and
 * customer-controlled statuses come first.
 */
const statusesOf: Partial<Record<Lifecycle, readonly string[]>> = {
  inventory: ['7'],
  test: ['6'],
  ready: ['1', '07'],
  active: ['2', '00'],
  suspended: ['4', '02', '01', '06'],
  pending_termination: ['8', '03'],
  terminated: ['9', '04', '05'],
}

/** Starts a simulated OneLink EC account on 127.0.0.1, speaking the v5 EC protocol. */
export async function startOneLinkSimulator(
  options: OneLinkSimulatorOptions = {},
): Promise<OneLinkSimulator> {
  const appId = options.appId ?? '200001'
  const password = options.password ?? 'Sim0nelinkPass'
  const clock =
    options.clock === 'real' ? realTimeClock() : manualClock((options.startAt ?? new Date()).getTime())
  const sim = new SimulatedOneLink({
    seed: options.seed ?? 1,
    cards: options.cards ?? 300,
    applyDelayMs: options.applyDelayMs ?? 30_000,
    lockSeconds: options.lockSeconds ?? 180,
    tokenTtlSeconds: options.tokenTtlSeconds ?? 3600,
    appId,
    password,
    accountId: options.accountId ?? 'acct-1',
    clock,
  })
  const faults = new FaultQueue<Fault>()
  const server = await startServer({ sim, faults, log: options.log ?? (() => {}) }, options.port ?? 0)
  const url = `${server.origin}${API_PREFIX}`

  return {
    url,
    appId,
    password,
    state: sim,
    injectFault: (fault, count) => faults.inject(fault, count),
    clearFaults: () => faults.clear(),
    close: () => server.close(),
    handle: () => ({
      config: { appId, password, baseUrl: url, httpMethod: 'POST' },
      unknownIccid: sim.unknownIccid,
      async takeCard(lifecycle) {
        const statuses = statusesOf[lifecycle]
        return statuses === undefined ? undefined : sim.take(statuses)
      },
      injectFault: (fault, count) => faults.inject({ kind: fault }, count),
      clearFaults: () => faults.clear(),
      settle: async () => sim.settle(),
      advance: async (ms) => sim.advance(ms),
      async usedBytes(iccid) {
        sim.catchUp()
        const card = sim.card(iccid)
        if (!card) throw new Error(`the OneLink simulator has no card ${iccid}`)
        return centiKbToBytes(reportedCentiKb(card))
      },
      takeMaxCardsPerRequest: () => sim.takeLargestSelector(),
      close: () => server.close(),
    }),
  }
}

export { SimulatedOneLink } from './state.js'
export type { SimCard, PlatformType } from './inventory.js'
export { faultKinds, type Fault, type FaultKind } from './faults.js'
export { answers } from './answers.js'
export { startDemo } from './demo.js'
