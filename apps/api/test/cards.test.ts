import { startReferenceSimulator, type ReferenceSimulator } from '@simops/carrier-testkit/reference'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cardNumber, createCard, createPlatform, referenceIccid, referenceRegistry } from './card-fixtures.js'
import { backends, useApp } from './harness.js'

describe.each(backends)('cards on %s', (backend) => {
  let simulator: ReferenceSimulator
  beforeAll(async () => {
    simulator = await startReferenceSimulator({ cards: 10 })
  })
  afterAll(() => simulator.close())
  const h = useApp(backend, { carriers: referenceRegistry })
  let platformId = ''
  let operator = ''
  beforeAll(async () => {
    platformId = await createPlatform(h(), simulator, 'Reference A')
    operator = (await h().userWithRole('operator')).token
  })

  const post = (payload: Record<string, unknown>, token = operator) =>
    h().request({ method: 'POST', url: '/api/v1/cards', token, payload })

  it('registers a card, normalising number and ICCID, and records the operation', async () => {
    const response = await post({
      number: ' 1064-0000 00001 ',
      iccid: `${referenceIccid(1).slice(0, 4)} ${referenceIccid(1).slice(4)}`,
      platformId,
      type: 'year',
      description: '冷链车 1 号',
      tags: ['冷链', ' 华东 ', '冷链'],
      expiresOn: '2027-06-30',
    })
    expect(response.statusCode, response.body).toBe(201)
    const card = response.json()
    expect(card).toMatchObject({
      number: '1064000000001',
      iccid: referenceIccid(1),
      iccid19: referenceIccid(1).slice(0, 19),
      carrierId: 'reference',
      platform: { id: platformId, name: 'Reference A', state: 'enabled' },
      type: 'year',
      tags: ['冷链', '华东'],
      expiresOn: '2027-06-30',
      lifecycle: 'unknown',
      sync: { state: 'never', at: null, error: null },
      actions: [],
      device: null,
    })
    const ops = await h().request({
      method: 'GET',
      url: `/api/v1/operations?card=${card.number}`,
      token: operator,
    })
    expect(ops.json().items).toMatchObject([
      { action: 'card.create', result: 'success', target: { type: 'card', id: card.id, name: card.number } },
    ])
  })

  it('refuses malformed, duplicate and mismatched identities with stable codes, writing nothing', async () => {
    const base = { number: cardNumber(2), iccid: referenceIccid(2), platformId, type: 'month' }
    const cases: Array<[Record<string, unknown>, number, string, string]> = [
      [{ ...base, number: '12ab' }, 400, 'NUMBER_INVALID', 'number'],
      [{ ...base, iccid: '1234' }, 400, 'ICCID_INVALID', 'iccid'],
      [{ ...base, iccid: '8986061122334455667A5' }, 400, 'ICCID_INVALID', 'iccid'],
      // A China Mobile ICCID (high-confidence prefix) on a reference platform.
      [{ ...base, iccid: '89860024680135792465' }, 400, 'ICCID_CARRIER_MISMATCH', 'iccid'],
      [{ ...base, number: '1064000000001' }, 409, 'NUMBER_TAKEN', 'number'],
      [{ ...base, iccid: referenceIccid(1) }, 409, 'ICCID_TAKEN', 'iccid'],
      [
        { ...base, platformId: '00000000-0000-4000-8000-000000000000' },
        404,
        'PLATFORM_NOT_FOUND',
        'platformId',
      ],
      [{ ...base, type: 'weekly' }, 400, 'VALIDATION_FAILED', 'type'],
      [{ ...base, description: 'x'.repeat(201) }, 400, 'VALIDATION_FAILED', 'description'],
      [{ ...base, imsi: '46000123' }, 400, 'IMSI_INVALID', 'imsi'],
      [{ ...base, expiresOn: '2027-02-30' }, 400, 'VALIDATION_FAILED', 'expiresOn'],
      [{ ...base, surprise: 1 }, 400, 'VALIDATION_FAILED', 'surprise'],
    ]
    for (const [payload, status, code, field] of cases) {
      const response = await post(payload)
      expect(response.statusCode, `${code} ${response.body}`).toBe(status)
      expect(response.json().code, JSON.stringify(payload)).toBe(code)
      expect(JSON.stringify(response.json().details?.fields ?? []), code).toContain(field)
    }
    const disabled = await createPlatform(h(), simulator, 'Reference off', 'disabled')
    const refused = await post({ ...base, platformId: disabled })
    expect([refused.statusCode, refused.json().code]).toEqual([409, 'PLATFORM_DISABLED'])
    const list = await h().request({
      method: 'GET',
      url: `/api/v1/cards?number=${cardNumber(2)}`,
      token: operator,
    })
    expect(list.json().total).toBe(0)
  })

  it('validates as you type: notes per field, carrier from the prefix, Luhn only a warning', async () => {
    const check = async (query: string) =>
      (await h().request({ method: 'GET', url: `/api/v1/cards/validate?${query}`, token: operator })).json()
    const fine = await check(`number=${cardNumber(3)}&iccid=${referenceIccid(3)}&platformId=${platformId}`)
    expect(fine).toMatchObject({
      ok: true,
      number: cardNumber(3),
      iccid: { iccid: referenceIccid(3), luhn: 'valid', carrier: { carrierId: 'reference' } },
    })
    const badLuhn = referenceIccid(3).slice(0, 19) + String((Number(referenceIccid(3).at(-1)) + 1) % 10)
    const warned = await check(`iccid=${badLuhn}&platformId=${platformId}`)
    expect(warned.ok).toBe(true)
    expect(warned.notes).toContainEqual(
      expect.objectContaining({ code: 'ICCID_LUHN_MISMATCH', level: 'warning' }),
    )
    const taken = await check(`number=1064000000001&iccid=${referenceIccid(1)}`)
    expect(taken.ok).toBe(false)
    expect(taken.notes.map((n: { code: string }) => n.code)).toEqual(['NUMBER_TAKEN', 'ICCID_TAKEN'])
    const mobile = await check(`iccid=89860024680135792465&platformId=${platformId}`)
    expect(mobile.iccid.carrier).toMatchObject({ carrierId: 'onelink', confidence: 'high' })
    expect(mobile.notes).toContainEqual(
      expect.objectContaining({ field: 'iccid', code: 'ICCID_CARRIER_MISMATCH', level: 'error' }),
    )
  })

  it('updates the editable fields only, and moves cards between platforms of the same carrier', async () => {
    const card = await createCard(h(), operator, {
      number: cardNumber(4),
      iccid: referenceIccid(4),
      platformId,
      type: 'month',
    })
    const other = await createPlatform(h(), simulator, 'Reference B')
    const patch = (payload: Record<string, unknown>) =>
      h().request({ method: 'PATCH', url: `/api/v1/cards/${card.id}`, token: operator, payload })
    const changed = await patch({
      description: '改过',
      type: 'season',
      tags: ['a'],
      platformId: other,
      expiresOn: null,
    })
    expect(changed.statusCode, changed.body).toBe(200)
    expect(changed.json()).toMatchObject({
      description: '改过',
      type: 'season',
      tags: ['a'],
      platform: { id: other },
    })
    expect((await patch({ iccid: referenceIccid(5) })).json().code).toBe('VALIDATION_FAILED')
    expect((await patch({})).statusCode).toBe(400)
    const missing = await h().request({
      method: 'PATCH',
      url: '/api/v1/cards/999999',
      token: operator,
      payload: { description: 'x' },
    })
    expect([missing.statusCode, missing.json().code]).toEqual([404, 'CARD_NOT_FOUND'])
    const viewer = (await h().userWithRole('viewer')).token
    expect(
      (
        await h().request({
          method: 'PATCH',
          url: `/api/v1/cards/${card.id}`,
          token: viewer,
          payload: { description: 'v' },
        })
      ).statusCode,
    ).toBe(403)
  })

  it('keeps a platform with cards from being deleted (PLATFORM_IN_USE)', async () => {
    const admin = await h().adminToken()
    await h().request({ method: 'POST', url: `/api/v1/platforms/${platformId}/disable`, token: admin })
    const refused = await h().request({
      method: 'DELETE',
      url: `/api/v1/platforms/${platformId}`,
      token: admin,
    })
    expect([refused.statusCode, refused.json().code]).toEqual([409, 'PLATFORM_IN_USE'])
    await h().request({ method: 'POST', url: `/api/v1/platforms/${platformId}/enable`, token: admin })
  })

  it('deletes a card and keeps its records', async () => {
    const card = await createCard(h(), operator, {
      number: cardNumber(6),
      iccid: referenceIccid(6),
      platformId,
      type: 'other',
    })
    expect(
      (await h().request({ method: 'DELETE', url: `/api/v1/cards/${card.id}`, token: operator })).statusCode,
    ).toBe(204)
    expect(
      (await h().request({ method: 'GET', url: `/api/v1/cards/${card.id}`, token: operator })).statusCode,
    ).toBe(404)
    const ops = await h().request({
      method: 'GET',
      url: `/api/v1/operations?card=${referenceIccid(6)}`,
      token: operator,
    })
    expect(ops.json().items.map((op: { action: string }) => op.action)).toEqual([
      'card.delete',
      'card.create',
    ])
  })
})
