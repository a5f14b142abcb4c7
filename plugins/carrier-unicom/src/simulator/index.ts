import type { SimulatorHandle } from '@simops/carrier-testkit'
import type { UnicomConfig } from '../config.js'
import { SimulatedUnicom } from './carrier.js'
import { SimulatorClock } from './clock.js'
import { FaultPlan, type SimulatorFault } from './faults.js'
import { seededRandom } from '@simops/carrier-testkit/simulation'
import { RateLimiter } from './rate-limit.js'
import { startSimulatorServer } from './server.js'

export interface UnicomSimulatorOptions {
  /** Same seed, same inventory and credentials. Default 1. */
  seed?: number
  /** How many cards the account holds. Default 200. */
  cards?: number
  /** Simulator-clock milliseconds between accepting an asynchronous edit and applying it. Default 30 000. */
  applyDelayMs?: number
  /** Credentials the gateway accepts; derived from the seed when omitted. */
  appId?: string
  appSecret?: string
  openId?: string
  /** `strict` (default) refuses a wrong SM3 token; `logOnly` logs it and serves the request. */
  tokenCheck?: 'strict' | 'logOnly'
  /** How far a request timestamp may be from real time. Default 5 minutes. */
  timestampToleranceMs?: number
  /** Answer the gateway's rate-limit refusal above this many requests per wall-clock second. Default: no limit. */
  requestsPerSecond?: number
  /** Whether the account may retire (4) and purge (5) cards. Default false. */
  retireRights?: boolean
  /** Default 27: cycles run from the 27th to the 26th, Beijing time. */
  billingCycleStartDay?: number
  /** Force-activate ready cards this many days after shipping; off by default. */
  forcedActivationDays?: number
  /** `simulated` (default): starts at `startAt` and moves only on advance(); `real`: follows real time. */
  clock?: 'simulated' | 'real'
  /** Start of the simulated clock. Default 2026-01-15T02:00:00Z (10:00 Beijing time), for reproducible runs. */
  startAt?: Date
  /** Port; default 0 (any free port). */
  port?: number
  /** Interface to listen on; default 127.0.0.1. */
  host?: string
  /** Where gateway notes go (e.g. accepted bad tokens in logOnly mode). Default: nowhere. */
  log?: (message: string) => void
}

export interface UnicomSimulator {
  /** The gateway base URL, e.g. http://127.0.0.1:53211/api/ — the plugin's baseUrl. */
  readonly url: string
  /** Where the control API lives: {origin}/__simulator/… */
  readonly origin: string
  readonly appId: string
  readonly appSecret: string
  readonly openId: string
  /** The simulated CMP itself, for tests that inspect or drive it without HTTP. */
  readonly state: SimulatedUnicom
  /** Makes the next `count` requests fail the given way (9017/1044: the next edits). */
  injectFault(fault: SimulatorFault, count?: number, latencyMs?: number): void
  clearFaults(): void
  /** The simulator as the conformance suite drives it. */
  handle(): SimulatorHandle<UnicomConfig>
  close(): Promise<void>
}

const API_VERSION = 'V1.1'
const ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'

/** Seeded credentials, so a given seed always prints the same ones. */
function credentialsOf(seed: number): { appId: string; appSecret: string; openId: string } {
  const random = seededRandom(seed ^ 0xc0ffee)
  const text = (length: number, alphabet: string) =>
    Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('')
  return {
    appId: `sim${text(12, '0123456789')}`,
    appSecret: text(32, ALPHANUMERIC),
    openId: `open${text(10, '0123456789')}`,
  }
}

/** Starts the China Unicom IoT gateway simulator: HTTP on 127.0.0.1 speaking the gateway's protocol. */
export async function startUnicomSimulator(options: UnicomSimulatorOptions = {}): Promise<UnicomSimulator> {
  const seed = options.seed ?? 1
  const seeded = credentialsOf(seed)
  const account = {
    appId: options.appId ?? seeded.appId,
    appSecret: options.appSecret ?? seeded.appSecret,
    openId: options.openId ?? seeded.openId,
  }
  const billingCycleStartDay = options.billingCycleStartDay ?? 27
  const clock = new SimulatorClock(
    options.clock === 'real'
      ? { mode: 'real' }
      : { mode: 'simulated', at: options.startAt ?? new Date('2026-01-15T02:00:00Z') },
  )
  const carrier = new SimulatedUnicom(
    {
      seed,
      cards: options.cards ?? 200,
      applyDelayMs: options.applyDelayMs ?? 30_000,
      retireRights: options.retireRights ?? false,
      billingCycleStartDay,
      ...(options.forcedActivationDays === undefined
        ? {}
        : { forcedActivationDays: options.forcedActivationDays }),
    },
    clock,
  )
  const faults = new FaultPlan()
  const server = await startSimulatorServer(
    {
      carrier,
      faults,
      limiter: new RateLimiter(options.requestsPerSecond),
      account,
      rules: {
        tokenCheck: options.tokenCheck ?? 'strict',
        timestampToleranceMs: options.timestampToleranceMs ?? 5 * 60_000,
        log: options.log ?? (() => {}),
      },
      apiVersion: API_VERSION,
    },
    options.port ?? 0,
    options.host ?? '127.0.0.1',
  )
  const url = `${server.origin}/api/`

  return {
    url,
    origin: server.origin,
    ...account,
    state: carrier,
    injectFault: (fault, count, latencyMs) => faults.inject(fault, count, latencyMs),
    clearFaults: () => faults.clear(),
    close: () => server.close(),
    handle: () => ({
      config: {
        ...account,
        baseUrl: url,
        apiVersion: API_VERSION,
        dataVersion: '1.0',
        billingCycleStartDay,
      },
      unknownIccid: carrier.unknownIccid,
      takeCard: async (lifecycle) => carrier.take(lifecycle),
      injectFault: (fault, count) => faults.inject(fault, count),
      clearFaults: () => faults.clear(),
      settle: async () => carrier.settle(),
      advance: async (ms) => carrier.advance(ms),
      async usedBytes(iccid) {
        const card = carrier.card(iccid)
        if (!card) throw new Error(`the Unicom simulator has no card ${iccid}`)
        return card.usedBytes
      },
      takeMaxCardsPerRequest: () => carrier.takeLargestDetailsRequest(),
      close: () => server.close(),
    }),
  }
}

export { SimulatedUnicom, type EditOutcome } from './carrier.js'
export type { SimulatedCard } from './inventory.js'
export { simulatorFaults, type SimulatorFault } from './faults.js'
export { gatewayRefusals, businessCodes } from './wire-codes.js'
export { startDemo } from './demo.js'
