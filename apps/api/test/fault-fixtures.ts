import type { CarrierGateway, CarrierMethod, JobRunner, PlatformTarget } from '@simops/core'
import { startCtwingSimulator, type CtwingSimulator } from '@simops/carrier-ctwing/simulator'
import { startOneLinkSimulator, type OneLinkSimulator } from '@simops/carrier-onelink/simulator'
import { startUnicomSimulator, type UnicomSimulator } from '@simops/carrier-unicom/simulator'
import type { Harness } from './harness.js'

/** The three bundled carriers, each with its own simulator and platform. */
export const simNames = ['onelink', 'ctwing', 'unicom'] as const
export type SimName = (typeof simNames)[number]

/** What the test injects: the simulators' own faults, plus OneLink dropping every live token at once. */
export type FaultName = 'serverError' | 'timeout' | 'rateLimited' | 'unauthorized' | 'expireTokens'

export interface SimCard {
  iccid: string
  number: string
}

export interface RunningSimulator {
  name: SimName
  /** Origin of the simulator's HTTP server, to tell its traffic apart. */
  origin: string
  /** The platform config that reaches it. */
  config: Record<string, unknown>
  cards(): SimCard[]
  inject(fault: FaultName, count: number): void
  /** Faults injected but not yet met by a request (asked through the simulator's control API). */
  pendingFaults(): Promise<number>
  /** Applies every accepted status change now. */
  settle(): void
  close(): Promise<void>
}

export interface SimulatorOptions {
  cards: Record<SimName, number>
  /** OneLink token lifetime, short so tokens expire during a job. */
  tokenTtlSeconds: number
}

