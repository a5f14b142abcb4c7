import { afterEach, describe, expect, it } from 'vitest'
import { formatGatewayTimestamp } from '../src/beijing-time.js'
import { apiNames } from '../src/protocol.js'
import { gatewayToken } from '../src/sign.js'
import { luhnCheckDigit } from '@simops/carrier-testkit/simulation'
import { generateInventory, unicomPrefixes } from '../src/simulator/inventory.js'
import {
  startUnicomSimulator,
  type UnicomSimulator,
  type UnicomSimulatorOptions,
} from '../src/simulator/index.js'
import { dataOf, postRaw } from './wire.js'

let simulator: UnicomSimulator | undefined
async function start(options: UnicomSimulatorOptions = {}): Promise<UnicomSimulator> {
  simulator = await startUnicomSimulator({ cards: 60, ...options })
  return simulator
}
afterEach(async () => {
  await simulator?.close()
  simulator = undefined
})

const DAY_MS = 86_400_000
const activeCard = (sim: UnicomSimulator) => sim.state.cards().find((card) => card.simStatus === '2')!.iccid

/** Re-signs a changed envelope with the simulator's secret, so only the changed field is wrong. */
function resign(sim: UnicomSimulator, timestamp: string, transId: string) {
  return gatewayToken(sim.appId, timestamp, transId, sim.appSecret)
}

