import { CarrierRegistry, type CarrierMethod } from '@simops/core'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bundledPlugins } from '../src/config.js'
import { importPlugin } from '../src/plugin-loader.js'
import {
  allItems,
  CallRecorder,
  FaultInjector,
  jobOutcome,
  faultPlan,
  simNames,
  startSimulators,
  tally,
  TrafficRecorder,
  type FaultName,
  type JobItem,
  type RunningSimulator,
  type SimName,
} from './fault-fixtures.js'
import { backends, useApp } from './harness.js'
import { csv, uploadCards } from './import-fixtures.js'
import type { JobBody } from './job-fixtures.js'

/**
 * The requirement: faults injected in the simulators (5xx, timeouts, rate limits, token expiry)
 * during a 10,000-card job leave every item ok, skipped or failed with a reason — none lost, none done
 * twice. The three bundled plugins run against their simulators on the real clock; the faults are
 * injected while the job runs, spread over each platform's share of it.
 */
const registry = await CarrierRegistry.load(bundledPlugins, importPlugin)

/**
 * 10,000 cards in all. A synced card costs OneLink ~12 requests (status, then usage: total, package,
 * platform and one per day of the week), CTWing 3 and Unicom 1 (plus 1 per 50 cards), so Unicom
 * holds most of them, which keeps the run short without giving any platform fewer than 100 rounds.
 */
const SCALE = Number(process.env.FAULTS_SCALE ?? 1)
const CARDS: Record<SimName, number> = { onelink: 1000 * SCALE, ctwing: 2000 * SCALE, unicom: 7000 * SCALE }
const TOTAL = CARDS.onelink + CARDS.ctwing + CARDS.unicom
const JOB_TIMEOUT_MS = 900_000

/**
 * What each simulator meets during the sync. Reads are retried (3 attempts), so a single fault is
 * absorbed and three in a row fail the item. CTWing answers "rateLimited" with its monthly per-card cap,
 * which asks to wait until next month: the gateway waits its 10 s maximum, once per fault, so CTWing
 * gets one. OneLink's `expireTokens` drops every live token at once (its tokens also expire every 3 s).
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

/** Changes are retried only after a rate-limit refusal, so every other fault fails the card it meets. */
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

const getCardsBatch = (name: SimName) => registry.get(name).definition.limits.batchSize.getCards

interface CardRow {
  id: string
  iccid: string
  platformId: string
  lifecycle: string
  syncState: string
  syncErrorCode: string | null
}

