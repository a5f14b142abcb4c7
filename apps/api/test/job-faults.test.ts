import { CarrierRegistry, type CarrierMethod } from '@simops/core'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bundledPlugins } from '../src/config.js'
import { importPlugin } from '../src/plugin-loader.js'
import {
  allItems,
  CallRecorder,
  FaultInjector,
  faultPlan,
  RunRecorder,
  simNames,
  startSimulators,
  tally,
  TrafficRecorder,
  type FaultName,
  type JobItem,
  type RunningSimulator,
  type SimName,
  type TrafficCounts,
} from './fault-fixtures.js'
import { backends, useApp } from './harness.js'
import { csv, uploadCards } from './import-fixtures.js'
import { waitForJob, type JobBody } from './job-fixtures.js'

/**
 * The requirement: faults injected in the simulators (5xx, timeouts, rate limits, token expiry)
 * during a 10,000-card job leave every item ok, skipped or failed with a reason — none lost, none done
 * twice. The three bundled plugins run against their simulators on the real clock; the faults are
 * injected while the job runs, spread over each platform's share of it.
 */
const registry = await CarrierRegistry.load(bundledPlugins, importPlugin)

/**
 * 10,000 cards in all. A synced card costs OneLink ~12 requests (status, then usage: total, package,
 * platform and one per day of the week so far), CTWing 3 and Unicom 1 (plus 1 per 50 cards), so Unicom
 * holds most of them, which keeps the run short while every platform still has hundreds of cards.
 */
const CARDS: Record<SimName, number> = { onelink: 1000, ctwing: 2000, unicom: 7000 }
const TOTAL = CARDS.onelink + CARDS.ctwing + CARDS.unicom
/** Generous: on a busy 2-core machine each job takes minutes (see the durations logged at the end). */
const JOB_TIMEOUT_MS = 900_000

/**
 * What each simulator meets during the sync. Reads are retried (3 attempts), so a single fault is
 * absorbed and three in a row fail the item. CTWing answers "rateLimited" with its monthly per-card cap,
 * which asks to wait until next month: the gateway does not retry that, so the card it meets fails
 * CARRIER_RATE_LIMITED at once. OneLink's `expireTokens` drops every live token at once (its tokens also expire every 3 s).
 */
const syncFaults: Record<SimName, ReadonlyArray<[FaultName, number]>> = {
  onelink: [
    ['serverError', 1],
    ['timeout', 1],
    ['rateLimited', 1],
    ['unauthorized', 1],
    ['expireTokens', 1],
    ['serverError', 3],
    ['timeout', 3],
    ['rateLimited', 3],
    ['unauthorized', 2],
    ['expireTokens', 1],
  ],
  ctwing: [
    ['serverError', 1],
    ['timeout', 1],
    ['rateLimited', 1],
    ['unauthorized', 1],
    ['serverError', 3],
    ['timeout', 3],
    ['unauthorized', 2],
  ],
  unicom: [
    ['serverError', 1],
    ['timeout', 1],
    ['rateLimited', 1],
    ['unauthorized', 1],
    ['serverError', 3],
    ['timeout', 3],
    ['rateLimited', 3],
    ['unauthorized', 2],
  ],
}

/**
 * What each simulator meets during the suspend job. A change is retried only after a rate-limit refusal
 * (the carrier surely did nothing), so every other fault fails the change it meets; several changes of a
 * platform run side by side, so the faults of one injection may meet different cards.
 */
const suspendFaults: Record<SimName, ReadonlyArray<[FaultName, number]>> = {
  onelink: [
    ['serverError', 1],
    ['timeout', 1],
    ['rateLimited', 1],
    ['unauthorized', 1],
    ['expireTokens', 1],
    ['rateLimited', 3],
    ['serverError', 2],
    ['timeout', 2],
    ['unauthorized', 2],
  ],
  ctwing: [
    ['serverError', 1],
    ['timeout', 1],
    ['rateLimited', 1],
    ['unauthorized', 1],
    ['serverError', 2],
    ['timeout', 2],
    ['unauthorized', 2],
  ],
  unicom: [
    ['serverError', 1],
    ['timeout', 1],
    ['rateLimited', 1],
    ['unauthorized', 1],
    ['rateLimited', 3],
    ['serverError', 2],
    ['timeout', 2],
    ['unauthorized', 2],
  ],
}

