import { afterEach, describe, expect, it } from 'vitest'
import { simulatorOptionsFromArgs } from '../src/simulator/cli-args.js'
import { luhnCheckDigit } from '@simops/carrier-testkit/simulation'
import { startOneLinkSimulator, type OneLinkSimulator } from '../src/simulator/index.js'
import { generateInventory } from '../src/simulator/inventory.js'
import { SimulatedOneLink } from '../src/simulator/state.js'

type Envelope = { status: string; message: string; result: Array<Record<string, unknown>> }
const transid = '2000012026011510000000000001'

/** Calls the simulator as a OneLink client would, by GET or POST. */
async function ask(
  sim: OneLinkSimulator,
  path: string,
  params: Record<string, string | number>,
  method = 'POST',
) {
  const init =
    method === 'GET'
      ? {}
      : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(params) }
  const query =
    method === 'GET'
      ? `?${new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)]))}`
      : ''
  return (await (await fetch(`${sim.url}${path}${query}`, init)).json()) as Envelope
}

async function tokenOf(sim: OneLinkSimulator) {
  const answer = await ask(sim, '/get/token', { appid: sim.appId, password: sim.password, transid }, 'GET')
  return String(answer.result[0]?.token)
}

function allStrings(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(allStrings)
  if (typeof value === 'object' && value !== null) return Object.values(value).every(allStrings)
  return typeof value === 'string'
}