describe.each(backends)('a 10,000-card job while the carriers misbehave, on %s', (backend) => {
  const traffic = new TrafficRecorder()
  const calls = new CallRecorder()
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
      // Far above the declared 5–10 requests per second, so the simulators set the pace.
      rateLimitScale: 500,
      // Long enough for OneLink's getCards (a status request per card, 100 cards a call) on a busy machine.
      callTimeoutMs: 2500,
      retryBaseDelayMs: 5,
      // A circuit opened by a run of faults pauses calls for a second rather than half a minute.
      breakerOpenMs: 1000,
      fetch: traffic.fetch,
    },
  })
  let token: string
  const platformOf = {} as Record<SimName, string>
  const simOf = new Map<string, SimName>()
  const durations: Record<string, number> = {}
  const started = Date.now()

  const cardRows = async (): Promise<CardRow[]> =>
    (
      await h()
        .core.database.db.selectFrom('cards')
        .select(['id', 'iccid', 'platformId', 'lifecycle', 'syncState', 'syncErrorCode'])
        .execute()
    ).map((row) => ({ ...row, id: String(row.id) }))

  /** Audit rows of the job for the action, per card id. */
  const auditCounts = async (jobId: string, action: string) => {
    const { rows } = await sql<{ targetId: string; n: number }>`
      select target_id, count(*)::int as n from operations
      where job_id = ${jobId} and action = ${action} group by target_id`.execute(h().core.database.db)
    return new Map(rows.map((row) => [String(row.targetId), Number(row.n)]))
  }

  const startJob = async (payload: object): Promise<string> => {
    const response = await h().request({ method: 'POST', url: '/api/v1/jobs', token, payload })
    expect(response.statusCode, response.body).toBe(202)
    return response.json<{ jobId: string }>().jobId
  }

  /** Every item ended, once, for exactly the cards there are, each failure and skip with its reason. */
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

  /** One audit row of the action per card, tagged with the job. */
  const expectOneAuditRowPerCard = async (jobId: string, action: string, cards: readonly CardRow[]) => {
    const audit = await auditCounts(jobId, action)
    expect(new Set(audit.keys())).toEqual(new Set(cards.map((card) => card.id)))
    expect([...audit.entries()].filter(([, n]) => n !== 1)).toEqual([])
  }

  /** Every planned fault went in and was met by a request; the 5xx and the unanswered ones show in the traffic. */
  const expectFaultsMet = async (
    injector: FaultInjector,
    planned: number,
    before: Record<SimName, ReturnType<TrafficRecorder['snapshot']>>,
  ) => {
    expect(injector.injected).toHaveLength(planned)
    for (const name of simNames) {
      const sim = sims[name]
      expect(await sim.pendingFaults(), `${name}: faults never met`).toBe(0)
      const seen = traffic.since(sim.origin, before[name])
      expect(seen.serverErrors, `${name}: 5xx answers`).toBeGreaterThanOrEqual(
        injector.total(name, 'serverError'),
      )
      expect(injector.total(name, 'serverError')).toBeGreaterThan(0)
      expect(seen.abandoned, `${name}: requests given up`).toBeGreaterThanOrEqual(
        injector.total(name, 'timeout'),
      )
      expect(injector.total(name, 'timeout')).toBeGreaterThan(0)
    }
  }

  const snapshotTraffic = () =>
    Object.fromEntries(simNames.map((name) => [name, traffic.snapshot(sims[name].origin)])) as Record<
      SimName,
      ReturnType<TrafficRecorder['snapshot']>
    >

  beforeAll(async () => {
    const setup = Date.now()
    const inspector = await import('node:inspector/promises')
    const session = new inspector.Session()
    if (process.env.PROFILE_SETUP) {
      session.connect()
      await session.post('Profiler.enable')
      await session.post('Profiler.start')
    }
    await h().core.startJobQueue({ pollingIntervalSeconds: 0.5, syncSchedule: false, recoverEveryMs: 500 })
    calls.install(h().core.gateway)
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
      simOf.set(platformOf[name], name)
      const rows = sim.cards().map((card) => [card.number, card.iccid, 'month'])
      expect(rows).toHaveLength(CARDS[name])
      const upload = await uploadCards(
        h(),
        token,
        { name: `${name}.csv`, content: csv([['卡号/number', 'ICCID', '类型/type'], ...rows]) },
        { platformId: platformOf[name] },
      )
      expect(upload.statusCode, upload.body).toBe(202)
      console.log('DEBUG upload', name, Date.now() - setup)
      const imported = await jobOutcome(h(), token, upload.json<{ jobId: string }>().jobId, JOB_TIMEOUT_MS)
      console.log('DEBUG imported', name, Date.now() - setup)
      expect(imported.counts, name).toMatchObject({ total: CARDS[name], ok: CARDS[name], failed: 0 })
    }
    expect(await cardRows()).toHaveLength(TOTAL)
    durations.setup = Date.now() - setup
    if (process.env.PROFILE_SETUP) {
      const { profile } = await session.post('Profiler.stop')
      ;(await import('node:fs')).writeFileSync('/tmp/scratch/prof/setup.cpuprofile', JSON.stringify(profile))
    }
  }, 1_200_000)

  afterAll(() => {
    durations.total = Date.now() - started
    console.log(`job-faults on ${backend}: durations (ms) ${JSON.stringify(durations)}`)
  })

  it('syncs every card once, each ok or failed with the carrier failure that hit it', async () => {
    if (process.env.ONLY_SETUP) return
    const t0 = Date.now()
    const inspector = await import('node:inspector/promises')
    const session = new inspector.Session()
    if (process.env.PROFILE) {
      session.connect()
      await session.post('Profiler.enable')
      await session.post('Profiler.start')
    }
    const before = snapshotTraffic()
    const sentBefore = (name: SimName, method: CarrierMethod) => calls.iccidsSent(platformOf[name], method)
    const usageBefore = Object.fromEntries(simNames.map((name) => [name, sentBefore(name, 'getUsage')]))
    const cardsBefore = Object.fromEntries(simNames.map((name) => [name, sentBefore(name, 'getCards')]))
    const plan = faultPlan(syncFaults)
    const injector = new FaultInjector(
      sims,
      plan,
      // Cards whose usage is being read, or whose getCards round is over (a failed one reads no usage).
      (name) =>
        Math.max(
          calls.iccidsSent(platformOf[name], 'getUsage') - (usageBefore[name] ?? 0),
          calls.iccidsSent(platformOf[name], 'getCards') - (cardsBefore[name] ?? 0) - getCardsBatch(name),
        ) / CARDS[name],
    )
    injector.start()
    const dbg = setInterval(() => {
      void h()
        .core.database.db.selectFrom('jobItems')
        .select(['platformId', 'result', sql<number>`count(*)::int`.as('n')])
        .groupBy(['platformId', 'result'])
        .where(
          'jobId',
          'in',
          h().core.database.db.selectFrom('jobs').select('id').where('state', '=', 'running'),
        )
        .execute()
        .then((r) =>
          console.log(
            'DEBUG',
            Date.now() - t0,
            JSON.stringify(r.map((x) => [simOf.get(x.platformId ?? '') ?? '', x.result, x.n])),
            JSON.stringify(injector.injected.length),
          ),
        )
    }, 5000)
    let job: JobBody
    try {
      job = await jobOutcome(h(), token, await startJob({ action: 'sync', filter: {} }), JOB_TIMEOUT_MS)
    } finally {
      injector.stop()
      clearInterval(dbg)
    }
    durations.sync = Date.now() - t0
    console.log(
      'DEBUG timing',
      JSON.stringify(
        (
          await sql`select j.created_at, j.started_at, j.finished_at, (select min(finished_at) from job_items where job_id = j.id) as first_item, (select min(attempted_at) from job_items where job_id = j.id) as first_attempt from jobs j where id = ${job.id}`.execute(
            h().core.database.db,
          )
        ).rows,
      ),
    )
    if (process.env.PROFILE) {
      const { profile } = await session.post('Profiler.stop')
      ;(await import('node:fs')).writeFileSync('/tmp/scratch/prof/sync.cpuprofile', JSON.stringify(profile))
    }
    const items = await allItems(h(), token, job.id)
    const cards = await cardRows()
    console.log(
      'DEBUG msgs',
      JSON.stringify(
        [...new Set(items.filter((i) => i.result !== 'ok').map((i) => i.message))].slice(0, 30),
        null,
        1,
      ),
    )
    console.log(`sync on ${backend}: ${JSON.stringify(job.counts)} ${JSON.stringify(tally(items))}`)

    expectEveryItemSettledOnce(job, items, cards)
    expect(job.counts.skipped).toBe(0)
    await expectOneAuditRowPerCard(job.id, 'card.sync', cards)

    // Each item's result is what its card shows.
    const byId = new Map(cards.map((card) => [card.id, card]))
    const mismatched = items.filter((item) => {
      const card = byId.get(item.cardId ?? '')
      return item.result === 'ok'
        ? card?.syncState !== 'ok'
        : card?.syncState !== 'failed' || card.syncErrorCode !== item.code
    })
    expect(mismatched).toEqual([])

    // The faults fired: three in a row defeat the retries of a read, so those items failed with them.
    await expectFaultsMet(injector, plan.length, before)
    const failureCodes = new Set(items.filter((item) => item.result === 'failed').map((item) => item.code))
    expect([...failureCodes].filter((code) => !CARRIER_FAILURES.includes(code ?? ''))).toEqual([])
    for (const code of ['CARRIER_UNAVAILABLE', 'CARRIER_TIMEOUT', 'CARRIER_AUTH'])
      expect(failureCodes, code).toContain(code)
    // OneLink tokens expired during the job (every 3 s, and all at once twice) and were renewed.
    expect(traffic.since(sims.onelink.origin, before.onelink).tokenRequests).toBeGreaterThanOrEqual(3)

    // With the carriers well again, the failed cards sync.
    const failed = items.filter((item) => item.result === 'failed').map((item) => item.cardId ?? '')
    const retry = await jobOutcome(
      h(),
      token,
      await startJob({ action: 'sync', cardIds: failed }),
      JOB_TIMEOUT_MS,
    )
    expect(retry).toMatchObject({ state: 'completed', counts: { total: failed.length, ok: failed.length } })
    durations.syncRetry = Date.now() - t0 - durations.sync
  }, 1_200_000)

  it('suspends each active card with one request, skips the rest with a reason, never sends a card twice', async () => {
    const t0 = Date.now()
    const cardsBefore = await cardRows()
    expect(cardsBefore.filter((card) => card.lifecycle === 'unknown')).toEqual([])
    const active = cardsBefore.filter((card) => card.lifecycle === 'active')
    const activeOn = (name: SimName) => active.filter((card) => card.platformId === platformOf[name]).length
    for (const name of simNames) expect(activeOn(name), name).toBeGreaterThan(CARDS[name] / 10)

    const before = snapshotTraffic()
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
    injector.start()
    const dbg = setInterval(() => {
      void h()
        .core.database.db.selectFrom('jobItems')
        .select(['platformId', 'result', sql<number>`count(*)::int`.as('n')])
        .groupBy(['platformId', 'result'])
        .where(
          'jobId',
          'in',
          h().core.database.db.selectFrom('jobs').select('id').where('state', '=', 'running'),
        )
        .execute()
        .then((r) =>
          console.log(
            'DEBUG',
            Date.now() - t0,
            JSON.stringify(r.map((x) => [simOf.get(x.platformId ?? '') ?? '', x.result, x.n])),
            JSON.stringify(injector.injected.length),
          ),
        )
    }, 5000)
    let job: JobBody
    try {
      job = await jobOutcome(h(), token, await startJob({ action: 'suspend', filter: {} }), JOB_TIMEOUT_MS)
    } finally {
      injector.stop()
      clearInterval(dbg)
    }
    durations.suspend = Date.now() - t0
    const items = await allItems(h(), token, job.id)
    console.log(
      'DEBUG msgs',
      JSON.stringify(
        [...new Set(items.filter((i) => i.result === 'failed').map((i) => i.message))].slice(0, 30),
        null,
        1,
      ),
    )
    console.log(`suspend on ${backend}: ${JSON.stringify(job.counts)} ${JSON.stringify(tally(items))}`)

    expectEveryItemSettledOnce(job, items, cardsBefore)
    await expectOneAuditRowPerCard(job.id, 'card.suspend', cardsBefore)

    // No ICCID left SimOps twice, and exactly the active cards were sent.
    const sent = calls.calls
      .slice(from)
      .filter((call) => call.method === 'changeState')
      .flatMap((call) => call.iccids)
    const twice = sent.filter((iccid, index) => sent.indexOf(iccid) !== index)
    expect(twice).toEqual([])
    expect(new Set(sent)).toEqual(new Set(active.map((card) => card.iccid)))

    // Active cards went to the carrier (ok or failed); every other card was skipped for its state.
    const activeIds = new Set(active.map((card) => card.id))
    const misplaced = items.filter((item) => activeIds.has(item.cardId ?? '') === (item.result === 'skipped'))
    expect(misplaced).toEqual([])
    const skipCodes = new Set(items.filter((item) => item.result === 'skipped').map((item) => item.code))
    expect(
      [...skipCodes].filter((code) => !['ACTION_NOT_ALLOWED', 'CARD_CHANGE_PENDING'].includes(code ?? '')),
    ).toEqual([])
    const failed = items.filter((item) => item.result === 'failed')
    const failureCodes = new Set(failed.map((item) => item.code))
    expect([...failureCodes].filter((code) => !CARRIER_FAILURES.includes(code ?? ''))).toEqual([])
    // A change is not retried unless the carrier refused it for the rate, so each fault kind shows.
    for (const code of CARRIER_FAILURES) expect(failureCodes, code).toContain(code)
    await expectFaultsMet(injector, plan.length, before)

    // Ok cards read suspended, or suspend pending, in SimOps…
    const ok = items.filter((item) => item.result === 'ok')
    const step = Math.max(1, Math.floor(ok.length / 50))
    for (const item of ok.filter((_, index) => index % step === 0).slice(0, 50)) {
      const card = (await h().request({ method: 'GET', url: `/api/v1/cards/${item.cardId}`, token })).json<{
        lifecycle: string
        pending: { action: string } | null
      }>()
      expect(card.lifecycle === 'suspended' || card.pending?.action === 'suspend', JSON.stringify(card)).toBe(
        true,
      )
    }
    // …and at the carrier; a change the carrier refused or never received left the card active there.
    for (const name of simNames) sims[name].settle()
    const iccidOf = new Map(cardsBefore.map((card) => [card.id, card]))
    const refused = failed.filter((item) => item.code !== 'CARRIER_TIMEOUT')
    for (const name of simNames) {
      const onPlatform = (list: readonly JobItem[]) =>
        list
          .map((item) => iccidOf.get(item.cardId ?? ''))
          .filter((card) => card?.platformId === platformOf[name])
          .map((card) => card?.iccid ?? '')
      const okIccids = onPlatform(ok)
      const refusedIccids = onPlatform(refused)
      const read = await h().core.cardOperations.carrierLifecycles(platformOf[name], [
        ...okIccids,
        ...refusedIccids,
      ])
      expect(
        okIccids.filter((iccid) => read.get(iccid) !== 'suspended'),
        `${name}: ok but not suspended`,
      ).toEqual([])
      expect(
        refusedIccids.filter((iccid) => read.get(iccid) !== 'active'),
        `${name}: failed but changed`,
      ).toEqual([])
    }
    durations.suspendChecks = Date.now() - t0 - durations.suspend
  }, 1_200_000)
})
