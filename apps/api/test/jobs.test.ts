import { systemContext, type Core } from '@simops/core'
import { startReferenceSimulator, type ReferenceSimulator } from '@simops/carrier-testkit/reference'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPlatform, referenceRegistry } from './card-fixtures.js'
import { backends, useApp, type Harness } from './harness.js'
import { waitForJob } from './job-fixtures.js'

describe.each(backends)('bulk jobs on %s', (backend) => {
  let simulator: ReferenceSimulator
  beforeAll(async () => {
    simulator = await startReferenceSimulator({ cards: 120, applyDelayMs: 0, lockSeconds: 0 })
  })
  afterAll(() => simulator.close())
  const h = useApp(backend, { carriers: referenceRegistry })
  let platformId: string
  let cardIds: string[]
  beforeAll(async () => {
    await h().core.startJobQueue({ pollingIntervalSeconds: 0.5, syncSchedule: false, recoverEveryMs: 500 })
    platformId = await createPlatform(h(), simulator, 'Reference jobs')
    cardIds = await registerCards(h().core, simulator, platformId, 60)
  })

  it('syncs every card of a filter, then suspends the active ones and skips the rest with a reason', async () => {
    const token = await h().adminToken()
    const sync = await h().request({
      method: 'POST',
      url: '/api/v1/jobs',
      token,
      payload: { action: 'sync', filter: { platformId: [platformId] } },
    })
    expect(sync.statusCode).toBe(202)
    const synced = await waitForJob(h(), token, sync.json<{ jobId: string }>().jobId)
    expect(synced).toMatchObject({ state: 'completed', counts: { total: 60, ok: 60, failed: 0, pending: 0 } })

    const active = simulator.state
      .cards()
      .slice(0, 60)
      .filter((c) => c.status === 'ACTIVE').length
    const suspend = await h().request({
      method: 'POST',
      url: '/api/v1/jobs',
      token,
      payload: { action: 'suspend', cardIds },
    })
    expect(suspend.statusCode).toBe(202)
    const done = await waitForJob(h(), token, suspend.json<{ jobId: string }>().jobId)
    expect(done.counts).toEqual({ total: 60, ok: active, skipped: 60 - active, failed: 0, pending: 0 })
    const skipped = await h().request({
      method: 'GET',
      url: `/api/v1/jobs/${done.id}/items?result=skipped&pageSize=5`,
      token,
    })
    expect(skipped.json<{ items: { code: string }[] }>().items[0]?.code).toBe('ACTION_NOT_ALLOWED')
    const audit = await h().request({
      method: 'GET',
      url: `/api/v1/operations?action=card.suspend&limit=200`,
      token,
    })
    expect(audit.json<{ items: unknown[] }>().items).toHaveLength(60)
  })

  it('streams progress as server-sent events ending with the finished job', async () => {
    const token = await h().adminToken()
    const created = await h().request({
      method: 'POST',
      url: '/api/v1/jobs',
      token,
      payload: { action: 'sync', cardIds },
    })
    const id = created.json<{ jobId: string }>().jobId
    const events = await h().request({ method: 'GET', url: `/api/v1/jobs/${id}/events`, token })
    expect(events.headers['content-type']).toMatch(/text\/event-stream/)
    expect(events.body).toMatch(/^event: progress\ndata: /)
    const end = /event: end\ndata: (.*)\n\n$/.exec(events.body)
    expect(JSON.parse(end?.[1] ?? '{}')).toMatchObject({ id, state: 'completed', counts: { ok: 60 } })
  })

  it('refuses bad requests with the field named, and cancelling a finished job', async () => {
    const token = await h().adminToken()
    const post = (payload: unknown) =>
      h().request({ method: 'POST', url: '/api/v1/jobs', token, payload: payload as object })
    const both = await post({ action: 'sync', cardIds, filter: {} })
    expect(both.statusCode).toBe(400)
    expect(both.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringContaining('filter'),
    })
    const unknown = await post({ action: 'sync', filter: { colour: 'red' } })
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json<{ message: string }>().message).toContain('colour')
    expect((await post({ action: 'explode', cardIds })).statusCode).toBe(400)
    expect((await post({ action: 'bind', cardIds })).statusCode).toBe(400)

    const created = await post({ action: 'sync', cardIds: cardIds.slice(0, 2) })
    const id = created.json<{ jobId: string }>().jobId
    await waitForJob(h(), token, id)
    const cancel = await h().request({ method: 'POST', url: `/api/v1/jobs/${id}/cancel`, token })
    expect(cancel.statusCode).toBe(409)
    expect(cancel.json()).toMatchObject({ code: 'JOB_FINISHED' })
  })
})

async function registerCards(core: Core, simulator: ReferenceSimulator, platformId: string, count: number) {
  const ids: string[] = []
  for (const card of simulator.state.cards().slice(0, count))
    ids.push(
      (
        await core.cards.create(systemContext('test'), {
          number: card.msisdn,
          iccid: card.iccid,
          platformId,
          type: 'month',
        })
      ).id,
    )
  return ids
}

export type { Harness }
