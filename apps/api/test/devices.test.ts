import { startReferenceSimulator, type ReferenceSimulator } from '@simops/carrier-testkit/reference'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cardNumber, createCard, createPlatform, referenceIccid, referenceRegistry } from './card-fixtures.js'
import { backends, useApp } from './harness.js'

describe.each(backends)('devices and binding on %s', (backend) => {
  let simulator: ReferenceSimulator
  beforeAll(async () => {
    simulator = await startReferenceSimulator({ cards: 5 })
  })
  afterAll(() => simulator.close())
  const h = useApp(backend, { carriers: referenceRegistry })
  let operator = ''
  let platformId = ''
  beforeAll(async () => {
    operator = (await h().userWithRole('operator')).token
    platformId = await createPlatform(h(), simulator, 'Reference devices')
  })
  const request = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    h().request({
      method,
      url,
      token: operator,
      ...(payload === undefined ? {} : { payload: payload as object }),
    })

  it('registers, edits, lists and refuses bad devices', async () => {
    const created = await request('POST', '/api/v1/devices', {
      id: 'truck-001',
      name: ' 冷链车 001 ',
      product: 'T-BOX',
      state: 'online',
      registeredAt: '2026-03-01T08:00:00Z',
    })
    expect(created.statusCode, created.body).toBe(201)
    expect(created.json()).toMatchObject({ id: 'truck-001', name: '冷链车 001', state: 'online', card: null })
    const again = await request('POST', '/api/v1/devices', { id: 'truck-001', name: 'x' })
    expect([again.statusCode, again.json().code]).toEqual([409, 'DEVICE_ID_TAKEN'])
    const bad = await request('POST', '/api/v1/devices', { id: 'has space', name: 'x' })
    expect([bad.statusCode, bad.json().details.fields[0].field]).toEqual([400, 'id'])
    const badState = await request('POST', '/api/v1/devices', { id: 'ok-1', name: 'x', state: 'sleeping' })
    expect(badState.statusCode).toBe(400)
    const edited = await request('PATCH', '/api/v1/devices/truck-001', { state: 'offline', product: null })
    expect(edited.json()).toMatchObject({ state: 'offline', product: null })
    expect((await request('PATCH', '/api/v1/devices/nope', { name: 'x' })).json().code).toBe(
      'DEVICE_NOT_FOUND',
    )
  })

  it('bulk upserts all or nothing', async () => {
    const devices = Array.from({ length: 5 }, (_, i) => ({
      id: `meter-${i}`,
      name: `Meter ${i}`,
      state: 'online',
    }))
    const first = await request('PUT', '/api/v1/devices', { devices })
    expect(first.json()).toEqual({ created: 5, updated: 0 })
    const second = await request('PUT', '/api/v1/devices', {
      devices: [
        ...devices.slice(0, 2).map((d) => ({ ...d, name: `${d.name}!` })),
        { id: 'meter-9', name: 'New' },
      ],
    })
    expect(second.json()).toEqual({ created: 1, updated: 2 })
    expect((await request('GET', '/api/v1/devices/meter-0')).json()).toMatchObject({
      name: 'Meter 0!',
      state: 'online',
    })
    // Fields an entry leaves out keep their stored values; given ones change.
    await request('PATCH', '/api/v1/devices/meter-3', { product: 'SmartMeter' })
    const partial = await request('PUT', '/api/v1/devices', {
      devices: [
        { id: 'meter-3', name: 'Meter 3 renamed' },
        { id: 'meter-4', name: 'Meter 4', state: 'disabled', product: 'X' },
      ],
    })
    expect(partial.json()).toEqual({ created: 0, updated: 2 })
    expect((await request('GET', '/api/v1/devices/meter-3')).json()).toMatchObject({
      name: 'Meter 3 renamed',
      state: 'online',
      product: 'SmartMeter',
    })
    expect((await request('GET', '/api/v1/devices/meter-4')).json()).toMatchObject({
      state: 'disabled',
      product: 'X',
    })
    const broken = await request('PUT', '/api/v1/devices', {
      devices: [
        { id: 'meter-20', name: 'ok' },
        { id: 'meter-20', name: 'twice' },
      ],
    })
    expect([broken.statusCode, broken.json().details.fields[0].field]).toEqual([400, 'devices[1].id'])
    expect((await request('GET', '/api/v1/devices/meter-20')).statusCode).toBe(404)
  })

  it('binds one card to one device, and unbinds', async () => {
    const card = await createCard(h(), operator, {
      number: cardNumber(1),
      iccid: referenceIccid(1),
      platformId,
      type: 'year',
    })
    const other = await createCard(h(), operator, {
      number: cardNumber(2),
      iccid: referenceIccid(2),
      platformId,
      type: 'year',
    })
    const bound = await request('PUT', `/api/v1/cards/${card.id}/device`, { deviceId: 'truck-001' })
    expect(bound.statusCode, bound.body).toBe(200)
    expect(bound.json()).toMatchObject({
      device: { id: 'truck-001', name: '冷链车 001' },
      boundAt: expect.any(String),
    })

    const taken = await request('PUT', `/api/v1/cards/${other.id}/device`, { deviceId: 'truck-001' })
    expect([taken.statusCode, taken.json().code]).toEqual([409, 'DEVICE_ALREADY_BOUND'])
    const busy = await request('PUT', `/api/v1/cards/${card.id}/device`, { deviceId: 'meter-1' })
    expect([busy.statusCode, busy.json().code]).toEqual([409, 'CARD_ALREADY_BOUND'])
    const ghost = await request('PUT', `/api/v1/cards/${other.id}/device`, { deviceId: 'ghost' })
    expect([ghost.statusCode, ghost.json().code]).toEqual([404, 'DEVICE_NOT_FOUND'])

    const unboundIds = (await request('GET', '/api/v1/devices?unbound=true&pageSize=100'))
      .json()
      .items.map((d: { id: string }) => d.id)
    expect(unboundIds).not.toContain('truck-001')
    expect(unboundIds).toContain('meter-1')
    const holding = (await request('GET', '/api/v1/devices?unbound=false')).json()
    expect(holding.items).toMatchObject([{ id: 'truck-001', card: { id: card.id, number: card.number } }])
    expect((await request('GET', '/api/v1/devices?q=TRUCK')).json().total).toBe(1)

    const released = await request('DELETE', `/api/v1/cards/${card.id}/device`)
    expect(released.json()).toMatchObject({ device: null, boundAt: null })
    const twice = await request('DELETE', `/api/v1/cards/${card.id}/device`)
    expect([twice.statusCode, twice.json().code]).toEqual([409, 'CARD_NOT_BOUND'])

    const ops = (await request('GET', `/api/v1/operations?card=${card.number}`)).json()
    expect(ops.items.map((o: { action: string; result: string }) => `${o.action}:${o.result}`)).toEqual([
      'card.unbind:failure',
      'card.unbind:success',
      'card.bind:failure',
      'card.bind:success',
      'card.create:success',
    ])
  })

  it('releases the card when its device is deleted', async () => {
    const card = await createCard(h(), operator, {
      number: cardNumber(3),
      iccid: referenceIccid(3),
      platformId,
      type: 'year',
    })
    await request('PUT', `/api/v1/cards/${card.id}/device`, { deviceId: 'meter-3' })
    expect((await request('DELETE', '/api/v1/devices/meter-3')).statusCode).toBe(204)
    expect((await request('GET', `/api/v1/cards/${card.id}`)).json().device).toBeNull()
    const history = (await request('GET', `/api/v1/operations?card=${card.number}`)).json()
    expect(history.items[0]).toMatchObject({
      action: 'card.unbind',
      details: { deviceId: 'meter-3', reason: 'device.delete' },
    })
    const viewer = (await h().userWithRole('viewer')).token
    const refused = await h().request({ method: 'DELETE', url: '/api/v1/devices/meter-4', token: viewer })
    expect(refused.statusCode).toBe(403)
  })
})
