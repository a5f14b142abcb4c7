import { describeDemoSimulator } from '@simops/carrier-testkit'
import carrier from '../src/index.js'
import { startDemo } from '../src/simulator/index.js'

describeDemoSimulator({
  definition: carrier,
  startDemo,
  accountNames: ['OneLink 模拟器'],
  cards: { iccid: /^8986\d{16}$/, msisdn: /^1440\d{9}$/, imsi: /^46004\d{10}$/, luhn: true },
  baseUrlFor: (port) => `http://127.0.0.1:${port}/v5/ec`,
})
