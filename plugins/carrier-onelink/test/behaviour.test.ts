import { afterEach, describe, expect, it } from 'vitest'
import { call, connectToSimulator, must, type OneLinkSimulator } from './support.js'

describe('the plugin against the simulated OneLink', () => {
  let simulator: OneLinkSimulator | undefined
  afterEach(async () => simulator?.close())

  it('reads a batch through the batch endpoints plus one status call per known card', async () => {
    const setup = await connectToSimulator()
    simulator = setup.simulator
    const handle = simulator.handle()
    const known = [
      must(await handle.takeCard('active'), 'active'),
      must(await handle.takeCard('suspended'), 'suspended'),
    ]
    const pb = must(
      simulator.state.allCards().find((card) => card.platformType === 'OneLink-PB' && card.status === '06'),
      'PB dormant',
    )
    const iccids = [known[0] ?? '', handle.unknownIccid, known[1] ?? '', pb.iccid]
    const { cards } = await setup.connection.getCards({ iccids }, call())
    expect(cards.map((lookup) => [lookup.iccid, lookup.found])).toEqual(
      iccids.map((iccid, index) => [iccid, index !== 1]),
    )
    const dormant = cards[3]
    expect(dormant?.found && dormant.card).toMatchObject({
      lifecycle: 'suspended',
      block: 'dormant',
      platformType: 'OneLink-PB',
      carrierStatus: { code: '06' },
      msisdn: expect.stringMatching(/^1440\d{9}$/),
    })
    const business = setup.requests.filter((request) => request.path !== '/get/token')
    expect(business.map((request) => request.path)).toEqual([
      '/query/sim-card-info/batch',
      '/query/sim-platform/batch',
      ...Array<string>(3).fill('/query/sim-status'),
    ])
    expect(business[0]?.params.iccids).toBe(iccids.join('_'))
    expect(business[1]?.params.iccids).toBe([iccids[0], iccids[2], iccids[3]].join('_'))
  })

  it('changes state with the single-card operType, pending until OneLink applies it', async () => {
    const setup = await connectToSimulator({ applyDelayMs: 60_000 })
    simulator = setup.simulator
    const iccid = must(await simulator.handle().takeCard('inventory'), 'inventory card')
    const result = await setup.connection.changeState?.(
      { iccid, action: 'activate', from: 'inventory' },
      call(),
    )
    expect(result).toMatchObject({ outcome: 'pending', carrierRef: expect.stringMatching(/^\d+$/) })
    expect(setup.requests.at(-1)?.params).toMatchObject({ iccid, operType: '2' })
    expect(simulator.state.card(iccid)?.status).toBe('7')
    simulator.state.advance(60_000)
    expect(simulator.state.card(iccid)?.status).toBe('2')
  })

  it('surfaces the lock window, invalid transitions and refused resumes of carrier stops', async () => {
    const setup = await connectToSimulator({ applyDelayMs: 0 })
    simulator = setup.simulator
    const change = must(setup.connection.changeState, 'changeState').bind(setup.connection)
    const active = must(await simulator.handle().takeCard('active'), 'active card')
    await change({ iccid: active, action: 'suspend', from: 'active' }, call())
    await expect(
      change({ iccid: active, action: 'resume', from: 'suspended' }, call()),
    ).rejects.toMatchObject({
      code: 'locked',
      retryable: true,
      retryAfterMs: 180_000,
    })
    // Stale `from`: the card is already suspended, OneLink refuses operType 0.
    simulator.state.advance(181_000)
    await expect(change({ iccid: active, action: 'suspend', from: 'active' }, call())).rejects.toMatchObject({
      code: 'invalidState',
    })
    const carrierStopped = must(
      simulator.state.allCards().find((card) => card.status === '4' && card.stopBits === '020000000000'),
      'carrier-stopped card',
    )
    await expect(
      change({ iccid: carrierStopped.iccid, action: 'resume', from: 'suspended' }, call()),
    ).rejects.toMatchObject({ code: 'rejected', carrierCode: '12098' })
    const reason = await setup.connection.getStopReason?.({ iccid: carrierStopped.iccid }, call())
    expect(reason).toEqual({
      initiator: 'carrier',
      block: 'imei_mismatch',
      text: '机卡分离停机',
      resumable: false,
    })
  })

  it('refuses a second change inside a configured local lock window without asking OneLink', async () => {
    const setup = await connectToSimulator({ applyDelayMs: 0, lockSeconds: 0 }, { lockWindowMinutes: 30 })
    simulator = setup.simulator
    const iccid = must(await simulator.handle().takeCard('active'), 'active card')
    const change = must(setup.connection.changeState, 'changeState').bind(setup.connection)
    await change({ iccid, action: 'suspend', from: 'active' }, call())
    const sent = setup.requests.length
    await expect(change({ iccid, action: 'resume', from: 'suspended' }, call())).rejects.toMatchObject({
      code: 'locked',
    })
    expect(setup.requests).toHaveLength(sent)
  })

  it('reports usage in bytes with allowance, PB figures as of midnight, and daily figures', async () => {
    const setup = await connectToSimulator()
    simulator = setup.simulator
    const cards = simulator.state.allCards()
    const ct = must(
      cards.find((card) => card.status === '2' && card.packageKb !== null),
      'CT active card with package',
    )
    const usage = must(await setup.connection.getUsage?.({ iccid: ct.iccid }, call()), 'usage')
    expect(usage.usedBytes).toBe(await simulator.handle().usedBytes(ct.iccid))
    expect(usage.totalBytes).toBe((ct.packageKb ?? 0) * 1024)
    expect(usage.remainingBytes).toBe(Math.max(0, (usage.totalBytes ?? 0) - usage.usedBytes))
    expect(usage.periodStart.toISOString()).toBe('2025-12-31T16:00:00.000Z')
    expect(usage.asOf.toISOString()).toBe('2026-01-15T02:00:00.000Z')
    // 2026-01-15 Beijing: the 6 days before it, each with the card's hourly rate × 24 h (± rounding).
    expect(usage.daily?.map((day) => day.day)).toEqual([
      '2026-01-09',
      '2026-01-10',
      '2026-01-11',
      '2026-01-12',
      '2026-01-13',
      '2026-01-14',
    ])
    const fullDay = Math.round((ct.centiKbPerHour * 24 * 1024) / 100)
    for (const day of usage.daily ?? []) expect(Math.abs(day.bytes - fullDay)).toBeLessThan(1024)

    const pb = must(
      cards.find((card) => card.status === '00'),
      'PB active card',
    )
    const pbUsage = must(await setup.connection.getUsage?.({ iccid: pb.iccid }, call()), 'usage')
    expect(pbUsage.asOf.toISOString()).toBe('2026-01-14T16:00:00.000Z')
    expect(pbUsage.usedBytes).toBeLessThan(Math.round((pb.usedCentiKb * 1024) / 100))

    const fresh = must(
      cards.find((card) => card.status === '1' && card.packageKb === null),
      'unused card without package',
    )
    expect(await setup.connection.getUsage?.({ iccid: fresh.iccid }, call())).toMatchObject({
      usedBytes: 0,
      totalBytes: null,
      remainingBytes: null,
    })
  })

  it('creates a recharge order whose payment page completes it, read back through 23B03', async () => {
    const setup = await connectToSimulator()
    simulator = setup.simulator
    const order = must(
      await setup.connection.recharge?.(
        { accountId: 'acct-1', amountFen: 1234, paymentMethod: 'WEIXIN_NATIVE' },
        call(),
      ),
      'order',
    )
    expect(setup.requests.at(-1)?.params).toMatchObject({
      entityType: '2',
      entityId: 'acct-1',
      chargeMoney: '12.34',
      paymentType: 'WEIXIN-NATIVE',
    })
    expect(await setup.connection.getRechargeStatus?.({ orderNo: order.orderNo }, call())).toEqual({
      status: 'pending',
      paidAt: null,
    })
    const page = await (await fetch(order.paymentUrl)).text()
    expect(page).toContain('支付成功')
    expect(page).toContain('¥12.34')
    await fetch(order.paymentUrl, { method: 'POST', body: new URLSearchParams({ result: 'success' }) })
    expect(await setup.connection.getRechargeStatus?.({ orderNo: order.orderNo }, call())).toEqual({
      status: 'paid',
      paidAt: new Date('2026-01-15T02:00:00Z'),
    })
    await expect(
      setup.connection.recharge?.(
        { accountId: 'acct-2', amountFen: 100, paymentMethod: 'ALIPAY_WAP' },
        call(),
      ),
    ).rejects.toMatchObject({ code: 'notFound' })
  })
})
