import type { CarrierConnection, CarrierContext } from '@simops/carrier-sdk'
import { afterEach, describe, expect, it } from 'vitest'
import carrier from '../src/index.js'
import {
  startUnicomSimulator,
  type UnicomSimulator,
  type UnicomSimulatorOptions,
} from '../src/simulator/index.js'

const context: CarrierContext = {
  fetch: globalThis.fetch,
  logger: { debug() {}, info() {}, warn() {} },
  now: () => new Date(),
}

let simulator: UnicomSimulator | undefined
afterEach(async () => {
  await simulator?.close()
  simulator = undefined
})

async function connect(
  options: UnicomSimulatorOptions = {},
  config: Record<string, unknown> = {},
): Promise<{ sim: UnicomSimulator; connection: CarrierConnection }> {
  simulator = await startUnicomSimulator({ cards: 60, ...options })
  const connection = await carrier.create({ ...simulator.handle().config, ...config }, context)
  return { sim: simulator, connection }
}

/** A call context whose signal gives up after `ms`. */
const within = (ms = 1000) => ({ signal: AbortSignal.timeout(ms) })
const cardIn = (sim: UnicomSimulator, simStatus: string) =>
  sim.state.cards().find((card) => card.simStatus === simStatus)!.iccid

describe('recovery from injected faults', () => {
  it.each([
    ['unauthorized', 'auth', false],
    ['rateLimited', 'rateLimited', true],
    ['serverError', 'unavailable', true],
    ['timeout', 'timeout', true],
    ['malformedBody', 'protocol', false],
  ] as const)('%s → %s (retryable %s), then the next call works', async (fault, code, retryable) => {
    const { sim, connection } = await connect()
    const iccid = cardIn(sim, '2')
    sim.injectFault(fault)
    await expect(connection.getCards({ iccids: [iccid] }, within(300))).rejects.toMatchObject({
      code,
      retryable,
    })
    const { cards } = await connection.getCards({ iccids: [iccid] }, within())
    expect(cards).toEqual([expect.objectContaining({ iccid, found: true })])
  })

  it('latency delays the answer without failing it, and a short deadline turns it into a timeout', async () => {
    const { sim, connection } = await connect()
    const iccid = cardIn(sim, '2')
    sim.injectFault('latency', 1, 150)
    const started = performance.now()
    await expect(connection.getCards({ iccids: [iccid] }, within())).resolves.toBeDefined()
    expect(performance.now() - started).toBeGreaterThanOrEqual(140)
    sim.injectFault('latency', 1, 5_000)
    await expect(connection.getCards({ iccids: [iccid] }, within(100))).rejects.toMatchObject({
      code: 'timeout',
    })
    await expect(connection.getCards({ iccids: [iccid] }, within())).resolves.toBeDefined()
  })
})

describe('changeState', () => {
  it('is pending with the trans_id as reference, and reads as suspended once applied', async () => {
    const { sim, connection } = await connect({ applyDelayMs: 60_000 })
    const iccid = cardIn(sim, '2')
    const result = await connection.changeState!({ iccid, action: 'suspend', from: 'active' }, within())
    expect(result.outcome).toBe('pending')
    expect(result.carrierRef).toMatch(/^\d{23}$/)
    const read = async () => (await connection.getCards({ iccids: [iccid] }, within())).cards[0]
    expect(await read()).toMatchObject({ found: true, card: { lifecycle: 'active' } })
    sim.state.advance(60_000)
    expect(await read()).toMatchObject({
      found: true,
      card: { lifecycle: 'suspended', carrierStatus: { code: '3' } },
    })
  })

  it('treats 1193 (already in the target status) as applied', async () => {
    const { sim, connection } = await connect()
    const iccid = cardIn(sim, '2')
    // The platform last saw the card suspended; it has since been resumed.
    const result = await connection.changeState!({ iccid, action: 'resume', from: 'suspended' }, within())
    expect(result.outcome).toBe('applied')
  })

  it.each(['resultCode9017', 'resultCode1044'] as const)(
    'after %s re-reads the card and reports the change it finds applied',
    async (fault) => {
      const { sim, connection } = await connect({ applyDelayMs: 60_000 })
      const iccid = cardIn(sim, '3')
      sim.injectFault(fault)
      const result = await connection.changeState!({ iccid, action: 'resume', from: 'suspended' }, within())
      expect(result.outcome).toBe('applied')
      expect(sim.state.card(iccid)?.simStatus).toBe('2')
    },
  )

  it('a refusal by the carrier (stale state) is a permanent rejection carrying the resultCode', async () => {
    const { sim, connection } = await connect()
    const retired = cardIn(sim, '4')
    await expect(
      connection.changeState!({ iccid: retired, action: 'activate', from: 'ready' }, within()),
    ).rejects.toMatchObject({ code: 'rejected', retryable: false, carrierCode: '1063' })
  })

  it('refuses an action from a state it is not offered from without calling the carrier', async () => {
    const { sim, connection } = await connect()
    const iccid = cardIn(sim, '2')
    sim.injectFault('serverError', 5)
    await expect(
      connection.changeState!({ iccid, action: 'activate', from: 'active' }, within()),
    ).rejects.toMatchObject({ code: 'invalidState' })
    await expect(
      connection.changeState!({ iccid, action: 'suspend', from: 'terminated' }, within()),
    ).rejects.toMatchObject({ code: 'invalidState' })
  })
})

describe('usage, health and credentials', () => {
  it('reports cycle-to-date usage in bytes for the 27th–26th cycle of the gateway clock', async () => {
    const { sim, connection } = await connect()
    const iccid = cardIn(sim, '2')
    sim.state.advance(5 * 3_600_000)
    const usage = await connection.getUsage!({ iccid }, within())
    expect(usage.usedBytes).toBe(sim.state.card(iccid)?.usedBytes)
    // The simulator clock reads 2026-01-15 15:00 Beijing time.
    expect(usage.periodStart).toEqual(new Date('2025-12-26T16:00:00Z'))
    expect(usage.periodEnd).toEqual(new Date('2026-01-26T16:00:00Z'))
    expect(usage.asOf).toEqual(new Date('2026-01-15T07:00:00Z'))
    await expect(connection.getUsage!({ iccid: sim.state.unknownIccid }, within())).rejects.toMatchObject({
      code: 'notFound',
    })
  })

  it('health check reads the sample card when given one', async () => {
    const { sim, connection } = await connect()
    const iccid = cardIn(sim, '2')
    expect((await connection.healthCheck({ sampleIccid: iccid }, within())).detail).toContain(
      `card ${iccid} read`,
    )
    expect(
      (await connection.healthCheck({ sampleIccid: sim.state.unknownIccid }, within())).detail,
    ).toContain('not found')
  })

  it.each([
    ['openId', { openId: 'someone-else' }],
    ['appId', { appId: 'nobody' }],
  ])('a wrong %s is an auth failure', async (_field, config) => {
    const { connection } = await connect({}, config)
    await expect(connection.healthCheck({}, within())).rejects.toMatchObject({ code: 'auth' })
  })

  it('a wrong API version is a config problem', async () => {
    const { connection } = await connect({}, { apiVersion: 'V9.9' })
    await expect(connection.healthCheck({}, within())).rejects.toMatchObject({ code: 'config' })
  })
})
