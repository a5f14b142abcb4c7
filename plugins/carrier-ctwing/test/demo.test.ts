import { describeDemoSimulator } from '@simops/carrier-testkit'
import { describe, expect, it } from 'vitest'
import carrier from '../src/index.js'
import { startDemo } from '../src/simulator/index.js'

// One account (legacy m2m_ec): both API generations reach the same inventory. The carrier reports
// no IMSI and the simulator keeps none.
describeDemoSimulator({
  definition: carrier,
  startDemo,
  accountNames: ['CTWing 模拟器'],
  cards: { iccid: /^8986(03|11)\d{14}$/, msisdn: /^(10649\d{8}|149\d{8})$/, imsi: null, luhn: true },
  baseUrlFor: (port) => `http://127.0.0.1:${port}/m2m_ec/`,
})

describe('CTWing demo account', () => {
  it('uses the legacy API generation', async () => {
    const demo = await startDemo()
    try {
      expect(demo.accounts[0]?.config).toMatchObject({ apiGeneration: 'legacy' })
    } finally {
      await demo.close()
    }
  })
})