describe('the OneLink simulator', () => {
  let sim: OneLinkSimulator | undefined
  afterEach(async () => sim?.close())

  it('holds a seeded inventory of China Mobile ICCIDs with Luhn digits and 13-digit 1440 MSISDNs', async () => {
    sim = await startOneLinkSimulator({ seed: 7, cards: 48, startAt: new Date('2026-01-15T02:00:00Z') })
    const again = await startOneLinkSimulator({
      seed: 7,
      cards: 48,
      startAt: new Date('2026-01-15T02:00:00Z'),
    })
    const ids = (s: OneLinkSimulator) =>
      s.state.allCards().map((card) => [card.iccid, card.msisdn, card.status])
    expect(ids(again)).toEqual(ids(sim))
    await again.close()
    for (const card of sim.state.allCards()) {
      expect(card.iccid).toMatch(/^8986(00|02|04|07|08)\d{14}$/)
      expect(luhnCheckDigit(card.iccid.slice(0, -1))).toBe(card.iccid.slice(-1))
      expect(card.msisdn).toMatch(/^1440\d{9}$/)
    }
    expect(new Set(sim.state.allCards().map((card) => card.platformType))).toEqual(
      new Set(['OneLink-CT', 'OneLink-PB']),
    )
  })

  it('never gives two cards the same number, even in a large inventory', () => {
    // Seed 1 drew one 1440 number twice within 34,000 cards before repeats were redrawn.
    const cards = generateInventory(1, 34_000, Date.UTC(2026, 0, 15))
    expect(new Set(cards.map((card) => card.msisdn)).size).toBe(cards.length)
  })

  it('on a wall clock moves in whole seconds, yet applies a change when it falls due', () => {
    let wall = Date.UTC(2026, 0, 15, 2)
    const clock = { now: () => wall, advance: (ms: number) => void (wall += ms), stepMs: 1000 }
    const account = new SimulatedOneLink({
      seed: 7,
      cards: 48,
      applyDelayMs: 300,
      lockSeconds: 0,
      tokenTtlSeconds: 7200,
      appId: 'C5010100A0000001',
      password: 'secret',
      accountId: 'acct',
      clock,
    })
    // Active CT cards, heavy users: their usage grows by at least a hundredth of a KB per second.
    const active = account
      .allCards()
      .filter((card) => card.status === '2' && card.centiKbPerHour >= 3600 * 100)
    const [user, stopped] = active
    if (!user || !stopped) throw new Error('the seeded inventory has no heavy active CT card')
    const start = account.now()
    const used = user.usedCentiKb
    wall += 400
    expect(account.now()).toBe(start)
    expect(user.usedCentiKb).toBe(used)
    wall += 700
    expect(account.now()).toBe(wall)
    expect(user.usedCentiKb).toBeGreaterThan(used)

    account.changeSingle(stopped, '0')
    wall += 350
    account.catchUp()
    expect(stopped.status).toBe('4')
    expect(account.now()).toBe(wall)
  })

  it('issues tokens, refuses wrong credentials, unknown tokens and transids not starting with the appid', async () => {
    sim = await startOneLinkSimulator({ tokenTtlSeconds: 60 })
    const issued = await ask(sim, '/get/token', { appid: sim.appId, password: sim.password, transid }, 'GET')
    expect(issued).toMatchObject({
      status: '0',
      message: '正确',
      result: [{ token: expect.any(String), ttl: '60' }],
    })
    const wrong = await ask(sim, '/get/token', { appid: sim.appId, password: 'nope', transid }, 'GET')
    expect(wrong.status).not.toBe('0')
    const token = String(issued.result[0]?.token)
    const iccid = sim.state.allCards()[0]?.iccid ?? ''
    expect((await ask(sim, '/query/sim-status', { transid, token: 'bogus', iccid })).status).toBe('12021')
    expect((await ask(sim, '/query/sim-status', { transid: '999', token, iccid })).status).toBe('12003')
    // A sloppy transid (12-hour clock, short sequence) is accepted and logged.
    expect(
      (await ask(sim, '/query/sim-status', { transid: '200001201601150200', token, iccid })).status,
    ).toBe('0')
    expect(sim.state.transidDeviations).toEqual(['200001201601150200'])
    sim.state.advance(61_000)
    expect((await ask(sim, '/query/sim-status', { transid, token, iccid })).status).toBe('12021')
  })

  it('answers GET and POST alike, with every value a string and the one-and-only-one selector rule', async () => {
    sim = await startOneLinkSimulator()
    const token = await tokenOf(sim)
    const card = sim.state.allCards()[0]
    const params = { transid, token, msisdn: card?.msisdn ?? '' }
    const byGet = await ask(sim, '/query/sim-basic-info', params, 'GET')
    expect(byGet).toEqual(await ask(sim, '/query/sim-basic-info', params))
    expect(byGet.result[0]).toMatchObject({ iccid: card?.iccid, imsi: card?.imsi })
    expect(allStrings(byGet)).toBe(true)
    const both = await ask(sim, '/query/sim-status', { ...params, iccid: card?.iccid ?? '' })
    expect(both).toMatchObject({ status: '12002', message: expect.stringContaining('有且只有一项') })
    expect((await ask(sim, '/query/sim-status', { transid, token })).status).toBe('12002')
  })

  it('answers _-joined batches with a row per card and refuses more than 100', async () => {
    sim = await startOneLinkSimulator()
    const token = await tokenOf(sim)
    const [a, b] = sim.state.allCards()
    const iccids = [a?.iccid, sim.state.unknownIccid, b?.iccid].join('_')
    const answer = await ask(sim, '/query/sim-card-info/batch', { transid, token, iccids })
    expect(answer.result.map((row) => row.status)).toEqual(['0', '12006', '0'])
    expect(allStrings(answer)).toBe(true)
    const tooMany = Array.from({ length: 101 }, (_, index) => String(index)).join('_')
    expect((await ask(sim, '/query/sim-platform/batch', { transid, token, iccids: tooMany })).status).toBe(
      '12010',
    )
  })

  it('applies batch changes as a job after the delay, fails the whole batch on one locked card, refuses 8 and 10', async () => {
    sim = await startOneLinkSimulator({ applyDelayMs: 10_000, startAt: new Date('2026-01-15T02:00:00Z') })
    const token = await tokenOf(sim)
    const ready = sim.state
      .allCards()
      .filter((card) => card.status === '1')
      .slice(0, 2)
    const inventory = sim.state.allCards().find((card) => card.status === '7')
    const msisdns = [...ready.map((card) => card.msisdn), inventory?.msisdn].join('_')
    // Batch 7 is 待激活→已激活: the inventory card fails on its own row.
    const job = await ask(sim, '/change/sim-status/batch', { transid, token, msisdns, operType: 7 })
    const jobId = String(job.result[0]?.jobId)
    const waiting = await ask(sim, '/query/sim-batch-result', { transid, token, jobId })
    expect(waiting.result[0]).toMatchObject({ jobStatus: '0' })
    sim.state.advance(6_000)
    expect((await ask(sim, '/query/sim-batch-result', { transid, token, jobId })).result[0]?.jobStatus).toBe(
      '1',
    )
    expect(ready.map((card) => sim?.state.card(card.iccid)?.status)).toEqual(['1', '1'])
    sim.state.advance(4_000)
    const done = await ask(sim, '/query/sim-batch-result', { transid, token, orderNum: jobId })
    expect(done.result[0]).toMatchObject({ jobStatus: '2' })
    expect((done.result[0]?.resultList as Array<{ status: string }>).map((row) => row.status)).toEqual([
      '0',
      '0',
      '12007',
    ])
    expect(ready.map((card) => sim?.state.card(card.iccid)?.status)).toEqual(['2', '2'])
    // One of them is still locked: the whole batch (9, suspend, with reason) fails.
    const active = sim.state.allCards().find((card) => card.status === '2' && !ready.includes(card))
    const locked = await ask(sim, '/change/sim-status/batch', {
      transid,
      token,
      msisdns: `${active?.msisdn}_${ready[0]?.msisdn}`,
      operType: '9',
      reason: '01',
    })
    expect(locked).toMatchObject({ status: '12009', message: expect.stringContaining('3分钟') })
    expect(
      (
        await ask(sim, '/change/sim-status/batch', {
          transid,
          token,
          msisdns: active?.msisdn ?? '',
          operType: '9',
        })
      ).status,
    ).toBe('12002')
    for (const operType of ['8', '10'])
      expect(
        (
          await ask(sim, '/change/sim-status/batch', {
            transid,
            token,
            msisdns: active?.msisdn ?? '',
            operType,
          })
        ).status,
      ).toBe('12008')
  })

  it('serves usage in KB with " " for no usage, daily only within the last 7 days up to yesterday', async () => {
    sim = await startOneLinkSimulator({ startAt: new Date('2026-01-15T02:00:00Z') })
    const token = await tokenOf(sim)
    const unused = sim.state.allCards().find((card) => card.status === '7')
    const usage = await ask(sim, '/query/sim-data-usage', { transid, token, iccid: unused?.iccid ?? '' })
    expect(usage.result[0]?.dataAmount).toBe(' ')
    const active = sim.state.allCards().find((card) => card.status === '2' && card.centiKbPerHour > 0)
    const used = await ask(sim, '/query/sim-data-usage', { transid, token, iccid: active?.iccid ?? '' })
    expect(used.result[0]?.dataAmount).toMatch(/^\d+\.\d{2}$/)
    const day = (queryDate: string) =>
      ask(sim as OneLinkSimulator, '/query/sim-data-usage-daily/batch', {
        transid,
        token,
        iccids: active?.iccid ?? '',
        queryDate,
      })
    expect((await day('20260114')).status).toBe('0')
    expect((await day('20260108')).status).toBe('0')
    expect((await day('20260115')).status).toBe('12002')
    expect((await day('20260107')).status).toBe('12002')
    const month = await ask(sim, '/query/sim-data-usage-monthly/batch', {
      transid,
      token,
      iccids: active?.iccid ?? '',
      queryDate: '202601',
    })
    expect(month.result[0]).toMatchObject({ deadLine: '20260114' })
  })

  it('reads its command-line flags', () => {
    expect(
      simulatorOptionsFromArgs([
        '--port',
        '8101',
        '--seed',
        '3',
        '--lock-seconds',
        '60',
        '--app-id',
        '300001',
      ]),
    ).toMatchObject({
      port: 8101,
      seed: 3,
      lockSeconds: 60,
      appId: '300001',
      clock: 'real',
    })
    expect(() => simulatorOptionsFromArgs(['--port', 'x'])).toThrow(/--port/)
  })
})
