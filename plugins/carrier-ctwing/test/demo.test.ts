import { validateConfig, type CardInfo, type CarrierConnection } from '@simops/carrier-sdk'
import { hasValidLuhn, type DemoAccount, type DemoSimulator } from '@simops/carrier-testkit'
import { createServer } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import carrier from '../src/index.js'
import { startDemo } from '../src/simulator/index.js'

const call = () => ({ signal: AbortSignal.timeout(5_000) })

/** A port nothing listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise((resolve) => server.close(resolve))
  if (address === null || typeof address === 'string') throw new Error('no port')
  return address.port
}

/** Reads cards through the plugin as the platform would: at most `limits.batchSize.getCards` per call. */
async function readCards(connection: CarrierConnection, iccids: readonly string[]): Promise<CardInfo[]> {
  const batch = carrier.limits.batchSize.getCards
  const read: CardInfo[] = []
  for (let start = 0; start < iccids.length; start += batch) {
    const { cards } = await connection.getCards({ iccids: iccids.slice(start, start + batch) }, call())
    for (const lookup of cards) {
      if (!lookup.found) expect.fail(`the plugin did not find demo card ${lookup.iccid}`)
      read.push(lookup.card)
    }
  }
  return read
}

describe('startDemo (China Telecom)', () => {
  let demo: DemoSimulator
  let account: DemoAccount
  let connection: CarrierConnection

  beforeAll(async () => {
    demo = await startDemo()
    const [first] = demo.accounts
    if (!first) throw new Error('the demo simulator offers no account')
    account = first
    const config = validateConfig(carrier.configSchema, account.config)
    if (!config.ok) throw new Error(`the demo config is invalid: ${JSON.stringify(config.issues)}`)
    connection = await carrier.create(config.value, {
      fetch,
      logger: { debug() {}, info() {}, warn() {} },
      now: () => new Date(),
    })
  })
  afterAll(() => demo?.close())

  it('offers one account (legacy m2m_ec) holding a few hundred China Telecom cards, each once', () => {
    // Both API generations reach the same inventory, so only one of them is offered.
    expect(demo.accounts.map((entry) => entry.name)).toEqual(['CTWing 模拟器'])
    expect(account.config).toMatchObject({ apiGeneration: 'legacy' })
    expect(account.cards.length).toBeGreaterThanOrEqual(100)
    expect(new Set(account.cards.map((card) => card.iccid)).size).toBe(account.cards.length)
    for (const card of account.cards) {
      expect(card.iccid).toMatch(/^8986(03|11)\d{14}$/)
      expect(hasValidLuhn(card.iccid)).toBe(true)
      expect(card.msisdn).toMatch(/^(10649\d{8}|149\d{8})$/)
      // The carrier reports no IMSI, and the simulator keeps none.
      expect(card.imsi).toBeNull()
    }
  })

  it('starts the same cards for the same seed, on the port asked for', async () => {
    const port = await freePort()
    const again = await startDemo({ seed: 1, port })
    const other = await startDemo({ seed: 2 })
    try {
      expect(again.accounts[0]?.config.baseUrl).toBe(`http://127.0.0.1:${port}/m2m_ec/`)
      expect(again.accounts[0]?.cards).toEqual(account.cards)
      expect(other.accounts[0]?.cards[0]?.iccid).not.toBe(account.cards[0]?.iccid)
    } finally {
      await Promise.all([again.close(), other.close()])
    }
  })

  it('lets the plugin read its cards back with the same MSISDN, in a mix of states', async () => {
    const sample = account.cards.slice(0, 24)
    const read = await readCards(
      connection,
      sample.map((card) => card.iccid),
    )
    expect(read.map((card) => [card.iccid, card.msisdn])).toEqual(
      sample.map((card) => [card.iccid, card.msisdn]),
    )
    expect(new Set(read.map((card) => card.lifecycle)).size).toBeGreaterThanOrEqual(4)
  })

  it('accepts a suspend as pending and applies it a few seconds later on the wall clock', async () => {
    const [active] = (
      await readCards(
        connection,
        account.cards.slice(0, 24).map((card) => card.iccid),
      )
    ).filter((card) => card.lifecycle === 'active')
    if (!active || !connection.changeState) return expect.fail('no active card or no changeState')
    const acceptedAt = Date.now()
    const change = await connection.changeState(
      { iccid: active.iccid, action: 'suspend', from: 'active' },
      call(),
    )
    expect(change.outcome).toBe('pending')
    expect((await readCards(connection, [active.iccid]))[0]?.lifecycle).toBe('active')
    let lifecycle: string | undefined = 'active'
    while (lifecycle === 'active' && Date.now() - acceptedAt < 10_000) {
      await new Promise((resolve) => setTimeout(resolve, 250))
      lifecycle = (await readCards(connection, [active.iccid]))[0]?.lifecycle
    }
    expect(lifecycle).toBe('suspended')
    expect(Date.now() - acceptedAt).toBeGreaterThanOrEqual(4_000)
  }, 15_000)
})