describe('inventory', () => {
  it('never gives two cards the same number, even in a large inventory', () => {
    // Seeds 4 and 19 drew a 146 number twice within 50,000 cards before repeats were redrawn.
    for (const seed of [4, 19]) {
      const cards = generateInventory(seed, 50_000, Date.UTC(2026, 0, 15))
      expect(new Set(cards.map((card) => card.msisdn)).size).toBe(cards.length)
    }
  })

  it('is the same for the same seed, in Unicom ranges, 20 digits with a valid Luhn digit', async () => {
    const first = (await start({ seed: 3 })).state.cards()
    await simulator?.close()
    const again = (await start({ seed: 3 })).state.cards()
    expect(again.map((card) => card.iccid)).toEqual(first.map((card) => card.iccid))
    for (const { iccid } of first) {
      expect(iccid).toMatch(/^\d{20}$/)
      expect(unicomPrefixes.some((prefix) => iccid.startsWith(prefix))).toBe(true)
      expect(luhnCheckDigit(iccid.slice(0, -1))).toBe(iccid.slice(-1))
    }
    expect(new Set(first.map((card) => card.simStatus))).toEqual(
      new Set(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']),
    )
  })
})

describe('gateway layer', () => {
  it('answers a signed details request with both layers successful and the full terminal as text', async () => {
    const sim = await start()
    const iccid = activeCard(sim)
    const { http, body } = await postRaw(sim, apiNames.terminalDetails, { iccids: [iccid] })
    expect(http).toBe(200)
    expect(body.status).toBe('0000')
    const data = dataOf(body)
    expect(data.resultCode).toBe('0000')
    expect(data.timestamp).toBe(formatGatewayTimestamp(new Date('2026-01-15T02:00:00Z')))
    const [terminal] = data.terminals as Array<Record<string, unknown>>
    expect(terminal).toMatchObject({ iccid, simStatus: '2', provinceCusutom1: '', fieldValue10: '' })
    for (const value of Object.values(terminal ?? {})) expect(typeof value).toBe('string')
  })

  it.each([
    ['a wrong token', (request: Record<string, unknown>) => ({ ...request, token: '0'.repeat(64) }), '1004'],
    ['an unknown app_id', (request: Record<string, unknown>) => ({ ...request, app_id: 'nobody' }), '1001'],
    [
      'a wrong openId',
      (request: Record<string, unknown>) => ({
        ...request,
        data: { ...(request.data as object), openId: 'someone-else' },
      }),
      '1005',
    ],
    ['a body without data', (request: Record<string, unknown>) => ({ ...request, data: undefined }), '1000'],
  ])('refuses %s at the gateway layer, without business data', async (_what, change, status) => {
    const sim = await start()
    const { body } = await postRaw(sim, apiNames.terminalDetails, { iccids: [] }, (request) =>
      change(request as unknown as Record<string, unknown>),
    )
    expect(body.status).toBe(status)
    expect(body.data).toBeUndefined()
  })

  it('checks the timestamp format and a ±5 minute window, even with a matching token', async () => {
    const sim = await start()
    const cases = [
      [formatGatewayTimestamp(new Date(Date.now() - 10 * 60_000)), '1002'],
      [formatGatewayTimestamp(new Date()).replace(/ (\d{3})$/, '.$1'), '1002'],
      [new Date().toISOString(), '1002'],
      [formatGatewayTimestamp(new Date(Date.now() - 4 * 60_000)), '0000'],
    ] as const
    for (const [timestamp, status] of cases) {
      const { body } = await postRaw(sim, apiNames.terminalDetails, { iccids: [] }, (request) => ({
        ...request,
        timestamp,
        token: resign(sim, timestamp, request.trans_id),
      }))
      expect([timestamp, body.status]).toEqual([timestamp, status])
    }
  })

  it('accepts trans_ids of 18 to 23 digits and refuses others', async () => {
    const sim = await start()
    const cases = [
      ['202401020304056781', '0000'],
      ['20240102030405678123456', '0000'],
      ['20240102030405678', '1003'],
      ['202401020304056781234567', '1003'],
      ['2024010203040567812345x', '1003'],
    ] as const
    for (const [transId, status] of cases) {
      const { body } = await postRaw(sim, apiNames.terminalDetails, { iccids: [] }, (request) => ({
        ...request,
        trans_id: transId,
        token: resign(sim, request.timestamp, transId),
      }))
      expect([transId, body.status]).toEqual([transId, status])
    }
  })

  it('logs but accepts a wrong token in logOnly mode', async () => {
    const notes: string[] = []
    const sim = await start({ tokenCheck: 'logOnly', log: (note) => notes.push(note) })
    const { body } = await postRaw(sim, apiNames.terminalDetails, { iccids: [] }, (request) => ({
      ...request,
      token: 'f'.repeat(64),
    }))
    expect(body.status).toBe('0000')
    expect(notes).toHaveLength(1)
    expect(notes[0]).toContain('token mismatch')
  })

  it('serves only {op}/V1/1Main/vV1.1 paths', async () => {
    const sim = await start()
    const wrongVersion = await postRaw(sim, apiNames.terminalDetails, { iccids: [] }, undefined, 'V2.0')
    expect(wrongVersion).toEqual({ http: 404, body: { status: '1007', message: expect.any(String) } })
  })

  it('answers the rate-limit refusal above the configured requests per second', async () => {
    const sim = await start({ requestsPerSecond: 2 })
    const statuses = []
    for (let n = 0; n < 4; n++)
      statuses.push((await postRaw(sim, apiNames.terminalDetails, { iccids: [] })).body.status)
    expect(statuses).toEqual(['0000', '0000', '1006', '1006'])
  })
})

describe('business layer', () => {
  it('refuses more than 50 ICCIDs and lists only known cards', async () => {
    const sim = await start()
    const tooMany = await postRaw(sim, apiNames.terminalDetails, { iccids: Array(51).fill(activeCard(sim)) })
    expect(dataOf(tooMany.body).resultCode).toBe('1012')
    const known = activeCard(sim)
    const mixed = await postRaw(sim, apiNames.terminalDetails, { iccids: [sim.state.unknownIccid, known] })
    expect((dataOf(mixed.body).terminals as Array<{ iccid: string }>).map((t) => t.iccid)).toEqual([known])
  })

  it('applies an asynchronous status edit after the delay, answers 1193 when already there', async () => {
    const sim = await start({ applyDelayMs: 60_000 })
    const iccid = activeCard(sim)
    const edit = (targetValue: string) =>
      postRaw(sim, apiNames.editTerminal, { iccid, asynchronous: '1', changeType: '3', targetValue })
    const accepted = dataOf((await edit('3')).body)
    expect(accepted).toMatchObject({ resultCode: '0000', iccid, effectiveDate: '2026-01-15 10:01:00' })
    sim.state.advance(59_999)
    expect(sim.state.card(iccid)?.simStatus).toBe('2')
    sim.state.advance(1)
    expect(sim.state.card(iccid)?.simStatus).toBe('3')
    expect(dataOf((await edit('3')).body).resultCode).toBe('1193')
  })

  it('refuses transitions the carrier does not make, and retire/purge without account rights', async () => {
    const sim = await start()
    const retired = sim.state.cards().find((card) => card.simStatus === '4')!.iccid
    const suspended = sim.state.cards().find((card) => card.simStatus === '3')!.iccid
    const edit = (iccid: string, targetValue: string) =>
      postRaw(sim, apiNames.editTerminal, { iccid, asynchronous: '0', changeType: '3', targetValue })
    expect(dataOf((await edit(retired, '2')).body).resultCode).toBe('1063')
    expect(dataOf((await edit(suspended, '4')).body).resultCode).toBe('1099')
    expect(dataOf((await edit(sim.state.unknownIccid, '2')).body).resultCode).toBe('1027')
    const other = await postRaw(sim, apiNames.editTerminal, {
      iccid: suspended,
      changeType: '4',
      targetValue: 'x',
    })
    expect(dataOf(other.body).resultCode).toBe('1011')
  })

  it('retires and purges with account rights', async () => {
    const sim = await start({ retireRights: true })
    const iccid = sim.state.cards().find((card) => card.simStatus === '3')!.iccid
    for (const target of ['4', '5']) {
      const { body } = await postRaw(sim, apiNames.editTerminal, {
        iccid,
        asynchronous: '0',
        changeType: '3',
        targetValue: target,
      })
      expect(dataOf(body).resultCode).toBe('0000')
      expect(sim.state.card(iccid)?.simStatus).toBe(target)
    }
  })
})

describe('usage and drift', () => {
  it('accrues while active and restarts on the 27th (Beijing time)', async () => {
    // 2026-01-26 15:00 UTC is 23:00 Beijing, an hour before the new cycle.
    const sim = await start({ startAt: new Date('2026-01-26T15:00:00Z') })
    const card = sim.state
      .cards()
      .find((candidate) => candidate.simStatus === '2' && candidate.bytesPerHour > 0)!
    const suspended = sim.state.cards().find((candidate) => candidate.simStatus === '3')!
    sim.state.advance(30 * 60_000)
    expect(sim.state.card(card.iccid)?.usedBytes).toBe(card.usedBytes + Math.round(card.bytesPerHour / 2))
    expect(sim.state.card(suspended.iccid)?.usedBytes).toBe(suspended.usedBytes)
    sim.state.advance(60 * 60_000)
    // Half an hour into the new cycle.
    expect(sim.state.card(card.iccid)?.usedBytes).toBe(Math.round(card.bytesPerHour / 2))
    expect(sim.state.card(suspended.iccid)?.usedBytes).toBe(0)
    const { body } = await postRaw(sim, apiNames.terminalDetails, { iccids: [card.iccid] })
    const [terminal] = dataOf(body).terminals as Array<Record<string, string>>
    expect(Number(terminal?.monthToDateDataUsage) * 1024 * 1024).toBe(Math.round(card.bytesPerHour / 2))
  })

  it('reaches the overage limit, stops accruing and reports it', async () => {
    const sim = await start({ cards: 200 })
    const hoursToLimit = (card: {
      overageLimitBytes: number | null
      usedBytes: number
      bytesPerHour: number
    }) =>
      card.overageLimitBytes === null || card.bytesPerHour === 0
        ? Infinity
        : Math.ceil((card.overageLimitBytes - card.usedBytes) / card.bytesPerHour)
    // The cycle started at 2026-01-15 ends on the 27th: about 270 hours.
    const card = sim.state
      .cards()
      .find((candidate) => candidate.simStatus === '2' && hoursToLimit(candidate) < 250)
    if (!card) throw new Error('seed 1 should hold an active card that reaches its limit within the cycle')
    const hours = hoursToLimit(card)
    sim.state.advance((hours - 1) * 3_600_000)
    expect(sim.state.card(card.iccid)?.overageLimitReached).toBe(false)
    sim.state.advance(3_600_000)
    const capped = sim.state.card(card.iccid)!
    expect(capped.overageLimitReached).toBe(true)
    sim.state.advance(3_600_000)
    expect(sim.state.card(card.iccid)?.usedBytes).toBe(capped.usedBytes)
    const { body } = await postRaw(sim, apiNames.terminalDetails, { iccids: [card.iccid] })
    expect(dataOf(body).terminals).toEqual([expect.objectContaining({ overageLimitReached: 'true' })])
  })

  it('force-activates ready cards left unused when drift is on', async () => {
    const sim = await start({ forcedActivationDays: 360 })
    const ready = sim.state.cards().filter((card) => card.simStatus === '1')
    sim.state.advance(400 * DAY_MS)
    for (const card of ready) expect(sim.state.card(card.iccid)?.simStatus).toBe('2')
  })
})