async function control(url: string, method: 'POST' | 'DELETE', body?: unknown): Promise<unknown> {
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`)
  return response.json()
}

/**
 * None of the simulators reports its fault queue without changing it, so the probe queues one harmless
 * fault through the control API (which answers with the queue length), then clears the queue again.
 */
async function probeQueue(url: string, harmless: unknown, read: (answer: unknown) => number) {
  const queued = read(await control(url, 'POST', harmless))
  await control(url, 'DELETE')
  return queued - 1
}

function oneLink(simulator: OneLinkSimulator): RunningSimulator {
  const origin = new URL(simulator.url).origin
  return {
    name: 'onelink',
    origin,
    config: { ...simulator.handle().config },
    cards: () => simulator.state.allCards().map((card) => ({ iccid: card.iccid, number: card.msisdn })),
    inject(fault, count) {
      if (fault === 'expireTokens') simulator.state.tokens.expireAll()
      else simulator.injectFault({ kind: fault }, count)
    },
    pendingFaults: () =>
      probeQueue(
        `${origin}/__simulator/faults`,
        { fault: 'latency', delayMs: 0 },
        (answer) => (answer as { pending: number }).pending,
      ),
    settle: () => simulator.state.settle(),
    close: () => simulator.close(),
  }
}

function ctwing(simulator: CtwingSimulator): RunningSimulator {
  return {
    name: 'ctwing',
    origin: new URL(simulator.url).origin,
    config: { ...simulator.handle('legacy').config },
    cards: () => simulator.state.cards().map((card) => ({ iccid: card.iccid, number: card.accessNumber })),
    inject(fault, count) {
      if (fault === 'expireTokens') throw new Error('China Telecom has no tokens to expire')
      simulator.injectFault(fault, count)
    },
    pendingFaults: () =>
      probeQueue(
        `${simulator.url}/_simops/faults`,
        { fault: 'bareError', count: 1 },
        (answer) => (answer as { queued: number }).queued,
      ),
    settle: () => simulator.state.settle(),
    close: () => simulator.close(),
  }
}

function unicom(simulator: UnicomSimulator): RunningSimulator {
  return {
    name: 'unicom',
    origin: simulator.origin,
    config: { ...simulator.handle().config },
    cards: () => simulator.state.cards().map((card) => ({ iccid: card.iccid, number: card.msisdn })),
    inject(fault, count) {
      if (fault === 'expireTokens')
        throw new Error('the Unicom gateway signs each request; no token to expire')
      simulator.injectFault(fault, count)
    },
    pendingFaults: () =>
      probeQueue(`${simulator.origin}/__simulator/faults`, { fault: 'latency', latencyMs: 0 }, (answer) => {
        const { requests, edits } = (answer as { pending: { requests: unknown[]; edits: unknown[] } }).pending
        return requests.length + edits.length
      }),
    settle: () => simulator.state.settle(),
    close: () => simulator.close(),
  }
}

/** The three simulators on the wall clock, changes applied at once, no lock window. */
export async function startSimulators(options: SimulatorOptions): Promise<Record<SimName, RunningSimulator>> {
  const [o, c, u] = await Promise.all([
    startOneLinkSimulator({
      cards: options.cards.onelink,
      clock: 'real',
      applyDelayMs: 0,
      lockSeconds: 0,
      tokenTtlSeconds: options.tokenTtlSeconds,
    }),
    startCtwingSimulator({ cards: options.cards.ctwing, realTime: true, applyDelayMs: 0 }),
    startUnicomSimulator({ cards: options.cards.unicom, clock: 'real', applyDelayMs: 0 }),
  ])
  return { onelink: oneLink(o), ctwing: ctwing(c), unicom: unicom(u) }
}

export interface TrafficCounts {
  requests: number
  /** Answers with a 5xx status: only an injected serverError gives one. */
  serverErrors: number
  /** Requests abandoned before any answer: an injected timeout (or a simulator slower than callTimeoutMs). */
  abandoned: number
  /** OneLink token requests. */
  tokenRequests: number
}

/**
 * The HTTP traffic between the gateway and the simulators, per simulator origin: a `fetch` for the
 * gateway options that counts what came back, and how many requests named each ICCID in a JSON body
 * (`"iccid":"…"`, as OneLink's and Unicom's single-card calls do).
 */
export class TrafficRecorder {
  private readonly counts = new Map<string, TrafficCounts>()
  private readonly naming = new Map<string, Map<string, number>>()

  readonly fetch: typeof fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input))
    const counts = this.of(url.origin)
    counts.requests += 1
    if (url.pathname.endsWith('/get/token')) counts.tokenRequests += 1
    if (typeof init?.body === 'string') {
      const named = this.naming.get(url.origin) ?? new Map<string, number>()
      this.naming.set(url.origin, named)
      for (const [, iccid = ''] of init.body.matchAll(/"iccid"\s*:\s*"(\w+)"/g))
        named.set(iccid, (named.get(iccid) ?? 0) + 1)
    }
    try {
      const response = await globalThis.fetch(input, init)
      if (response.status >= 500) counts.serverErrors += 1
      return response
    } catch (error) {
      counts.abandoned += 1
      throw error
    }
  }

  of(origin: string): TrafficCounts {
    let counts = this.counts.get(origin)
    if (!counts) {
      counts = { requests: 0, serverErrors: 0, abandoned: 0, tokenRequests: 0 }
      this.counts.set(origin, counts)
    }
    return counts
  }

  snapshot(origin: string): TrafficCounts {
    return { ...this.of(origin) }
  }

  since(origin: string, before: TrafficCounts): TrafficCounts {
    const now = this.of(origin)
    return {
      requests: now.requests - before.requests,
      serverErrors: now.serverErrors - before.serverErrors,
      abandoned: now.abandoned - before.abandoned,
      tokenRequests: now.tokenRequests - before.tokenRequests,
    }
  }

  /** Requests so far whose JSON body named each ICCID. */
  requestsNaming(origin: string): Map<string, number> {
    return new Map(this.naming.get(origin))
  }
}

export interface RecordedCall {
  platformId: string
  method: CarrierMethod
  iccids: string[]
}

/**
 * Every call leaving SimOps through the gateway (one per call, however many attempts the gateway makes
 * inside it), with the ICCIDs it names. The original `call` is kept and called.
 */
export class CallRecorder {
  readonly calls: RecordedCall[] = []
  private readonly sent = new Map<string, number>()

  install(gateway: CarrierGateway): void {
    const original = gateway.call.bind(gateway)
    const record = (platform: PlatformTarget, method: CarrierMethod, input: unknown) => {
      const fields = (input ?? {}) as { iccid?: unknown; iccids?: unknown }
      const iccids = Array.isArray(fields.iccids)
        ? fields.iccids.map(String)
        : typeof fields.iccid === 'string'
          ? [fields.iccid]
          : []
      this.calls.push({ platformId: platform.id, method, iccids })
      const key = `${platform.id} ${method}`
      this.sent.set(key, (this.sent.get(key) ?? 0) + iccids.length)
    }
    gateway.call = ((platform, method, input) => {
      record(platform, method, input)
      return original(platform, method, input)
    }) as CarrierGateway['call']
  }

  /** How many ICCIDs calls of this method have named on the platform so far. */
  iccidsSent(platformId: string, method: CarrierMethod): number {
    return this.sent.get(`${platformId} ${method}`) ?? 0
  }
}

/**
 * The job runs of this process (the queue's workers call `run`), to tell in a failure message whether
 * one job was being worked on by two runs at once.
 */
export class RunRecorder {
  private readonly runs: Array<{ jobId: string; start: number; end?: number; outcome?: string }> = []

  install(runner: JobRunner): void {
    const original = runner.run.bind(runner)
    runner.run = async (jobId, stop) => {
      const run: { jobId: string; start: number; end?: number; outcome?: string } = {
        jobId,
        start: Date.now(),
      }
      this.runs.push(run)
      try {
        const outcome = await original(jobId, stop)
        run.outcome = outcome
        return outcome
      } finally {
        run.end = Date.now()
      }
    }
  }

  /** The runs of a job that claimed it (outcome other than not-claimed), e.g. `finished 0–1200 ms`. */
  describe(jobId: string): string {
    const runs = this.runs.filter((run) => run.jobId === jobId && run.outcome !== 'not-claimed')
    const first = runs[0]?.start ?? 0
    return runs
      .map((run) => `${run.outcome ?? 'running'} ${run.start - first}–${(run.end ?? NaN) - first} ms`)
      .join(', ')
  }
}

export interface PlannedFault {
  sim: SimName
  fault: FaultName
  count: number
  /** Injected once the simulator's platform has reached this share of its cards. */
  at: number
}

/**
 * Faults for each simulator, round-robin over the kinds (each simulator starting at a different kind),
 * spread from 8 % to 75 % of its platform's cards so that every one is met while requests still come.
 */
export function faultPlan(kinds: Record<SimName, ReadonlyArray<[FaultName, number]>>): PlannedFault[] {
  const plan: PlannedFault[] = []
  for (const [index, sim] of simNames.entries()) {
    const list = kinds[sim]
    for (let step = 0; step < list.length; step += 1) {
      const [fault, count] = list[(step + index) % list.length] ?? ['serverError', 1]
      plan.push({ sim, fault, count, at: 0.08 + (0.67 * step) / Math.max(1, list.length - 1) })
    }
  }
  return plan
}

/**
 * A timer that injects each planned fault once its simulator's platform has got far enough into the
 * job (`progress`: share of that platform's cards reached, 0–1).
 */
export class FaultInjector {
  readonly injected: PlannedFault[] = []
  private timer: NodeJS.Timeout | undefined

  constructor(
    private readonly simulators: Record<SimName, RunningSimulator>,
    private readonly plan: readonly PlannedFault[],
    private readonly progress: (sim: SimName) => number,
  ) {}

  start(): void {
    const waiting = [...this.plan]
    this.timer = setInterval(() => {
      for (const planned of [...waiting]) {
        if (this.progress(planned.sim) < planned.at) continue
        this.simulators[planned.sim].inject(planned.fault, planned.count)
        this.injected.push(planned)
        waiting.splice(waiting.indexOf(planned), 1)
      }
    }, 20)
  }

  stop(): void {
    clearInterval(this.timer)
  }

  /** How many faults of a kind went into a simulator (a count of 3 is three faulty answers). */
  total(sim: SimName, fault: FaultName): number {
    return this.injected
      .filter((planned) => planned.sim === sim && planned.fault === fault)
      .reduce((sum, planned) => sum + planned.count, 0)
  }
}

export interface JobItem {
  seq: number
  cardId: string | null
  subject: string
  result: string
  code: string | null
  message: string | null
}

/** Every item of a job, through the API, 500 at a time. */
export async function allItems(h: Harness, token: string, jobId: string): Promise<JobItem[]> {
  const items: JobItem[] = []
  for (let page = 1; ; page += 1) {
    const response = await h.request({
      method: 'GET',
      url: `/api/v1/jobs/${jobId}/items?page=${page}&pageSize=500`,
      token,
    })
    if (response.statusCode !== 200) throw new Error(`items page ${page}: ${response.body}`)
    const body = response.json<{ items: JobItem[]; total: number }>()
    items.push(...body.items)
    if (body.items.length < 500) return items
  }
}

/** How many items ended with each result and code, e.g. `failed CARRIER_TIMEOUT: 3`. */
export function tally(items: readonly JobItem[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const item of items) {
    const key = item.code ? `${item.result} ${item.code}` : item.result
    counts[key] = (counts[key] ?? 0) + 1
  }
  return counts
}
