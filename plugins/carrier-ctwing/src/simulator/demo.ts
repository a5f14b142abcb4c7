import type { DemoCard, StartDemo } from '@simops/carrier-testkit'
import { startCtwingSimulator } from './index.js'

/**
 * The China Telecom simulator for `simops demo`: 200 cards (every status 1–7, most in use) on the wall clock,
 * so usage accrues while someone watches, with changes applied 5 s after they are accepted instead of 30 s,
 * so 激活/停机 visibly go pending and then applied. China Telecom has no lock window to shorten; the
 * per-card monthly action cap keeps its default of 20 calls per action, plenty for a demo.
 *
 * One account only, the legacy m2m_ec one. The simulator serves both API generations from one carrier and one
 * inventory: a 5G CMP config (`handle('cmp5g').config`) reaches exactly the same cards, so offering it as a
 * second account would import every card twice under two configs. Both generations give the plugin the same
 * capabilities; the legacy one exercises more of it (strEnc password and sign, DES-hex replies).
 */
export const startDemo: StartDemo = async ({ port = 0, seed = 1 } = {}) => {
  const simulator = await startCtwingSimulator({
    port,
    seed,
    realTime: true,
    cards: 200,
    applyDelayMs: 5_000,
  })
  const cards = simulator.state
    .cards()
    .map(({ iccid, accessNumber }): DemoCard => ({ iccid, msisdn: accessNumber, imsi: null }))
  return {
    accounts: [{ name: 'CTWing 模拟器', config: { ...simulator.handle('legacy').config }, cards }],
    close: () => simulator.close(),
  }
}
