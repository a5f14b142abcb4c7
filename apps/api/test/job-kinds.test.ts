import { systemContext } from '@simops/core'
import { startReferenceSimulator, type ReferenceSimulator } from '@simops/carrier-testkit/reference'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPlatform, referenceRegistry } from './card-fixtures.js'
import { backends, useApp } from './harness.js'
import { waitForJob } from './job-fixtures.js'

describe.each(backends)('job kinds on %s', (backend) => {
  let simulator: ReferenceSimulator
  beforeAll(async () => {
    simulator = await startReferenceSimulator({ cards: 80, applyDelayMs: 0, lockSeconds: 0 })
  })
  afterAll(() => simulator.close())
  // 20 of the reference carrier's 50 requests/s, so a sync of 70 cards lasts long enough to cancel.
  const h = useApp(backend, { carriers: referenceRegistry, gateway: { rateLimitScale: 0.4 } })
  let platformId: string
  let token: string
  const ids: string[] = []
  beforeAll(async () => {
    await h().core.startJobQueue({ pollingIntervalSeconds: 0.5, syncSchedule: false, recoverEveryMs: 500 })
    platformId = await createPlatform(h(), simulator, 'Reference kinds')
    token = await h().adminToken()
    for (const card of simulator.state.cards().slice(0, 70))
      ids.push(
        (
          await h().core.cards.create(systemContext('test'), {
            number: card.msisdn,
            iccid: card.iccid,
            platformId,
            type: 'month',
          })
        ).id,
      )
  })
  const start = async (payload: object) => {
    const response = await h().request({ method: 'POST', url: '/api/v1/jobs', token, payload })
    expect(response.statusCode).toBe(202)
    return response.json<{ jobId: string }>().jobId
  }
  const items = async (jobId: string, query = '') =>
    (
      await h().request({ method: 'GET', url: `/api/v1/jobs/${jobId}/items?pageSize=100${query}`, token })
    ).json<{
      items: { seq: number; subject: string; result: string; code: string | null }[]
    }>().items

  it('binds cards to devices from a list of pairs, each pair reported on its own', async () => {
    for (const id of ['dev-1', 'dev-2', 'dev-3'])
      await h().request({ method: 'POST', url: '/api/v1/devices', token, payload: { id, name: id } })
    const [first, second] = await Promise.all(
      [ids[0], ids[1]].map(async (id) =>
        (await h().request({ method: 'GET', url: `/api/v1/cards/${id}`, token })).json<{ number: string }>(),
      ),
    )
    const job = await waitForJob(
      h(),
      token,
      await start({
        action: 'bind',
        pairs: [
          { number: first?.number, deviceId: 'dev-1' },
          { cardId: ids[1], deviceId: 'dev-2' },
          { number: '10649999999', deviceId: 'dev-3' },
          { cardId: ids[2], deviceId: 'no-such-device' },
        ],
      }),
    )
    expect(job.counts).toMatchObject({ total: 4, ok: 2, skipped: 1, failed: 1 })
    expect((await items(job.id)).map((i) => [i.subject, i.result, i.code])).toEqual([
      [first?.number, 'ok', null],
      [second?.number, 'ok', null],
      ['10649999999', 'skipped', 'CARD_NOT_FOUND'],
      [expect.any(String), 'failed', 'DEVICE_NOT_FOUND'],
    ])
    const bound = await h().request({ method: 'GET', url: `/api/v1/cards/${ids[1]}`, token })
    expect(bound.json()).toMatchObject({ device: { id: 'dev-2' } })
  })

  it('cancels a running job: items in flight finish, the rest end skipped, the counts add up', async () => {
    const jobId = await start({ action: 'sync', cardIds: ids })
    // Reading the first batch of 50 takes 2.5 s at 20 requests/s: cancel once its cards show "running".
    for (let i = 0; i < 500; i += 1) {
      const running = await h().request({
        method: 'GET',
        url: '/api/v1/cards/count?syncState=running',
        token,
      })
      if (running.json<{ count: number }>().count > 0) break
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    const cancelled = await h().request({ method: 'POST', url: `/api/v1/jobs/${jobId}/cancel`, token })
    expect(cancelled.statusCode).toBe(200)
    const job = await waitForJob(h(), token, jobId)
    expect(job.state).toBe('cancelled')
    // The batch in flight finishes; the second batch is never read.
    expect(job.counts).toEqual({ total: 70, ok: 50, skipped: 20, failed: 0, pending: 0 })
    expect((await items(jobId, '&result=skipped'))[0]?.code).toBe('JOB_CANCELLED')
    const waiting = await h().request({ method: 'GET', url: '/api/v1/cards/count?syncState=waiting', token })
    expect(waiting.json()).toEqual({ count: 0 })
  })

  it('deletes cards in bulk, each audited with the job id', async () => {
    const jobId = await start({ action: 'delete', cardIds: [ids[68], ids[69], '999999'] })
    const job = await waitForJob(h(), token, jobId)
    expect(job.counts).toMatchObject({ total: 3, ok: 2, skipped: 1 })
    const { rows } = await sql<{
      n: number
    }>`select count(*)::int as n from operations where job_id = ${jobId} and action = 'card.delete' and result = 'success'`.execute(
      h().core.database.db,
    )
    expect(rows[0]?.n).toBe(2)
    expect((await h().request({ method: 'GET', url: `/api/v1/cards/${ids[68]}`, token })).statusCode).toBe(
      404,
    )
  })

  it('starts scheduled syncs when due, keeps the usage history per day, and follows the schedule settings', async () => {
    const started = await h().core.syncScheduler.run()
    expect(started).toHaveLength(1)
    const job = await waitForJob(h(), token, started[0] ?? '')
    expect(job).toMatchObject({ state: 'completed', counts: { failed: 0 } })
    const listed = await h().request({ method: 'GET', url: '/api/v1/jobs?origin=schedule', token })
    expect(listed.json()).toMatchObject({
      total: 1,
      items: [{ action: 'sync', origin: 'schedule', platformId }],
    })
    expect(await h().core.syncScheduler.run()).toEqual([])

    const { rows } = await sql<{
      n: number
    }>`select count(distinct card_id)::int as n from usage_daily`.execute(h().core.database.db)
    expect(rows[0]?.n).toBeGreaterThan(60)

    const platform = await h().request({ method: 'GET', url: `/api/v1/platforms/${platformId}`, token })
    expect(platform.json()).toMatchObject({ syncSchedule: { enabled: true, intervalMinutes: 360 } })
    const changed = await h().request({
      method: 'PATCH',
      url: `/api/v1/platforms/${platformId}`,
      token,
      payload: { syncSchedule: { intervalMinutes: 30 } },
    })
    const next = new Date(
      changed.json<{ syncSchedule: { nextSyncAt: string } }>().syncSchedule.nextSyncAt,
    ).getTime()
    expect(Math.abs(next - Date.now() - 30 * 60_000)).toBeLessThan(60_000)
    const refused = await h().request({
      method: 'PATCH',
      url: `/api/v1/platforms/${platformId}`,
      token,
      payload: { syncSchedule: { intervalMinutes: 1 } },
    })
    expect(refused.statusCode).toBe(400)
    expect(refused.json<{ message: string }>().message).toContain('intervalMinutes')
    await h().request({
      method: 'PATCH',
      url: `/api/v1/platforms/${platformId}`,
      token,
      payload: { syncSchedule: { enabled: false } },
    })
    await sql`update platforms set next_sync_at = now() - interval '1 minute'`.execute(h().core.database.db)
    expect(await h().core.syncScheduler.run()).toEqual([])
  })
})
