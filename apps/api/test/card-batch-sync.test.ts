import { systemContext } from '@simops/core'
import { startReferenceSimulator, type ReferenceSimulator } from '@simops/carrier-testkit/reference'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPlatform, referenceIccid, referenceRegistry } from './card-fixtures.js'
import { backends, useApp } from './harness.js'

describe.each(backends)('batch sync on %s', (backend) => {
  let simulator: ReferenceSimulator
  beforeAll(async () => {
    simulator = await startReferenceSimulator({ cards: 120 })
  })
  afterAll(() => simulator.close())
  const h = useApp(backend, { carriers: referenceRegistry })

  /** The simulator's cards registered on the platform; their ids. */
  const registerCards = async (
    platformId: string,
    cards: ReadonlyArray<{ msisdn: string; iccid: string }>,
  ) => {
    const ids: number[] = []
    for (const card of cards) {
      const created = await h().core.cards.create(systemContext('test'), {
        number: card.msisdn,
        iccid: card.iccid,
        platformId,
        type: 'month',
      })
      ids.push(Number(created.id))
    }
    return ids
  }

  it('syncs cards in chunks of the batch size, each ending ok or failed with its reason', async () => {
    const ctx = systemContext('test')
    const platformId = await createPlatform(h(), simulator, 'Reference batch')
    const simulated = simulator.state.cards().slice(0, 110)
    const ids = await registerCards(platformId, simulated)
    const stranger = await h().core.cards.create(ctx, {
      number: '1064999999998',
      iccid: referenceIccid(888_888),
      platformId,
      type: 'month',
    })
    ids.push(Number(stranger.id))
    simulator.handle().takeMaxCardsPerRequest()

    const seen: number[] = []
    const result = await h().core.cardSync.sync(ctx, ids, {
      onProgress: (progress) => seen.push(progress.done),
    })
    expect(result).toEqual({ done: 111, total: 111, ok: 110, failed: 1 })
    expect(seen.at(-1)).toBe(111)
    // The reference carrier reads at most 50 cards per request.
    expect(simulator.handle().takeMaxCardsPerRequest()).toBe(50)

    const page = await h().core.cards.list({
      filter: { syncStates: ['ok'] },
      sort: 'createdAt',
      order: 'desc',
      limit: 200,
    })
    expect(page.total).toBe(110)
    expect(page.items.every((card) => card.lifecycle !== 'unknown' && card.usage !== null)).toBe(true)
    const failed = await h().core.cards.get(stranger.id)
    expect(failed.sync).toMatchObject({ state: 'failed', error: { code: 'CARRIER_NOT_FOUND' } })
    const log = await h().core.operations.list({ action: 'card.sync', limit: 500 })
    expect(log.items).toHaveLength(111)
    expect(log.items.filter((op) => op.result === 'failure')).toHaveLength(1)
  })

  it('reads the usage of several cards of a read batch side by side, each card once', async () => {
    const ctx = systemContext('test')
    const platformId = await createPlatform(h(), simulator, 'Reference side by side')
    const ids = await registerCards(platformId, simulator.state.cards().slice(110, 120))
    const gateway = h().core.gateway
    const call = gateway.call.bind(gateway)
    let inFlight = 0
    let most = 0
    const read: string[] = []
    gateway.call = (async (platform, method, input) => {
      if (method !== 'getUsage') return call(platform, method, input)
      inFlight += 1
      most = Math.max(most, inFlight)
      read.push((input as { iccid: string }).iccid)
      try {
        // A carrier's answer takes a while; the reads of the batch overlap meanwhile.
        await new Promise((resolve) => setTimeout(resolve, 30))
        return await call(platform, method, input)
      } finally {
        inFlight -= 1
      }
    }) as typeof gateway.call
    try {
      const result = await h().core.cardSync.sync(ctx, ids)
      expect(result).toEqual({ done: 10, total: 10, ok: 10, failed: 0 })
    } finally {
      gateway.call = call
    }
    // The reference carrier declares 50 requests a second: the default of 8 reads at once applies.
    expect(most).toBe(8)
    expect(new Set(read).size).toBe(10)
    expect(read).toHaveLength(10)
  })
})
