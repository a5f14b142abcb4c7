import { startReferenceSimulator, type ReferenceSimulator } from '@simops/carrier-testkit/reference'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCard, createPlatform, referenceIccid, referenceRegistry } from './card-fixtures.js'
import { backends, useApp } from './harness.js'

describe.each(backends)('card operations on %s', (backend) => {
  let simulator: ReferenceSimulator
  beforeAll(async () => {
    simulator = await startReferenceSimulator({ cards: 40, applyDelayMs: 1000 })
  })
  afterAll(() => simulator.close())
  const h = useApp(backend, { carriers: referenceRegistry })
  let platformId = ''
  let operator = ''

  beforeAll(async () => {
    platformId = await createPlatform(h(), simulator, 'Reference ops')
    operator = (await h().userWithRole('operator')).token
  })

  /** Registers one of the simulator's cards that is in the given carrier state. */
  const registerSimulated = async (status: 'READY' | 'ACTIVE' | 'SUSPENDED') => {
    const iccid = simulator.state.take(status)
    const card = iccid ? simulator.state.card(iccid) : undefined
    if (!iccid || !card) throw new Error(`the simulator has no ${status} card left`)
    return createCard(h(), operator, { number: card.msisdn, iccid, platformId, type: 'month' })
  }
  const act = (id: string, action: string, token = operator) =>
    h().request({ method: 'POST', url: `/api/v1/cards/${id}/${action}`, token })

  it('syncs status and usage, then activates through the carrier and sees the change land', async () => {
    const card = await registerSimulated('READY')
    const early = await act(card.id, 'activate')
    expect([early.statusCode, early.json().code]).toEqual([409, 'CARD_NOT_SYNCED'])

    const synced = await act(card.id, 'sync')
    expect(synced.statusCode, synced.body).toBe(200)
    expect(synced.json()).toMatchObject({
      lifecycle: 'ready',
      carrierStatus: { code: expect.any(String) },
      sync: { state: 'ok', error: null },
      actions: ['activate'],
    })
    expect(synced.json().usage).toMatchObject({ usedBytes: expect.any(Number) })

    const wrong = await act(card.id, 'suspend')
    expect([wrong.statusCode, wrong.json().code]).toEqual([409, 'ACTION_NOT_ALLOWED'])
    expect(wrong.json().message).toContain('active')

    const activated = await act(card.id, 'activate')
    expect(activated.statusCode, activated.body).toBe(200)
    const body = activated.json()
    if (body.pending) {
      expect(body).toMatchObject({ pending: { action: 'activate' }, actions: [] })
      const again = await act(card.id, 'activate')
      expect([again.statusCode, again.json().code]).toEqual([409, 'CARD_CHANGE_PENDING'])
      simulator.state.settle()
    }
    const after = await act(card.id, 'sync')
    expect(after.json()).toMatchObject({ lifecycle: 'active', pending: null, actions: ['suspend'] })

    const ops = await h().request({
      method: 'GET',
      url: `/api/v1/operations?card=${card.number}`,
      token: operator,
    })
    const pendingRefusal = body.pending ? ['card.activate:failure'] : []
    expect(
      ops.json().items.map((o: { action: string; result: string }) => `${o.action}:${o.result}`),
    ).toEqual([
      'card.sync:success',
      ...pendingRefusal,
      'card.activate:success',
      'card.suspend:failure',
      'card.sync:success',
      'card.activate:failure',
      'card.create:success',
    ])
  })

  it('suspends and resumes, and tells why a card is stopped', async () => {
    const card = await registerSimulated('ACTIVE')
    await act(card.id, 'sync')
    expect((await act(card.id, 'suspend')).statusCode).toBe(200)
    simulator.state.settle()
    expect((await act(card.id, 'sync')).json()).toMatchObject({ lifecycle: 'suspended', actions: ['resume'] })
    const reason = await h().request({
      method: 'GET',
      url: `/api/v1/cards/${card.id}/stop-reason`,
      token: operator,
    })
    expect(reason.statusCode, reason.body).toBe(200)
    expect(reason.json()).toMatchObject({ initiator: 'customer', resumable: true })
    // The carrier locks a card for a while after a change: a second change is refused until then.
    const locked = await act(card.id, 'resume')
    expect([locked.statusCode, locked.json().code]).toEqual([409, 'CARRIER_LOCKED'])
    await simulator.handle().advance(61_000)
    expect((await act(card.id, 'resume')).statusCode).toBe(200)
    simulator.state.settle()
    expect((await act(card.id, 'sync')).json()).toMatchObject({ lifecycle: 'active' })
  })

  it('stores carrier failures on the card and answers with codes naming the platform', async () => {
    const card = await registerSimulated('ACTIVE')
    simulator.handle().injectFault('serverError', 3)
    const failed = await act(card.id, 'sync')
    expect(failed.statusCode).toBe(502)
    expect(failed.json()).toMatchObject({ code: 'CARRIER_UNAVAILABLE', details: { platformId } })
    expect(failed.json().message).toContain('Reference ops')
    const stored = (
      await h().request({ method: 'GET', url: `/api/v1/cards/${card.id}`, token: operator })
    ).json()
    expect(stored.sync).toMatchObject({ state: 'failed', error: { code: 'CARRIER_UNAVAILABLE' } })
    expect(stored.sync.error.message).toContain('Reference ops')
    simulator.handle().clearFaults()
    expect((await act(card.id, 'sync')).json().sync).toMatchObject({ state: 'ok', error: null })

    // A card the carrier has never heard of.
    const stranger = await createCard(h(), operator, {
      number: '1064999999999',
      iccid: referenceIccid(999_999),
      platformId,
      type: 'other',
    })
    const unknown = await act(stranger.id, 'sync')
    expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'CARRIER_NOT_FOUND'])
    const ops = await h().request({
      method: 'GET',
      url: `/api/v1/operations?card=${stranger.number}&result=failure`,
      token: operator,
    })
    expect(ops.json().items[0]).toMatchObject({ action: 'card.sync', error: { code: 'CARRIER_NOT_FOUND' } })
  })

  it('refuses operations on a disabled platform, for viewers, and on unknown cards', async () => {
    const card = await registerSimulated('ACTIVE')
    await act(card.id, 'sync')
    const viewer = (await h().userWithRole('viewer')).token
    expect((await act(card.id, 'suspend', viewer)).statusCode).toBe(403)
    expect((await act('424242', 'sync')).json().code).toBe('CARD_NOT_FOUND')
    expect((await act('abc', 'sync')).statusCode).toBe(404)
    const admin = await h().adminToken()
    await h().request({ method: 'POST', url: `/api/v1/platforms/${platformId}/disable`, token: admin })
    try {
      const listed = (
        await h().request({ method: 'GET', url: `/api/v1/cards/${card.id}`, token: operator })
      ).json()
      expect(listed.actions).toEqual([])
      const refused = await act(card.id, 'suspend')
      expect([refused.statusCode, refused.json().code]).toEqual([409, 'PLATFORM_DISABLED'])
    } finally {
      await h().request({ method: 'POST', url: `/api/v1/platforms/${platformId}/enable`, token: admin })
    }
  })
})
