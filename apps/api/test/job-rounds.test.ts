import { JobRunner, silentLogger, systemContext } from '@simops/core'
import { startReferenceSimulator, type ReferenceSimulator } from '@simops/carrier-testkit/reference'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cardNumber, createPlatform, referenceIccid, referenceRegistry } from './card-fixtures.js'
import { backends, useApp } from './harness.js'

type Handlers = ConstructorParameters<typeof JobRunner>[1]
type Handler = Handlers['sync']
type Batch = Parameters<Handler['handle']>[0]

/** A runner whose every action is `handle`, in rounds of `size`, `parallelRounds` at a time. */
function runnerWith(
  db: ConstructorParameters<typeof JobRunner>[0],
  size: number,
  handle: Handler['handle'],
  parallelRounds = 1,
) {
  const handler: Handler = { chunkSize: () => Promise.resolve(size), handle, parallelRounds }
  const handlers = Object.fromEntries(
    ['activate', 'suspend', 'resume', 'sync', 'delete', 'bind', 'import'].map((action) => [action, handler]),
  ) as Handlers
  return new JobRunner(db, handlers, silentLogger, { leaseSeconds: 30 })
}

/** The error a dropped connection gives: not a domain error, nothing the items did wrong. */
const connectionLost = () => Object.assign(new Error('Connection terminated unexpectedly'), { code: '08006' })

describe.each(backends)('a job round that throws, on %s', (backend) => {
  let simulator: ReferenceSimulator
  beforeAll(async () => {
    simulator = await startReferenceSimulator({ cards: 0 })
  })
  afterAll(() => simulator.close())
  const h = useApp(backend, { carriers: referenceRegistry })
  let serial = 0

  /** A sync job over new cards; the runner under test never calls the carrier. */
  const syncJob = async (cards: number) => {
    const ctx = systemContext('test')
    const platformId = await createPlatform(h(), simulator, `Rounds ${serial}`)
    const ids: string[] = []
    for (let i = 0; i < cards; i += 1) {
      serial += 1
      const card = await h().core.cards.create(ctx, {
        number: cardNumber(serial),
        iccid: referenceIccid(serial),
        platformId,
        type: 'month',
      })
      ids.push(card.id)
    }
    return h().core.jobs.create(ctx, { action: 'sync', cardIds: ids })
  }

  it('tries its unsettled items again; what it settled stays settled, nothing is counted twice', async () => {
    const job = await syncJob(10)
    const rounds: number[][] = []
    let thrown = false
    const runner = runnerWith(h().core.database.db, 4, async (batch: Batch) => {
      rounds.push(batch.items.map((item) => item.seq))
      const [first, second] = batch.items
      if (!thrown && first && second) {
        thrown = true
        await batch.settle([
          { seq: first.seq, result: 'ok' },
          { seq: second.seq, result: 'ok' },
        ])
        throw connectionLost()
      }
      await batch.settle(batch.items.map((item) => ({ seq: item.seq, result: 'ok' as const })))
    })
    expect(await runner.run(job.id)).toBe('finished')
    // The first round settled seq 1–2 and threw; its other items (3–4) are tried again on their own.
    expect(rounds).toEqual([
      [1, 2, 3, 4],
      [3, 4],
      [5, 6, 7, 8],
      [9, 10],
    ])
    expect(await h().core.jobs.get(job.id)).toMatchObject({
      state: 'completed',
      counts: { total: 10, ok: 10, skipped: 0, failed: 0, pending: 0 },
    })
  })

  it('fails its unfinished items with the reason once it has thrown three times in a row', async () => {
    const job = await syncJob(3)
    let calls = 0
    const runner = runnerWith(h().core.database.db, 10, () => {
      calls += 1
      return Promise.reject(connectionLost())
    })
    expect(await runner.run(job.id)).toBe('finished')
    expect(calls).toBe(3)
    expect(await h().core.jobs.get(job.id)).toMatchObject({
      state: 'completed',
      counts: { total: 3, ok: 0, failed: 3, pending: 0 },
    })
    const items = await h().core.jobs.items(job.id, { page: 1, pageSize: 10 })
    expect(items.items.map((item) => [item.result, item.code, item.message])).toEqual(
      Array.from({ length: 3 }, () => ['failed', 'INTERNAL', 'Connection terminated unexpectedly']),
    )
  })

  it('runs rounds side by side when the handler allows it, each item in exactly one round', async () => {
    const job = await syncJob(10)
    const seen: number[] = []
    let inFlight = 0
    let most = 0
    const runner = runnerWith(
      h().core.database.db,
      3,
      async (batch: Batch) => {
        inFlight += 1
        most = Math.max(most, inFlight)
        seen.push(...batch.items.map((item) => item.seq))
        await new Promise((resolve) => setTimeout(resolve, 50))
        await batch.settle(batch.items.map((item) => ({ seq: item.seq, result: 'ok' as const })))
        inFlight -= 1
      },
      2,
    )
    expect(await runner.run(job.id)).toBe('finished')
    expect(most).toBe(2)
    expect(seen.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(await h().core.jobs.get(job.id)).toMatchObject({
      state: 'completed',
      counts: { total: 10, ok: 10, failed: 0, pending: 0 },
    })
  })
})
