import { describe, expect, it } from 'vitest'
import { hasValidLuhn } from '../src/index.js'
import { startReferenceSimulator } from '../src/reference/index.js'

describe('reference simulator', () => {
  it('holds the same inventory for the same seed, and a different one for another seed', async () => {
    const [first, second, other] = await Promise.all([
      startReferenceSimulator({ seed: 42 }),
      startReferenceSimulator({ seed: 42 }),
      startReferenceSimulator({ seed: 43 }),
    ])
    try {
      expect(first.state.cards()).toEqual(second.state.cards())
      expect(first.state.unknownIccid).toBe(second.state.unknownIccid)
      expect(other.state.cards()).not.toEqual(first.state.cards())
    } finally {
      await Promise.all([first.close(), second.close(), other.close()])
    }
  })

  it('issues unique 19–20 digit ICCIDs under 8999 with valid Luhn digits, in every state', async () => {
    const simulator = await startReferenceSimulator({ cards: 40 })
    try {
      const cards = simulator.state.cards()
      expect(new Set(cards.map((card) => card.iccid)).size).toBe(40)
      for (const { iccid } of cards) {
        expect(iccid).toMatch(/^8999\d{15,16}$/)
        expect(hasValidLuhn(iccid)).toBe(true)
      }
      expect(new Set(cards.map((card) => card.status))).toEqual(
        new Set(['INVENTORY', 'TEST', 'READY', 'ACTIVE', 'SUSPENDED', 'PENDING_TERMINATION', 'TERMINATED']),
      )
      expect(cards.some((card) => card.stoppedBy === 'CARRIER')).toBe(true)
      expect(hasValidLuhn(simulator.state.unknownIccid)).toBe(true)
      expect(simulator.state.card(simulator.state.unknownIccid)).toBeUndefined()
    } finally {
      await simulator.close()
    }
  })

  it('accrues usage for active cards with the simulated clock only', async () => {
    const simulator = await startReferenceSimulator({ cards: 20 })
    try {
      const active = simulator.state.cards().find((card) => card.status === 'ACTIVE' && card.bytesPerHour > 0)
      const stopped = simulator.state.cards().find((card) => card.status === 'SUSPENDED')
      if (!active || !stopped) throw new Error('the seeded inventory lacks an active or suspended card')
      simulator.state.advance(3_600_000)
      expect(simulator.state.card(active.iccid)?.usedBytes).toBe(active.usedBytes + active.bytesPerHour)
      expect(simulator.state.card(stopped.iccid)?.usedBytes).toBe(stopped.usedBytes)
    } finally {
      await simulator.close()
    }
  })

  it('refuses a wrong key, rate-limits above requestsPerSecond, and serves the payment page', async () => {
    const simulator = await startReferenceSimulator({ cards: 20, requestsPerSecond: 2 })
    try {
      const wrongKey = await fetch(`${simulator.url}/v1/health`, {
        headers: { authorization: 'Bearer nope' },
      })
      expect(wrongKey.status).toBe(401)
      const auth = { authorization: `Bearer ${simulator.apiKey}` }
      const statuses = []
      for (let index = 0; index < 3; index++)
        statuses.push((await fetch(`${simulator.url}/v1/health`, { headers: auth })).status)
      expect(statuses).toEqual([200, 200, 429])

      const order = simulator.state.orders.create(
        { accountId: 'acct-1', amountFen: 500, paymentMethod: 'ALIPAY_WEB' },
        simulator.state.now(),
        simulator.url,
      )
      if (order.kind !== 'created') throw new Error(order.message)
      const page = await fetch(order.order.paymentUrl)
      expect(page.headers.get('content-type')).toContain('text/html')
      expect(await page.text()).toContain('¥5.00')
      await fetch(order.order.paymentUrl, { method: 'POST' })
      expect(simulator.state.orders.status(order.order.orderNo, simulator.state.now())?.status).toBe('PAID')
    } finally {
      await simulator.close()
    }
  })

  it('closes even while a timeout fault holds a request open', async () => {
    const simulator = await startReferenceSimulator({ cards: 20 })
    const handle = simulator.handle()
    handle.injectFault('timeout')
    const held = fetch(`${simulator.url}/v1/health`, {
      headers: { authorization: `Bearer ${simulator.apiKey}` },
    })
    await new Promise((resolve) => setTimeout(resolve, 50))
    await handle.close()
    await expect(held).rejects.toThrow()
    await expect(fetch(`${simulator.url}/v1/health`)).rejects.toThrow()
  })
})
