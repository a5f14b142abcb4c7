import { createServer } from 'node:net'
import {
  validateConfig,
  type CardInfo,
  type CarrierConnection,
  type CarrierDefinition,
  type ConfigFields,
  type ConfigValues,
} from '@simops/carrier-sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DemoAccount, DemoSimulator, StartDemo } from './demo.js'
import { hasValidLuhn } from './luhn.js'

export interface DemoCheckOptions<S extends ConfigFields> {
  definition: CarrierDefinition<S>
  startDemo: StartDemo
  /** The account names the demo offers, in order. */
  accountNames: readonly string[]
  /** What every card's identifiers look like. `imsi: null` when the simulator keeps none. */
  cards: { iccid: RegExp; msisdn: RegExp; imsi: RegExp | null; luhn: boolean }
  /** The first account's `baseUrl` when the demo is started on `port`. */
  baseUrlFor(port: number): string
}

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

/**
 * Registers with Vitest the checks a plugin's `startDemo` must pass for `simops demo`: a few hundred
 * well-formed cards, each once; the same cards for the same seed, on the port asked for; the plugin
 * reads them back in a mix of states; and (when it changes states) a suspend goes pending and lands
 * a few seconds later on the wall clock.
 */
export function describeDemoSimulator<S extends ConfigFields>(options: DemoCheckOptions<S>): void {
  const { definition } = options
  describe(`demo simulator: ${definition.id}`, () => {
    let demo: DemoSimulator | undefined
    let account: DemoAccount
    let connection: CarrierConnection

    /** Reads cards as the platform would: at most `limits.batchSize.getCards` per call. */
    async function readCards(iccids: readonly string[]): Promise<CardInfo[]> {
      const batch = definition.limits.batchSize.getCards
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

    beforeAll(async () => {
      demo = await options.startDemo()
      const [first] = demo.accounts
      if (!first) throw new Error('the demo simulator offers no account')
      account = first
      const config = validateConfig(definition.configSchema, account.config)
      if (!config.ok) throw new Error(`the demo config is invalid: ${JSON.stringify(config.issues)}`)
      connection = await definition.create(config.value as ConfigValues<S>, {
        fetch,
        logger: { debug() {}, info() {}, warn() {} },
        now: () => new Date(),
      })
    })
    afterAll(async () => {
      await connection?.close?.()
      await demo?.close()
    })

    it('offers its accounts, holding a few hundred well-formed cards, each once', () => {
      expect(demo?.accounts.map((entry) => entry.name)).toEqual(options.accountNames)
      const all = demo?.accounts.flatMap((entry) => entry.cards) ?? []
      expect(account.cards.length).toBeGreaterThanOrEqual(100)
      expect(new Set(all.map((card) => card.iccid)).size).toBe(all.length)
      for (const card of all) {
        expect(card.iccid).toMatch(options.cards.iccid)
        if (options.cards.luhn) expect(hasValidLuhn(card.iccid), card.iccid).toBe(true)
        expect(card.msisdn).toMatch(options.cards.msisdn)
        if (options.cards.imsi) expect(card.imsi).toMatch(options.cards.imsi)
        else expect(card.imsi).toBeNull()
      }
    })

    it('starts the same cards for the same seed, on the port asked for', async () => {
      const port = await freePort()
      const again = await options.startDemo({ seed: 1, port })
      const other = await options.startDemo({ seed: 2 })
      try {
        expect(again.accounts[0]?.config.baseUrl).toBe(options.baseUrlFor(port))
        expect(again.accounts[0]?.cards).toEqual(account.cards)
        expect(other.accounts[0]?.cards[0]?.iccid).not.toBe(account.cards[0]?.iccid)
      } finally {
        await Promise.all([again.close(), other.close()])
      }
    })

    it('lets the plugin read its cards back with the same MSISDN, in a mix of states', async () => {
      const sample = account.cards.slice(0, 24)
      const read = await readCards(sample.map((card) => card.iccid))
      expect(read.map((card) => [card.iccid, card.msisdn])).toEqual(
        sample.map((card) => [card.iccid, card.msisdn]),
      )
      expect(new Set(read.map((card) => card.lifecycle)).size).toBeGreaterThanOrEqual(4)
    })

    const changes = definition.capabilities.changeState?.transitions.suspend?.includes('active')
    it.skipIf(!changes)(
      'accepts a suspend as pending and applies it a few seconds later on the wall clock',
      async () => {
        const [active] = (await readCards(account.cards.slice(0, 24).map((card) => card.iccid))).filter(
          (card) => card.lifecycle === 'active',
        )
        if (!active || !connection.changeState) return expect.fail('no active card among the first 24')
        const acceptedAt = Date.now()
        const change = await connection.changeState(
          { iccid: active.iccid, action: 'suspend', from: 'active' },
          call(),
        )
        expect(change.outcome).toBe('pending')
        expect((await readCards([active.iccid]))[0]?.lifecycle).toBe('active')
        let lifecycle: string | undefined = 'active'
        while (lifecycle === 'active' && Date.now() - acceptedAt < 10_000) {
          await new Promise((resolve) => setTimeout(resolve, 250))
          lifecycle = (await readCards([active.iccid]))[0]?.lifecycle
        }
        expect(lifecycle).toBe('suspended')
        expect(Date.now() - acceptedAt).toBeGreaterThanOrEqual(4_000)
      },
      15_000,
    )
  })
}
