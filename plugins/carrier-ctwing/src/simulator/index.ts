import type { Lifecycle } from '@simops/carrier-sdk'
import type { SimulatorHandle } from '@simops/carrier-testkit'
import type { CtwingConfig } from '../config.js'
import { SimulatedCtwing } from './carrier.js'
import { SimulatorClock } from './clock.js'
import { FaultPlan, type SimulatorFault } from './faults.js'
import type { StatusCode } from './inventory.js'
import { defaultLegacyAuthCodes, type LegacyAuthCodes } from './legacy-auth.js'
import { startServer } from './server.js'

export interface CtwingSimulatorCredentials {
  /** Legacy m2m_ec: user id, plain password and the 9-character secret key. */
  userId: string
  password: string
  secretKey: string
  /** 5G CMP gateway: AppKey and its secret. */
  appKey: string
  appSecret: string
}

export interface CtwingSimulatorOptions {
  /** Same seed, same cards. Default 1. */
  seed?: number
  /** Cards in the account. Default 120. */
  cards?: number
  /** Clock milliseconds between accepting a change and applying it. Default 30 000; 0 applies at once. */
  applyDelayMs?: number
  /** Follow real time (run alone) instead of a clock that moves only when advanced (tests). Default false. */
  realTime?: boolean
  /** Where the clock starts. Default: now, since the 5G gateway checks Timestamps against it. */
  startAt?: Date
  /** 5G: largest accepted Timestamp skew, in seconds. Default 300. */
  maxSkewSeconds?: number
  /** Accepted calls per card, per action method, per month before RspCode -5. Default 20. */
  monthlyActionCap?: number
  /** Legacy: send getTelephone / getSIMList replies strEnc-encrypted as hex. Default true. */
  encryptLegacyReplies?: boolean
  /** Legacy: the bare codes of auth refusals. Default unknown user -1, password -2, sign -3. */
  legacyAuthCodes?: Partial<LegacyAuthCodes>
  credentials?: Partial<CtwingSimulatorCredentials>
  /** Default 0 (any free port). */
  port?: number
  /** Default 127.0.0.1. */
  host?: string
}

export interface CtwingSimulator {
  /** The server root; legacy at `${url}/m2m_ec/`, 5G paths directly under it. */
  readonly url: string
  readonly legacyBaseUrl: string
  readonly cmp5gBaseUrl: string
  readonly credentials: CtwingSimulatorCredentials
  /** The simulated carrier itself, for tests that inspect or drive it without HTTP. */
  readonly state: SimulatedCtwing
  /** Faults for the next carrier requests (both generations share the queue). */
  injectFault(fault: SimulatorFault, count?: number, text?: string): void
  clearFaults(): void
  /** Adds this much delay to every carrier answer (0 to stop). */
  setLatency(ms: number): void
  /** The simulator as the conformance kit drives it, configured for one API generation. */
  handle(generation: 'legacy' | 'cmp5g'): SimulatorHandle<CtwingConfig>
  close(): Promise<void>
}

export const defaultCredentials: CtwingSimulatorCredentials = {
  userId: 'simops-ctwing-user',
  password: 'Sim0ps-Pass',
  secretKey: 'Ab3De6Gh9',
  appKey: 'simops-app-key',
  appSecret: 'simops-app-secret-42',
}

/** The simulator's own view of its statuses as lifecycle states, deliberately not the plugin's mapper. */
const statusesOfLifecycle: Partial<Record<Lifecycle, readonly StatusCode[]>> = {
  ready: ['1'],
  test: ['2'],
  test_suspended: ['3'],
  active: ['4'],
  // Customer-suspended before carrier-held: only the former can be resumed.
  suspended: ['5', '6'],
  terminated: ['7'],
}

/** Starts a China Telecom simulator speaking both API generations on one HTTP server. */
export async function startCtwingSimulator(options: CtwingSimulatorOptions = {}): Promise<CtwingSimulator> {
  const credentials = { ...defaultCredentials, ...options.credentials }
  if (credentials.secretKey.length !== 9) throw new Error('the legacy secretKey must have 9 characters')
  const clock = new SimulatorClock(
    options.realTime ? 'realTime' : 'manual',
    options.startAt?.getTime() ?? Date.now(),
  )
  const carrier = new SimulatedCtwing(
    {
      seed: options.seed ?? 1,
      cards: options.cards ?? 120,
      applyDelayMs: options.applyDelayMs ?? 30_000,
      monthlyActionCap: options.monthlyActionCap ?? 20,
    },
    clock,
  )
  const faults = new FaultPlan()
  const authCodes = { ...defaultLegacyAuthCodes, ...options.legacyAuthCodes }
  const server = await startServer(
    {
      carrier,
      faults,
      legacy: { carrier, credentials, authCodes, encryptReplies: options.encryptLegacyReplies ?? true },
      cmp5g: {
        carrier,
        credentials: { appKey: credentials.appKey, appSecret: credentials.appSecret },
        maxSkewSeconds: options.maxSkewSeconds ?? 300,
      },
      legacyAuthFailureCode: authCodes.wrongSign,
    },
    options.port ?? 0,
    options.host ?? '127.0.0.1',
  )
  const legacyBaseUrl = `${server.url}/m2m_ec/`

  const configOf = (generation: 'legacy' | 'cmp5g'): CtwingConfig =>
    generation === 'legacy'
      ? {
          apiGeneration: 'legacy',
          baseUrl: legacyBaseUrl,
          userId: credentials.userId,
          password: credentials.password,
          secretKey: credentials.secretKey,
          paramStyle: 'user_id',
          clockSkewSeconds: 0,
        }
      : {
          apiGeneration: 'cmp5g',
          baseUrl: server.url,
          appKey: credentials.appKey,
          secretKey: credentials.appSecret,
          paramStyle: 'user_id',
          clockSkewSeconds: 0,
        }

  return {
    url: server.url,
    legacyBaseUrl,
    cmp5gBaseUrl: server.url,
    credentials,
    state: carrier,
    injectFault: (fault, count, text) => faults.inject(fault, count, text),
    clearFaults: () => faults.clear(),
    setLatency: (ms) => void (faults.latencyMs = ms),
    close: () => server.close(),
    handle: (generation) => ({
      config: configOf(generation),
      unknownIccid: carrier.unknownIccid,
      async takeCard(lifecycle) {
        for (const status of statusesOfLifecycle[lifecycle] ?? []) {
          const iccid = carrier.take(status)
          if (iccid !== undefined) return iccid
        }
        return undefined
      },
      injectFault: (fault, count) => faults.inject(fault, count),
      clearFaults: () => faults.clear(),
      settle: async () => carrier.settle(),
      advance: async (ms) => {
        clock.advance(ms)
        carrier.sync()
      },
      async usedBytes(iccid) {
        carrier.sync()
        const bytes = carrier.reportedBytes(iccid)
        if (bytes === undefined) throw new Error(`the ctwing simulator has no card ${iccid}`)
        return bytes
      },
      takeMaxCardsPerRequest: () => carrier.takeLargestRequest(),
      close: () => server.close(),
    }),
  }
}

export { SimulatedCtwing, type ActionOutcome } from './carrier.js'
export { SimulatorClock } from './clock.js'
export { simulatorFaults, type SimulatorFault } from './faults.js'
export { statusNames, type SimulatedCard, type StatusCode } from './inventory.js'
export { startDemo } from './demo.js'
