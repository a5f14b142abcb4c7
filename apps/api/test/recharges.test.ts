import { CarrierRegistry, systemContext } from '@simops/core'
import { startOneLinkSimulator, type OneLinkSimulator } from '@simops/carrier-onelink/simulator'
import { startReferenceSimulator, type ReferenceSimulator } from '@simops/carrier-testkit/reference'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importPlugin } from '../src/plugin-loader.js'
import { backends, useApp } from './harness.js'

// Loaded by package name, as the server does.
const registry = await CarrierRegistry.load(
  ['@simops/carrier-onelink', '@simops/carrier-unicom', '@simops/carrier-testkit/reference'],
  importPlugin,
)

describe.each(backends)('recharges on %s', (backend) => {
  let simulator: OneLinkSimulator
  let reference: ReferenceSimulator
  let clock = new Date('2026-11-30T02:00:00Z').getTime()
  beforeAll(async () => {
    simulator = await startOneLinkSimulator({ cards: 5 })
    reference = await startReferenceSimulator({ cards: 5 })
  })
  afterAll(async () => {
    await simulator.close()
    await reference.close()
  })
  const h = useApp(backend, { carriers: registry, now: () => new Date(clock) })
  let platformId = ''
  let operator = ''

  const platform = async (
    carrierId: string,
    name: string,
    config: Record<string, unknown>,
    state = 'enabled',
  ) => {
    const response = await h().request({
      method: 'POST',
      url: '/api/v1/platforms',
      token: await h().adminToken(),
      payload: { carrierId, name, config, state },
    })
    expect(response.statusCode, response.body).toBe(201)
    return response.json<{ id: string }>().id
  }
  beforeAll(async () => {
    platformId = await platform('onelink', 'OneLink 充值', { ...simulator.handle().config })
    operator = (await h().userWithRole('operator')).token
  })

  const recharge = (
    payload: Record<string, unknown>,
    headers: Record<string, string> = {},
    token = operator,
  ) => h().request({ method: 'POST', url: '/api/v1/recharges', token, payload, headers })
  const valid = { accountId: 'acct-1', amount: '12.5', paymentMethod: 'ALIPAY_WAP' }

  it('places an order with the carrier and returns its payment URL; the payer decides on the page', async () => {
    const response = await recharge({ ...valid, platformId })
    expect(response.statusCode, response.body).toBe(201)
    const order = response.json()
    expect(order).toMatchObject({
      platform: { id: platformId, carrierId: 'onelink' },
      accountId: 'acct-1',
      amountFen: 1250,
      amount: '12.50',
      paymentMethod: 'ALIPAY_WAP',
      status: 'pending',
      statusSource: null,
      createdBy: { name: expect.stringMatching(/^operator-/) },
    })
    expect(order.orderNo).toMatch(/^CZ/)
    expect(order.paymentUrl).toContain(`/pay/${order.orderNo}`)

    // The payment page on the simulator: the payer pays.
    const page = await fetch(order.paymentUrl)
    expect(await page.text()).toContain('支付成功')
    await fetch(order.paymentUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'result=success',
    })
    const refreshed = await h().request({
      method: 'POST',
      url: `/api/v1/recharges/${order.id}/refresh`,
      token: operator,
    })
    expect(refreshed.json()).toMatchObject({
      status: 'paid',
      statusSource: 'carrier',
      paidAt: expect.any(String),
    })

    const ops = await h().request({
      method: 'GET',
      url: '/api/v1/operations?targetType=recharge',
      token: operator,
    })
    expect(ops.json().items.map((o: { action: string }) => o.action)).toEqual([
      'recharge.status',
      'recharge.create',
    ])
  })

  it('follows pending orders in the background: failed at the carrier, or expired when the link lapses', async () => {
    const failed = (await recharge({ ...valid, platformId, amount: 20 })).json()
    const lapsing = (await recharge({ ...valid, platformId, amount: '1.00' })).json()
    await fetch(failed.paymentUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'result=failure',
    })
    const monitor = systemContext('recharge-monitor')
    expect(await h().core.recharges.tracker.checkPending(monitor)).toEqual({ checked: 2, settled: 1 })
    expect((await h().core.recharges.get(failed.id)).status).toBe('failed')
    // Asked again only after a minute; after the link's lifetime plus grace, the order has expired.
    expect(await h().core.recharges.tracker.checkPending(monitor)).toEqual({ checked: 0, settled: 0 })
    clock += 45 * 60_000
    expect(await h().core.recharges.tracker.checkPending(monitor)).toEqual({ checked: 1, settled: 1 })
    expect(await h().core.recharges.get(lapsing.id)).toMatchObject({
      status: 'expired',
      statusSource: 'timeout',
    })

    // An administrator records what the carrier's portal shows; settled orders stay settled.
    const admin = await h().adminToken()
    const confirm = (id: string, token: string) =>
      h().request({
        method: 'POST',
        url: `/api/v1/recharges/${id}/confirm`,
        token,
        payload: { status: 'paid', note: '移动门户显示已到账' },
      })
    expect((await confirm(lapsing.id, operator)).statusCode).toBe(403)
    expect((await confirm(lapsing.id, admin)).json()).toMatchObject({
      status: 'paid',
      statusSource: 'manual',
      note: '移动门户显示已到账',
    })
    const settled = await confirm(failed.id, admin)
    expect([settled.statusCode, settled.json().code]).toEqual([409, 'RECHARGE_SETTLED'])
  })

  it('creates one order for a double submit with the same Idempotency-Key', async () => {
    const key = { 'idempotency-key': 'order-42' }
    const [a, b] = await Promise.all([
      recharge({ ...valid, platformId }, key),
      recharge({ ...valid, platformId }, key),
    ])
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201])
    expect(a.json().id).toBe(b.json().id)
    const third = await recharge({ ...valid, platformId }, key)
    expect([third.statusCode, third.headers['idempotent-replayed']]).toEqual([200, 'true'])
    const reused = await recharge({ ...valid, platformId, amount: 99 }, key)
    expect([reused.statusCode, reused.json().code]).toEqual([409, 'IDEMPOTENCY_KEY_REUSED'])
    const listed = await h().request({
      method: 'GET',
      url: '/api/v1/recharges?amount=12.50&status=pending',
      token: operator,
    })
    expect(listed.json().items.filter((r: { id: string }) => r.id === a.json().id)).toHaveLength(1)
  })

  it('refuses bad input and carrier failures with stable codes, storing no order', async () => {
    const before = (
      await h().request({ method: 'GET', url: '/api/v1/recharges?pageSize=100', token: operator })
    ).json().total
    const cases: Array<[Record<string, unknown>, number, string]> = [
      [{ ...valid, platformId, amount: 0 }, 400, 'AMOUNT_INVALID'],
      [{ ...valid, platformId, amount: '500.001' }, 400, 'AMOUNT_INVALID'],
      [{ ...valid, platformId, amount: 500.001 }, 400, 'AMOUNT_INVALID'],
      [{ ...valid, platformId, amount: -5 }, 400, 'AMOUNT_INVALID'],
      [{ ...valid, platformId, amount: 'ten' }, 400, 'AMOUNT_INVALID'],
      [{ ...valid, platformId, amount: '1e2' }, 400, 'AMOUNT_INVALID'],
      [{ ...valid, platformId, amount: 500.01 }, 400, 'AMOUNT_INVALID'],
      [{ ...valid, platformId, paymentMethod: 'CASH' }, 400, 'VALIDATION_FAILED'],
      [{ ...valid, platformId, accountId: 'x'.repeat(65) }, 400, 'VALIDATION_FAILED'],
      [{ ...valid, platformId: '00000000-0000-4000-8000-000000000000' }, 404, 'PLATFORM_NOT_FOUND'],
    ]
    for (const [payload, status, code] of cases) {
      const response = await recharge(payload)
      expect([response.statusCode, response.json().code], JSON.stringify(payload)).toEqual([status, code])
    }
    const unicomPlatform = await platform('unicom', '联通 无充值', {
      baseUrl: 'http://127.0.0.1:9',
      appId: 'a',
      appSecret: 'b',
      openId: 'c',
    })
    const noRecharge = await recharge({ ...valid, platformId: unicomPlatform })
    expect([noRecharge.statusCode, noRecharge.json().code]).toEqual([409, 'RECHARGE_NOT_SUPPORTED'])
    const off = await platform('onelink', 'OneLink 停用', { ...simulator.handle().config }, 'disabled')
    expect((await recharge({ ...valid, platformId: off })).json().code).toBe('PLATFORM_DISABLED')
    // The carrier does not know the account.
    const unknown = await recharge({ ...valid, platformId, accountId: 'acct-404' })
    expect(unknown.statusCode).toBeGreaterThanOrEqual(400)
    expect(unknown.json().code).toMatch(/^CARRIER_/)
    // Rate limited by the carrier (reference carrier's simulator answers 429 on request).
    const ref = await platform('reference', 'Reference 充值', {
      baseUrl: reference.url,
      apiKey: reference.apiKey,
    })
    reference.handle().injectFault('rateLimited', 5)
    const limited = await recharge({ ...valid, platformId: ref })
    expect([limited.statusCode, limited.json().code]).toEqual([429, 'CARRIER_RATE_LIMITED'])
    reference.handle().clearFaults()
    // Asking about an order while the carrier is down reports the failure and leaves the order pending.
    const pending = (await recharge({ ...valid, platformId: ref })).json()
    reference.handle().injectFault('serverError', 5)
    const down = await h().request({
      method: 'POST',
      url: `/api/v1/recharges/${pending.id}/refresh`,
      token: operator,
    })
    expect([down.statusCode, down.json().code]).toEqual([502, 'CARRIER_UNAVAILABLE'])
    reference.handle().clearFaults()
    expect((await h().core.recharges.get(pending.id)).status).toBe('pending')
    const viewer = (await h().userWithRole('viewer')).token
    expect((await recharge({ ...valid, platformId }, {}, viewer)).statusCode).toBe(403)
    const after = (
      await h().request({ method: 'GET', url: '/api/v1/recharges?pageSize=100', token: operator })
    ).json().total
    expect(after).toBe(before + 1) // only the order placed while the carrier was up
    const failures = await h().request({
      method: 'GET',
      url: '/api/v1/operations?action=recharge.create&result=failure&limit=100',
      token: operator,
    })
    expect(failures.json().items.length).toBeGreaterThanOrEqual(cases.length - 2)
  })
})
