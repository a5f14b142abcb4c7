import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { legacyQuery } from '../src/legacy/client.js'
import { parseLegacyReply } from '../src/legacy/parse.js'
import { keyPartsOf } from '../src/legacy/str-enc.js'
import { startCtwingSimulator, type CtwingSimulator } from '../src/simulator/index.js'
import { call, cardIn, changeStateOf, connect, generations, rejectionCode, usageOf } from './helpers.js'

const APPLY_DELAY_MS = 60_000
const HOUR_MS = 3_600_000

describe.each(generations)('against the simulator (%s)', (generation) => {
  let simulator: CtwingSimulator
  beforeAll(async () => {
    simulator = await startCtwingSimulator({ seed: 21, applyDelayMs: APPLY_DELAY_MS, monthlyActionCap: 3 })
  })
  afterAll(() => simulator.close())

  const read = async (iccid: string) => {
    const { cards } = await (await connect(simulator, generation)).getCards({ iccids: [iccid] }, call())
    const [lookup] = cards
    if (!lookup?.found) return expect.fail(`card ${iccid} not found`)
    return lookup.card
  }

  it.each([
    ['1', 'ready', null],
    ['2', 'test', null],
    ['3', 'test_suspended', null],
    ['4', 'active', null],
    ['5', 'suspended', null],
    ['6', 'suspended', 'operator_admin'],
    ['7', 'terminated', null],
  ] as const)(
    'reads status %s as %s (拆机 included through queryDropCard)',
    async (status, lifecycle, block) => {
      const iccid = cardIn(simulator, status)
      const card = await read(iccid)
      expect(card).toMatchObject({ iccid, lifecycle, block, carrierStatus: { code: status } })
      expect(card.msisdn).toMatch(/^(10649\d{8}|149\d{8})$/)
    },
  )

  it('finds a card by its 19-digit API form too, reporting the form asked for', async () => {
    const iccid19 = cardIn(simulator, '4').slice(0, 19)
    expect(await read(iccid19)).toMatchObject({ iccid: iccid19, lifecycle: 'active' })
  })

  it('reports unknown and malformed ICCIDs as not found', async () => {
    const connection = await connect(simulator, generation)
    const { cards } = await connection.getCards(
      { iccids: [simulator.state.unknownIccid, 'not-an-iccid'] },
      call(),
    )
    expect(cards).toEqual([
      { iccid: simulator.state.unknownIccid, found: false },
      { iccid: 'not-an-iccid', found: false },
    ])
  })

  it('suspends asynchronously: pending with the carrier reference, applied after the delay', async () => {
    const connection = await connect(simulator, generation)
    const iccid = cardIn(simulator, '4')
    const result = await changeStateOf(connection)({ iccid, action: 'suspend', from: 'active' }, call())
    expect(result.outcome).toBe('pending')
    expect(result.carrierRef).toMatch(/^\d+$/)
    expect((await read(iccid)).lifecycle).toBe('active')
    await simulator.handle(generation).advance(APPLY_DELAY_MS)
    expect((await read(iccid)).lifecycle).toBe('suspended')
  })

  it('activates a 可激活 card with requestServActive', async () => {
    const connection = await connect(simulator, generation)
    const iccid = cardIn(simulator, '1')
    expect(
      await changeStateOf(connection)({ iccid, action: 'activate', from: 'ready' }, call()),
    ).toMatchObject({
      outcome: 'pending',
    })
    simulator.state.settle()
    expect((await read(iccid)).lifecycle).toBe('active')
  })

  it('falls back to requestServActive when a resume meets a 可激活 card (100008)', async () => {
    const connection = await connect(simulator, generation)
    const iccid = cardIn(simulator, '1')
    await changeStateOf(connection)({ iccid, action: 'resume', from: 'suspended' }, call())
    simulator.state.settle()
    expect((await read(iccid)).lifecycle).toBe('active')
  })

  it('stops and resumes a test-period card with order types 21 and 22', async () => {
    const connection = await connect(simulator, generation)
    const iccid = cardIn(simulator, '2')
    await changeStateOf(connection)({ iccid, action: 'suspend', from: 'test' }, call())
    simulator.state.settle()
    expect((await read(iccid)).lifecycle).toBe('test_suspended')
    await changeStateOf(connection)({ iccid, action: 'resume', from: 'test_suspended' }, call())
    simulator.state.settle()
    expect((await read(iccid)).lifecycle).toBe('test')
  })

  it('refuses to resume a card the carrier holds (运营商管理状态)', async () => {
    const connection = await connect(simulator, generation)
    const iccid = cardIn(simulator, '6')
    expect(
      await rejectionCode(changeStateOf(connection)({ iccid, action: 'resume', from: 'suspended' }, call())),
    ).toBe('rejected')
  })

  it('answers the per-card monthly cap (-5) as rate limited until next month', async () => {
    const connection = await connect(simulator, generation)
    const iccid = cardIn(simulator, '4')
    for (const [action, from] of [
      ['suspend', 'active'],
      ['resume', 'suspended'],
      ['suspend', 'active'],
    ] as const) {
      await changeStateOf(connection)({ iccid, action, from }, call())
      simulator.state.settle()
    }
    const error = await changeStateOf(connection)(
      { iccid, action: 'resume', from: 'suspended' },
      call(),
    ).catch((reason: unknown) => reason)
    expect(error).toMatchObject({ code: 'rateLimited', carrierCode: '-5' })
    expect((error as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(0)
  })

  it('reads usage in bytes as the carrier reports it, accruing while the card is in use', async () => {
    const connection = await connect(simulator, generation)
    const iccid = cardIn(simulator, '4')
    const handle = simulator.handle(generation)
    const before = await usageOf(connection)({ iccid }, call())
    expect(before.usedBytes).toBe(await handle.usedBytes(iccid))
    expect(before.asOf.getTime()).toBe(simulator.state.clock.now())
    await handle.advance(5 * HOUR_MS)
    const after = await usageOf(connection)({ iccid }, call())
    expect(after.usedBytes).toBeGreaterThan(before.usedBytes)
    expect(after.usedBytes).toBe(await handle.usedBytes(iccid))
  })

  it('answers a health check with a sample card', async () => {
    const connection = await connect(simulator, generation)
    const iccid = cardIn(simulator, '5')
    expect((await connection.healthCheck({ sampleIccid: iccid }, call())).detail).toContain('停机')
  })
})

describe('simulator details', () => {
  let simulator: CtwingSimulator
  beforeAll(async () => {
    simulator = await startCtwingSimulator({ seed: 22, cards: 120 })
  })
  afterAll(() => simulator.close())

  it('reports a 5G data cut (singleCutNet ADD) as block data_cut, the lifecycle unchanged', async () => {
    const iccid = cardIn(simulator, '4')
    const card = simulator.state.cardByIccid(iccid)
    simulator.state.cutNet(card?.accessNumber ?? '', 'ADD')
    const { cards } = await (await connect(simulator, 'cmp5g')).getCards({ iccids: [iccid] }, call())
    expect(cards[0]).toMatchObject({ found: true, card: { lifecycle: 'active', block: 'data_cut' } })
  })

  it('pages getSIMList by 50 and hides 拆机 cards unless queryDropCard=true', async () => {
    const { credentials } = simulator
    const settings = {
      generation: 'legacy' as const,
      baseUrl: simulator.legacyBaseUrl,
      userId: credentials.userId,
      password: credentials.password,
      secretKey: credentials.secretKey,
      paramStyle: 'user_id' as const,
    }
    const get = async (method: string, params: Record<string, string>) => {
      const response = await fetch(
        `${simulator.legacyBaseUrl}query.do?${legacyQuery(settings, method, params).toString()}`,
      )
      return parseLegacyReply(await response.text(), keyPartsOf(credentials.secretKey))
    }
    const page3 = await get('getSIMList', { pageIndex: '3' })
    expect(page3.format === 'json' && page3.value).toMatchObject({ description: { totalCount: '120' } })
    expect(
      page3.format === 'json' && (page3.value as { description: { simList: unknown[] } }).description.simList,
    ).toHaveLength(20)
    const dropped = simulator.state.cards().find((card) => card.status === '7')
    expect(await get('queryCardMainStatus', { access_number: dropped?.accessNumber ?? '' })).toEqual({
      format: 'text',
      text: '该号码和用户没有绑定！',
    })
  })

  it('refuses disabledNumber without acctCd', async () => {
    const { credentials } = simulator
    const settings = {
      generation: 'legacy' as const,
      baseUrl: simulator.legacyBaseUrl,
      userId: credentials.userId,
      password: credentials.password,
      secretKey: credentials.secretKey,
      paramStyle: 'user_id' as const,
    }
    // Signed over an empty acctCd, then sent without it, as a client that drops empty parameters would.
    const query = legacyQuery(settings, 'disabledNumber', {
      access_number: '14900000000',
      acctCd: '',
      orderTypeId: '19',
    })
    query.delete('acctCd')
    const body = await (await fetch(`${simulator.legacyBaseUrl}query.do?${query.toString()}`)).text()
    expect(body).toContain('<RspCode>9998</RspCode>')
  })

  it('issues China Telecom ICCIDs with valid Luhn digits and distinct access numbers', () => {
    const cards = simulator.state.cards()
    expect(cards.every((card) => /^8986(03|11)\d{14}$/.test(card.iccid))).toBe(true)
    const luhnOk = (digits: string) =>
      [...digits].reverse().reduce((sum, character, index) => {
        const digit = Number(character) * (index % 2 === 1 ? 2 : 1)
        return sum + (digit > 9 ? digit - 9 : digit)
      }, 0) %
        10 ===
      0
    expect(cards.every((card) => luhnOk(card.iccid))).toBe(true)
    expect(new Set(cards.map((card) => card.accessNumber)).size).toBe(cards.length)
  })
})
