import { systemContext } from '@simops/core'
import { startReferenceSimulator, type ReferenceSimulator } from '@simops/carrier-testkit/reference'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPlatform, referenceRegistry } from './card-fixtures.js'
import { backends, useApp } from './harness.js'

/**
 * The moments a crash can leave behind, set up by hand: a change the carrier applied (or accepted)
 * whose item was marked attempted but never settled. The resumed job must settle it without a
 * second request to the carrier.
 */
describe.each(backends)('resuming attempted changes on %s', (backend) => {
  let simulator: ReferenceSimulator
  const requests = new Map<string, number>()
  beforeAll(async () => {
    simulator = await startReferenceSimulator({ cards: 30, applyDelayMs: 0, lockSeconds: 0 })
    const requestChange = simulator.state.requestChange.bind(simulator.state)
    simulator.state.requestChange = (iccid, action) => {
      requests.set(iccid, (requests.get(iccid) ?? 0) + 1)
      return requestChange(iccid, action)
    }
  })
  afterAll(() => simulator.close())
  const h = useApp(backend, { carriers: referenceRegistry })

  it('settles a change the carrier already shows as done, without sending it again, and audits it', async () => {
    const ctx = systemContext('test')
    const core = h().core
    const platformId = await createPlatform(h(), simulator, 'Reference reconcile')
    const active = simulator.state
      .cards()
      .filter((card) => card.status === 'ACTIVE')
      .slice(0, 4)
    // Card 4 was suspended before the job: resumed, it is still a suspend of a suspended card.
    simulator.state.requestChange(active[3]?.iccid ?? '', 'SUSPEND')
    const ids: string[] = []
    for (const card of active)
      ids.push(
        (await core.cards.create(ctx, { number: card.msisdn, iccid: card.iccid, platformId, type: 'month' }))
          .id,
      )
    await core.cardSync.sync(ctx, ids.map(Number))

    const job = await core.jobs.create(ctx, { action: 'suspend', cardIds: ids })
    // Written, not processed: a run told to stop at once only lists the items and hands the job back.
    const stopped = new AbortController()
    stopped.abort()
    expect(await core.jobRunner.run(job.id, stopped.signal)).toBe('stopped')

    // Card 1: the carrier applied the change, our record of it was lost.
    const [first, second, third, fourth] = active
    simulator.state.requestChange(first?.iccid ?? '', 'SUSPEND')
    // Card 3: the change went through and was recorded (card and audit row commit together), but the
    // item was not settled.
    simulator.state.requestChange(third?.iccid ?? '', 'SUSPEND')
    await core.database.db.transaction().execute(async (trx) => {
      await sql`update cards set lifecycle = 'suspended', updated_at = now() where iccid = ${third?.iccid ?? ''}`.execute(
        trx,
      )
      await core.operations.record(
        trx,
        { ...ctx, jobId: job.id },
        {
          action: 'card.suspend',
          targetType: 'card',
          targetId: ids[2] ?? '',
          targetName: third?.msisdn ?? '',
        },
        { result: 'success' },
      )
    })
    requests.clear()
    await sql`update job_items set attempted_at = now() - interval '1 minute' where job_id = ${job.id}`.execute(
      core.database.db,
    )

    expect(await core.jobRunner.run(job.id)).toBe('finished')
    const items = await core.jobs.items(job.id, { page: 1, pageSize: 10 })
    const bySubject = new Map(items.items.map((item) => [item.subject, item]))
    expect(bySubject.get(first?.msisdn ?? '')).toMatchObject({ result: 'ok', code: 'ALREADY_APPLIED' })
    // Card 2 was attempted but never reached the carrier: it is sent now, once.
    expect(bySubject.get(second?.msisdn ?? '')).toMatchObject({ result: 'ok', code: null })
    expect(bySubject.get(third?.msisdn ?? '')).toMatchObject({ result: 'ok', code: 'ALREADY_ACCEPTED' })
    expect(bySubject.get(fourth?.msisdn ?? '')).toMatchObject({
      result: 'skipped',
      code: 'ACTION_NOT_ALLOWED',
    })
    expect(requests.get(first?.iccid ?? '')).toBeUndefined()
    expect(requests.get(second?.iccid ?? '')).toBe(1)
    expect(requests.get(third?.iccid ?? '')).toBeUndefined()
    expect(requests.get(fourth?.iccid ?? '')).toBeUndefined()
    // One success row per changed card: card 3's from before the "crash", cards 1 and 2 from this run.
    const audit = await core.operations.list({
      jobId: job.id,
      action: 'card.suspend',
      result: 'success',
      limit: 10,
    })
    expect(audit.items.map((row) => row.target.name).sort()).toEqual(
      [first?.msisdn, second?.msisdn, third?.msisdn].sort(),
    )
    expect(audit.items.find((row) => row.target.name === first?.msisdn)?.details).toMatchObject({
      resumed: true,
    })
  })

  it('runs a job once when two messages for it arrive together', async () => {
    const ctx = systemContext('test')
    const core = h().core
    const cards = await core.cards.list({ filter: {}, sort: 'createdAt', order: 'asc', limit: 10 })
    const ids = cards.items.map((card) => card.id)
    const job = await core.jobs.create(ctx, { action: 'sync', cardIds: ids })
    const outcomes = await Promise.all([core.jobRunner.run(job.id), core.jobRunner.run(job.id)])
    expect(outcomes.sort()).toEqual(['finished', 'not-claimed'])
    const audit = await core.operations.list({ jobId: job.id, action: 'card.sync', limit: 50 })
    expect(audit.items).toHaveLength(ids.length)
    expect(await core.jobs.get(job.id)).toMatchObject({
      state: 'completed',
      counts: { total: ids.length, ok: ids.length },
    })
  })
})
