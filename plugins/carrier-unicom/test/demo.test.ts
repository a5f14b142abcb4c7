import { describeDemoSimulator } from '@simops/carrier-testkit'
import carrier from '../src/index.js'
import { startDemo } from '../src/simulator/index.js'

describeDemoSimulator({
  definition: carrier,
  startDemo,
  accountNames: ['联通 CMP 模拟器'],
  cards: { iccid: /^8986(01|06|09)\d{14}$/, msisdn: /^146\d{10}$/, imsi: /^46001\d{10}$/, luhn: true },
  baseUrlFor: (port) => `http://127.0.0.1:${port}/api/`,
})