/** The carrier failures a faulty answer can end an item with. */
const CARRIER_FAILURES = ['CARRIER_UNAVAILABLE', 'CARRIER_TIMEOUT', 'CARRIER_RATE_LIMITED', 'CARRIER_AUTH']
/** Items skipped because the card's state rules the action out. */
const SKIP_CODES = ['ACTION_NOT_ALLOWED', 'CARD_CHANGE_PENDING']

const getCardsBatch = (name: SimName) => registry.get(name).definition.limits.batchSize.getCards

interface CardRow {
  id: string
  iccid: string
  platformId: string
  lifecycle: string
  syncState: string
  syncErrorCode: string | null
}

type Traffic = Record<SimName, TrafficCounts>

describe.each(backends)('a 10,000-card job while the carriers misbehave, on %s', (backend) => {
  const traffic = new TrafficRecorder()
  const calls = new CallRecorder()
  const runs = new RunRecorder()
  let sims: Record<SimName, RunningSimulator>
  beforeAll(async () => {
    sims = await startSimulators({ cards: CARDS, tokenTtlSeconds: 3 })
  })
  afterAll(async () => {
    if (sims) await Promise.all(simNames.map((name) => sims[name].close()))
  })
  const h = useApp(backend, {
    carriers: registry,
    gateway: {
      // Far above the declared 5–10 requests per second: the simulators and the database set the pace.
      rateLimitScale: 500,
      // Short, yet long enough for OneLink's getCards (one status request per card, 100 cards a call)
      // on a busy machine, so that only injected timeouts time out.
      callTimeoutMs: 2500,
      retryBaseDelayMs: 5,
      // A circuit opened by a run of faults pauses calls for a second rather than half a minute.
      breakerOpenMs: 1000,
      fetch: traffic.fetch,
    },
    // One card's usage at a time per platform, so that a run of faults meets the attempts of one read
    // in turn (see syncFaults); the suspend job still runs its changes side by side.
    syncParallelism: 1,
  })
  let token: string
  const platformOf = {} as Record<SimName, string>
  const durations: Record<string, number> = {}

  const cardRows = async (): Promise<CardRow[]> =>
    (
      await h()
        .core.database.db.selectFrom('cards')
        .select(['id', 'iccid', 'platformId', 'lifecycle', 'syncState', 'syncErrorCode'])
        .execute()
    ).map((row) => ({ ...row, id: String(row.id) }))

  const startJob = async (payload: object): Promise<string> => {
    const response = await h().request({ method: 'POST', url: '/api/v1/jobs', token, payload })
    expect(response.statusCode, response.body).toBe(202)
    return response.json<{ jobId: string }>().jobId
  }

  /** Runs a job over every card while the injector works, and reads all its items. */
  const runWithFaults = async (payload: object, injector: FaultInjector) => {
    injector.start()
    let job: JobBody
    try {
      job = await waitForJob(h(), token, await startJob(payload), JOB_TIMEOUT_MS, 1000)
    } finally {
      injector.stop()
    }
    return { job, items: await allItems(h(), token, job.id) }
  }

  const snapshotTraffic = (): Traffic =>
    Object.fromEntries(simNames.map((name) => [name, traffic.snapshot(sims[name].origin)])) as Traffic

  /** Every card has exactly one item, ended once, each failure and skip with its code and message. */
  const expectEveryItemSettledOnce = (job: JobBody, items: readonly JobItem[], cards: readonly CardRow[]) => {
    expect(job.state).toBe('completed')
    expect(job.counts.total).toBe(TOTAL)
    expect(job.counts.pending).toBe(0)
    expect(job.counts.ok + job.counts.skipped + job.counts.failed).toBe(TOTAL)
    expect(items).toHaveLength(TOTAL)
    expect(items.filter((item) => !['ok', 'skipped', 'failed'].includes(item.result))).toEqual([])
    expect(new Set(items.map((item) => item.seq)).size).toBe(TOTAL)
    expect(new Set(items.map((item) => item.cardId))).toEqual(new Set(cards.map((card) => card.id)))
    const unexplained = items.filter(
      (item) => item.result !== 'ok' && !(item.code?.trim() && item.message?.trim()),
    )
    expect(unexplained).toEqual([])
    for (const result of ['ok', 'skipped', 'failed'] as const)
      expect(items.filter((item) => item.result === result).length, result).toBe(job.counts[result])
  }

  /** Exactly one audit row of the action per card, tagged with the job. */
  const expectOneAuditRowPerCard = async (jobId: string, action: string, cards: readonly CardRow[]) => {
    const { rows } = await sql<{ targetId: string; n: number }>`
      select target_id, count(*)::int as n from operations
      where job_id = ${jobId} and action = ${action} group by target_id`.execute(h().core.database.db)
    expect(new Set(rows.map((row) => String(row.targetId)))).toEqual(new Set(cards.map((card) => card.id)))
    expect(
      rows.filter((row) => Number(row.n) !== 1),
      `cards audited more than once; the job's runs: ${runs.describe(jobId)}`,
    ).toEqual([])
  }

  /**
   * Every planned fault went in and was met by a request (no simulator has one left waiting), and the
   * 5xx answers and the requests given up on show in the traffic at least as often as they were injected.
   */
  const expectFaultsMet = async (injector: FaultInjector, planned: number, before: Traffic) => {
    expect(injector.injected).toHaveLength(planned)
    for (const name of simNames) {
      expect(await sims[name].pendingFaults(), `${name}: faults left unmet`).toBe(0)
      const seen = traffic.since(sims[name].origin, before[name])
      expect(injector.total(name, 'serverError')).toBeGreaterThan(0)
      expect(seen.serverErrors, `${name}: 5xx answers`).toBeGreaterThanOrEqual(
        injector.total(name, 'serverError'),
      )
      expect(injector.total(name, 'timeout')).toBeGreaterThan(0)
      expect(seen.abandoned, `${name}: requests given up`).toBeGreaterThanOrEqual(
        injector.total(name, 'timeout'),
      )
    }
  }

  const failureCodes = (items: readonly JobItem[]) =>
    new Set(items.filter((item) => item.result === 'failed').map((item) => item.code ?? ''))

  beforeAll(async () => {
    const started = Date.now()
    await h().core.startJobQueue({ pollingIntervalSeconds: 0.5, syncSchedule: false, recoverEveryMs: 500 })
    calls.install(h().core.gateway)
    runs.install(h().core.jobRunner)
    token = await h().adminToken()
    for (const name of simNames) {
      const sim = sims[name]
      const created = await h().request({
        method: 'POST',
        url: '/api/v1/platforms',
        token,
        payload: {
          carrierId: name,
          name: `${name} faults`,
          config: sim.config,
          syncSchedule: { enabled: false },
        },
      })
      expect(created.statusCode, created.body).toBe(201)
      platformOf[name] = created.json<{ id: string }>().id
      const rows = sim.cards().map((card) => [card.number, card.iccid, 'month'])
      expect(rows).toHaveLength(CARDS[name])
      const upload = await uploadCards(
        h(),
        token,
        { name: `${name}.csv`, content: csv([['卡号/number', 'ICCID', '类型/type'], ...rows]) },
        { platformId: platformOf[name] },
      )
      expect(upload.statusCode, upload.body).toBe(202)
      const imported = await waitForJob(
        h(),
        token,
        upload.json<{ jobId: string }>().jobId,
        JOB_TIMEOUT_MS,
        1000,
      )
      expect(imported.counts, name).toMatchObject({ total: CARDS[name], ok: CARDS[name], failed: 0 })
    }
    expect(await cardRows()).toHaveLength(TOTAL)
    durations.setup = Date.now() - started
  }, JOB_TIMEOUT_MS)

  afterAll(() => {
    console.log(`job faults on ${backend}, durations in ms: ${JSON.stringify(durations)}`)
  })

  it(
    'syncs every card once, each ok or failed with the carrier failure that hit it',
    async () => {
      const started = Date.now()
      const before = snapshotTraffic()
      const sentBefore = (method: CarrierMethod) =>
        Object.fromEntries(simNames.map((name) => [name, calls.iccidsSent(platformOf[name], method)]))
      const usageBefore = sentBefore('getUsage')
      const lookupsBefore = sentBefore('getCards')
      const plan = faultPlan(syncFaults)
      const injector = new FaultInjector(sims, plan, (name) => {
        const id = platformOf[name]
        // Cards whose usage is being read, or whose getCards round is over (a failed one reads no usage).
        const usage = calls.iccidsSent(id, 'getUsage') - (usageBefore[name] ?? 0)
        const looked = calls.iccidsSent(id, 'getCards') - (lookupsBefore[name] ?? 0) - getCardsBatch(name)
        return Math.max(usage, looked) / CARDS[name]
      })
      const { job, items } = await runWithFaults({ action: 'sync', filter: {} }, injector)
      durations.sync = Date.now() - started
      console.log(`sync on ${backend}: ${JSON.stringify(tally(items))}`)

      const cards = await cardRows()
      expectEveryItemSettledOnce(job, items, cards)
      expect(job.counts.skipped).toBe(0)
      await expectOneAuditRowPerCard(job.id, 'card.sync', cards)
      // Each item's result is the one its card shows.
      const byId = new Map(cards.map((card) => [card.id, card]))
      const mismatched = items.filter((item) => {
        const card = byId.get(item.cardId ?? '')
        return item.result === 'ok'
          ? card?.syncState !== 'ok'
          : card?.syncState !== 'failed' || card.syncErrorCode !== item.code
      })
      expect(mismatched).toEqual([])

      // The faults fired. A platform reads one card at a time, so three faults in a row meet the three
      // attempts of one read and fail its cards with what they were.
      await expectFaultsMet(injector, plan.length, before)
      const codes = failureCodes(items)
      expect([...codes].filter((code) => !CARRIER_FAILURES.includes(code))).toEqual([])
      for (const code of ['CARRIER_UNAVAILABLE', 'CARRIER_TIMEOUT', 'CARRIER_AUTH'])
        expect(codes).toContain(code)
      // OneLink tokens expired during the job (every 3 s, and all at once twice) and were renewed.
      expect(traffic.since(sims.onelink.origin, before.onelink).tokenRequests).toBeGreaterThanOrEqual(3)

      // With the carriers well again, the failed cards sync.
      const retryStarted = Date.now()
      const failed = items.filter((item) => item.result === 'failed').map((item) => item.cardId ?? '')
      const retry = await waitForJob(
        h(),
        token,
        await startJob({ action: 'sync', cardIds: failed }),
        JOB_TIMEOUT_MS,
        1000,
      )
      expect(retry).toMatchObject({ state: 'completed', counts: { total: failed.length, ok: failed.length } })
      durations.syncFailedAgain = Date.now() - retryStarted
    },
    JOB_TIMEOUT_MS,
  )

  it(
    'suspends each active card with one request, skips the others with a reason, never sends a card twice',
    async () => {
      const started = Date.now()
      // Every card's state is known first (the sync above leaves none unknown when it passes).
      const unknown = (await cardRows()).filter((card) => card.lifecycle === 'unknown').map((card) => card.id)
      if (unknown.length > 0) {
        const synced = await waitForJob(
          h(),
          token,
          await startJob({ action: 'sync', cardIds: unknown }),
          JOB_TIMEOUT_MS,
          1000,
        )
        expect(synced.counts).toMatchObject({ total: unknown.length, ok: unknown.length })
      }
      const cards = await cardRows()
      expect(cards.filter((card) => card.lifecycle === 'unknown')).toEqual([])
      const active = cards.filter((card) => card.lifecycle === 'active')
      const activeOn = (name: SimName) => active.filter((card) => card.platformId === platformOf[name]).length
      for (const name of simNames) expect(activeOn(name), name).toBeGreaterThan(CARDS[name] / 10)

      const before = snapshotTraffic()
      const namedBefore = {
        onelink: traffic.requestsNaming(sims.onelink.origin),
        unicom: traffic.requestsNaming(sims.unicom.origin),
      }
      const from = calls.calls.length
      const changesBefore = Object.fromEntries(
        simNames.map((name) => [name, calls.iccidsSent(platformOf[name], 'changeState')]),
      )
      const plan = faultPlan(suspendFaults)
      const injector = new FaultInjector(
        sims,
        plan,
        (name) =>
          (calls.iccidsSent(platformOf[name], 'changeState') - (changesBefore[name] ?? 0)) / activeOn(name),
      )
      const { job, items } = await runWithFaults({ action: 'suspend', filter: {} }, injector)
      durations.suspend = Date.now() - started
      console.log(`suspend on ${backend}: ${JSON.stringify(tally(items))}`)

      expectEveryItemSettledOnce(job, items, cards)
      await expectOneAuditRowPerCard(job.id, 'card.suspend', cards)

      // No ICCID left SimOps twice, and the ones that left are exactly the active cards'.
      const changes = calls.calls.slice(from).filter((call) => call.method === 'changeState')
      const timesSent = new Map<string, number>()
      for (const iccid of changes.flatMap((call) => call.iccids))
        timesSent.set(iccid, (timesSent.get(iccid) ?? 0) + 1)
      expect(
        [...timesSent].filter(([, n]) => n > 1),
        `the job's runs: ${runs.describe(job.id)}`,
      ).toEqual([])
      expect(new Set(timesSent.keys())).toEqual(new Set(active.map((card) => card.iccid)))

      // Active cards went to the carrier and ended ok or failed; every other card was skipped for its state.
      const activeIds = new Set(active.map((card) => card.id))
      expect(
        items.filter((item) => activeIds.has(item.cardId ?? '') === (item.result === 'skipped')),
      ).toEqual([])
      const skipCodes = new Set(
        items.filter((item) => item.result === 'skipped').map((item) => item.code ?? ''),
      )
      expect([...skipCodes].filter((code) => !SKIP_CODES.includes(code))).toEqual([])
      const codes = failureCodes(items)
      expect([...codes].filter((code) => !CARRIER_FAILURES.includes(code))).toEqual([])
      // The faults fired: 5xx, timeouts and refused credentials each failed the change they met…
      await expectFaultsMet(injector, plan.length, before)
      for (const code of ['CARRIER_UNAVAILABLE', 'CARRIER_TIMEOUT', 'CARRIER_AUTH'])
        expect(codes).toContain(code)
      // …and refusals for the rate (and OneLink's refused tokens) were retried: some ICCIDs went out in a
      // second request, though each in one change.
      const resent = (['onelink', 'unicom'] as const).flatMap((name) => {
        const after = traffic.requestsNaming(sims[name].origin)
        return [...after].filter(([iccid, n]) => n - (namedBefore[name].get(iccid) ?? 0) > 1)
      })
      expect(resent.length).toBeGreaterThan(0)

      // Ok cards read suspended, or suspend pending, in SimOps…
      const ok = items.filter((item) => item.result === 'ok')
      const step = Math.max(1, Math.floor(ok.length / 50))
      for (const item of ok.filter((_, index) => index % step === 0).slice(0, 50)) {
        const card = (await h().request({ method: 'GET', url: `/api/v1/cards/${item.cardId}`, token })).json<{
          lifecycle: string
          pending: { action: string } | null
        }>()
        expect(
          card.lifecycle === 'suspended' || card.pending?.action === 'suspend',
          JSON.stringify(card),
        ).toBe(true)
      }
      // …and at the carrier; a change it refused or never received (all failures but timeouts, which may
      // have arrived late) left the card active there.
      for (const name of simNames) sims[name].settle()
      const cardOf = new Map(cards.map((card) => [card.id, card]))
      const refused = items.filter((item) => item.result === 'failed' && item.code !== 'CARRIER_TIMEOUT')
      for (const name of simNames) {
        const iccidsOn = (list: readonly JobItem[]) =>
          list.flatMap((item) => {
            const card = cardOf.get(item.cardId ?? '')
            return card?.platformId === platformOf[name] ? [card.iccid] : []
          })
        const [okIccids, refusedIccids] = [iccidsOn(ok), iccidsOn(refused)]
        const read = await h().core.cardOperations.carrierLifecycles(platformOf[name], [
          ...okIccids,
          ...refusedIccids,
        ])
        expect(
          okIccids.filter((iccid) => read.get(iccid) !== 'suspended'),
          `${name}: ok, not suspended`,
        ).toEqual([])
        expect(
          refusedIccids.filter((iccid) => read.get(iccid) !== 'active'),
          `${name}: failed, changed`,
        ).toEqual([])
      }
      durations.suspendChecks = Date.now() - started - durations.suspend
    },
    JOB_TIMEOUT_MS,
  )
})
