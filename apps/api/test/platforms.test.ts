import { CarrierRegistry } from '@simops/core'
import {
  referenceCarrier,
  startReferenceSimulator,
  type ReferenceSimulator,
} from '@simops/carrier-testkit/reference'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { backends, useApp } from './harness.js'

const registry = new CarrierRegistry()
registry.register(referenceCarrier, '@simops/carrier-testkit/reference', '1.0.0')

describe.each(backends)('platforms on %s', (backend) => {
  let simulator: ReferenceSimulator
  beforeAll(async () => {
    simulator = await startReferenceSimulator({ cards: 20 })
  })
  afterAll(() => simulator.close())
  const h = useApp(backend, { carriers: registry })

  const create = async (
    name: string,
    config: Record<string, unknown> = { baseUrl: simulator.url, apiKey: simulator.apiKey },
  ) =>
    h().request({
      method: 'POST',
      url: '/api/v1/platforms',
      token: await h().adminToken(),
      payload: { carrierId: 'reference', name, config },
    })

  it('lists installed carriers with capabilities and a form schema', async () => {
    const response = await h().request({
      method: 'GET',
      url: '/api/v1/carriers',
      token: (await h().userWithRole('viewer')).token,
    })
    expect(response.statusCode).toBe(200)
    const [carrier] = response.json().items
    expect(carrier).toMatchObject({
      id: 'reference',
      packageName: '@simops/carrier-testkit/reference',
      apiVersion: 1,
      iccidPrefixes: ['8999'],
      capabilities: { usage: true, stopReason: true, changeState: { transitions: { suspend: ['active'] } } },
      limits: { batchSize: { getCards: 50 } },
    })
    expect(carrier.configSchema.required).toEqual(['baseUrl', 'apiKey'])
    expect(carrier.configSchema.properties.apiKey).toMatchObject({
      'x-secret': true,
      'x-label': { 'zh-CN': 'API 密钥' },
    })
  })

  it('creates a platform with its secret encrypted at rest and masked in every answer', async () => {
    const response = await create('Reference main')
    expect(response.statusCode).toBe(201)
    const platform = response.json()
    expect(platform).toMatchObject({
      carrierId: 'reference',
      name: 'Reference main',
      state: 'enabled',
      config: { baseUrl: simulator.url, apiKey: '******' },
      secretsSet: ['apiKey'],
      lastTest: null,
    })
    const row = await h()
      .core.database.db.selectFrom('platforms')
      .select(['config', 'secrets'])
      .where('id', '=', platform.id)
      .executeTakeFirst()
    expect(JSON.stringify(row?.config)).not.toContain(simulator.apiKey)
    expect(row?.secrets).not.toContain(simulator.apiKey)
    const audit = await h().core.operations.list({ targetId: platform.id, limit: 5 })
    expect(JSON.stringify(audit.items)).not.toContain(simulator.apiKey)
    expect(
      (
        await h().request({
          method: 'GET',
          url: `/api/v1/platforms/${platform.id}`,
          token: await h().adminToken(),
        })
      ).body,
    ).not.toContain(simulator.apiKey)
  })

  it('tests the connection through the plugin and records the outcome', async () => {
    const platform = (await create('Reference tested')).json()
    const token = (await h().userWithRole('operator')).token
    const ok = await h().request({
      method: 'POST',
      url: `/api/v1/platforms/${platform.id}/test`,
      token,
      payload: {},
    })
    expect(ok.statusCode).toBe(200)
    expect(ok.json()).toMatchObject({ ok: true, error: null })
    expect(ok.json().latencyMs).toBeGreaterThanOrEqual(0)

    const admin = await h().adminToken()
    await h().request({
      method: 'PATCH',
      url: `/api/v1/platforms/${platform.id}`,
      token: admin,
      payload: { config: { apiKey: 'wrong-key' } },
    })
    const refused = await h().request({
      method: 'POST',
      url: `/api/v1/platforms/${platform.id}/test`,
      token,
      payload: {},
    })
    expect(refused.json()).toMatchObject({ ok: false, detail: null, error: { code: 'CARRIER_AUTH' } })
    expect(refused.json().error.message).toContain('Platform "Reference tested" (reference)')
    const stored = (
      await h().request({ method: 'GET', url: `/api/v1/platforms/${platform.id}`, token })
    ).json()
    expect(stored.lastTest).toMatchObject({ ok: false, error: { code: 'CARRIER_AUTH' } })
    const [failure] = (
      await h().core.operations.list({ targetId: platform.id, action: 'platform.test', limit: 1 })
    ).items
    expect(failure).toMatchObject({ result: 'failure', error: { code: 'CARRIER_AUTH' } })

    // Rotating the credentials (JetLinks cannot) makes the platform work again.
    await h().request({
      method: 'PATCH',
      url: `/api/v1/platforms/${platform.id}`,
      token: admin,
      payload: { config: { apiKey: simulator.apiKey } },
    })
    expect(
      (
        await h().request({
          method: 'POST',
          url: `/api/v1/platforms/${platform.id}/test`,
          token,
          payload: {},
        })
      ).json().ok,
    ).toBe(true)
  })

  it('reports an unreachable carrier as a failed test, not an error', async () => {
    const platform = (await create('Nowhere', { baseUrl: 'http://127.0.0.1:9', apiKey: 'k' })).json()
    const result = await h().request({
      method: 'POST',
      url: `/api/v1/platforms/${platform.id}/test`,
      token: await h().adminToken(),
      payload: {},
    })
    expect(result.statusCode).toBe(200)
    expect(result.json()).toMatchObject({ ok: false, error: { code: 'CARRIER_UNAVAILABLE' } })
  })

  it('keeps a secret sent back masked, validates merged settings, and renames', async () => {
    const platform = (await create('Reference edit')).json()
    const token = await h().adminToken()
    const renamed = await h().request({
      method: 'PATCH',
      url: `/api/v1/platforms/${platform.id}`,
      token,
      payload: {
        name: 'Reference edited',
        description: '主账户',
        config: { apiKey: '******', accountId: 'acct-1' },
      },
    })
    expect(renamed.statusCode).toBe(200)
    expect(renamed.json()).toMatchObject({
      name: 'Reference edited',
      description: '主账户',
      config: { apiKey: '******', accountId: 'acct-1' },
    })
    expect(
      (
        await h().request({
          method: 'POST',
          url: `/api/v1/platforms/${platform.id}/test`,
          token,
          payload: {},
        })
      ).json().ok,
    ).toBe(true)

    const bad = await h().request({
      method: 'PATCH',
      url: `/api/v1/platforms/${platform.id}`,
      token,
      payload: { config: { baseUrl: 'not a url' } },
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.json()).toMatchObject({
      code: 'INVALID_PLATFORM_CONFIG',
      details: { fields: [{ field: 'config.baseUrl' }] },
    })
    const cleared = await h().request({
      method: 'PATCH',
      url: `/api/v1/platforms/${platform.id}`,
      token,
      payload: { config: { accountId: null } },
    })
    expect(cleared.json().config).toEqual({ baseUrl: simulator.url, apiKey: '******' })
  })

  it('rejects bad input with the field named and writes nothing', async () => {
    const token = await h().adminToken()
    const count = async () => (await h().core.platforms.list({ page: 1, pageSize: 1 })).total
    const before = await count()
    const cases: Array<[Record<string, unknown>, number, string, string]> = [
      [{ carrierId: 'nokia', name: 'x', config: {} }, 400, 'UNKNOWN_CARRIER', 'carrierId'],
      [
        { carrierId: 'reference', name: 'x', config: { baseUrl: simulator.url } },
        400,
        'INVALID_PLATFORM_CONFIG',
        'config.apiKey',
      ],
      [
        { carrierId: 'reference', name: 'x', config: { baseUrl: 42, apiKey: 'k' } },
        400,
        'INVALID_PLATFORM_CONFIG',
        'config.baseUrl',
      ],
      [
        { carrierId: 'reference', name: 'x', config: { baseUrl: simulator.url, apiKey: 'k', region: 'x' } },
        400,
        'INVALID_PLATFORM_CONFIG',
        'config.region',
      ],
      [{ carrierId: 'reference', name: 'n'.repeat(65), config: {} }, 400, 'VALIDATION_FAILED', 'name'],
      [
        { carrierId: 'reference', name: 'x', description: 'd'.repeat(201), config: {} },
        400,
        'VALIDATION_FAILED',
        'description',
      ],
      [{ carrierId: 'reference', name: 'x' }, 400, 'VALIDATION_FAILED', 'config'],
      [{ carrierId: 'reference', name: 'x', config: 'text' }, 400, 'VALIDATION_FAILED', 'config'],
      [{ carrierId: 'reference', name: 'x', config: {}, state: 'paused' }, 400, 'VALIDATION_FAILED', 'state'],
    ]
    for (const [payload, status, code, field] of cases) {
      const response = await h().request({ method: 'POST', url: '/api/v1/platforms', token, payload })
      expect(response.statusCode, JSON.stringify(payload)).toBe(status)
      expect(response.json().code, JSON.stringify(payload)).toBe(code)
      expect(
        response.json().details.fields.map((f: { field: string }) => f.field),
        JSON.stringify(payload),
      ).toContain(field)
    }
    await create('Unique name')
    const duplicate = await create('UNIQUE NAME')
    expect(duplicate.statusCode).toBe(409)
    expect(duplicate.json()).toMatchObject({ code: 'PLATFORM_NAME_TAKEN', details: { field: 'name' } })
    expect(await count()).toBe(before + 1)
  })

  it('enables, disables and deletes only a disabled platform; unknown ids are 404', async () => {
    const token = await h().adminToken()
    const platform = (await create('Lifecycle')).json()
    const refused = await h().request({ method: 'DELETE', url: `/api/v1/platforms/${platform.id}`, token })
    expect(refused.statusCode).toBe(409)
    expect(refused.json().code).toBe('PLATFORM_ENABLED')
    expect(
      (await h().request({ method: 'POST', url: `/api/v1/platforms/${platform.id}/disable`, token })).json()
        .state,
    ).toBe('disabled')
    const listed = await h().request({ method: 'GET', url: '/api/v1/platforms?state=disabled&q=life', token })
    expect(listed.json()).toMatchObject({ total: 1, items: [{ id: platform.id }] })
    expect(
      (await h().request({ method: 'DELETE', url: `/api/v1/platforms/${platform.id}`, token })).statusCode,
    ).toBe(204)
    for (const [method, url] of [
      ['GET', `/api/v1/platforms/${platform.id}`],
      ['POST', `/api/v1/platforms/${platform.id}/enable`],
      ['POST', '/api/v1/platforms/not-an-id/disable'],
      ['DELETE', `/api/v1/platforms/${platform.id}`],
    ] as const) {
      const response = await h().request({ method, url, token })
      expect(response.statusCode, url).toBe(404)
      expect(response.json().code).toBe('PLATFORM_NOT_FOUND')
    }
    const actions = (await h().core.operations.list({ targetId: platform.id, limit: 10 })).items.map(
      (o) => `${o.action}:${o.result}`,
    )
    // Refused attempts are part of the trail too.
    expect(actions).toEqual([
      'platform.delete:failure',
      'platform.enable:failure',
      'platform.delete:success',
      'platform.disable:success',
      'platform.delete:failure',
      'platform.create:success',
    ])
  })

  it('lets viewers read and only admins change', async () => {
    const viewer = await h().userWithRole('viewer')
    const operator = await h().userWithRole('operator')
    expect(
      (await h().request({ method: 'GET', url: '/api/v1/platforms', token: viewer.token })).statusCode,
    ).toBe(200)
    const payload = { carrierId: 'reference', name: 'x', config: { baseUrl: simulator.url, apiKey: 'k' } }
    expect(
      (await h().request({ method: 'POST', url: '/api/v1/platforms', token: operator.token, payload }))
        .statusCode,
    ).toBe(403)
    const platform = (await create('Roles')).json()
    expect(
      (
        await h().request({
          method: 'POST',
          url: `/api/v1/platforms/${platform.id}/disable`,
          token: operator.token,
        })
      ).statusCode,
    ).toBe(403)
    expect(
      (
        await h().request({
          method: 'POST',
          url: `/api/v1/platforms/${platform.id}/test`,
          token: viewer.token,
          payload: {},
        })
      ).statusCode,
    ).toBe(403)
  })
})
