import type { DemoCard, StartDemo } from '@simops/carrier-testkit'
import { startOneLinkSimulator } from './index.js'

/**
 * The OneLink simulator for `simops demo`: one EC account of 300 cards (CT and PB, every status, customer and
 * carrier stops) on the wall clock, so usage accrues while someone watches. Changes apply 5 s after they are
 * accepted and lock the card for 10 s, instead of 30 s and 3 minutes, so 激活/停机 visibly go pending and
 * then applied without making anyone wait.
 */
export const startDemo: StartDemo = async ({ port = 0, seed = 1 } = {}) => {
  const simulator = await startOneLinkSimulator({
    port,
    seed,
    clock: 'real',
    cards: 300,
    applyDelayMs: 5_000,
    lockSeconds: 10,
  })
  const cards = simulator.state
    .allCards()
    .map(({ iccid, msisdn, imsi }): DemoCard => ({ iccid, msisdn, imsi }))
  return {
    accounts: [{ name: 'OneLink 模拟器', config: { ...simulator.handle().config }, cards }],
    close: () => simulator.close(),
  }
}
