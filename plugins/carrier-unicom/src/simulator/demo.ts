import type { DemoCard, StartDemo } from '@simops/carrier-testkit'
import { startUnicomSimulator } from './index.js'

/**
 * The China Unicom gateway simulator for `simops demo`: one CMP account of 200 cards (every simStatus, most
 * activated) on the wall clock, so cycle-to-date usage accrues while someone watches, with asynchronous edits
 * applied 5 s after they are accepted instead of 30 s, so 激活/停机 visibly go pending and then applied.
 * Unicom documents no lock window, so there is none to shorten; forced activation and the rate limit stay off.
 */
export const startDemo: StartDemo = async ({ port = 0, seed = 1 } = {}) => {
  const simulator = await startUnicomSimulator({
    port,
    seed,
    clock: 'real',
    cards: 200,
    applyDelayMs: 5_000,
  })
  const cards = simulator.state.cards().map(({ iccid, msisdn, imsi }): DemoCard => ({ iccid, msisdn, imsi }))
  return {
    accounts: [{ name: '联通 CMP 模拟器', config: { ...simulator.handle().config }, cards }],
    close: () => simulator.close(),
  }
}
