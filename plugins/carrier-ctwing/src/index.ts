import { CARRIER_API_VERSION, defineCarrier } from '@simops/carrier-sdk'
import { createCmp5gGateway } from './cmp5g/client.js'
import { configSchema } from './config.js'
import { createCtwingConnection } from './connection.js'
import { createLegacyGateway } from './legacy/client.js'
import { resolveSettings } from './settings.js'

/**
 * China Telecom (CTWing / 10649 CMP): the legacy m2m_ec API and the 5G CMP gateway, chosen per
 * platform config. Both read status and usage one card per request, and apply changes later.
 */
export const ctwingCarrier = defineCarrier({
  apiVersion: CARRIER_API_VERSION,
  id: 'ctwing',
  displayName: { 'zh-CN': '电信Ctwing', en: 'China Telecom CTWing' },
  carrierName: { 'zh-CN': '中国电信', en: 'China Telecom' },
  iccidPrefixes: ['898603', '898611', '898605'],
  configSchema,
  capabilities: {
    // The contract's suspend ends "suspended" and resume "active", so the test-period order types
    // (21: 测试激活 → 测试去激活, 22: back) are not offered as these actions.
    changeState: { transitions: { activate: ['ready'], suspend: ['active'], resume: ['suspended'] } },
    usage: true,
  },
  // Status is per access number in both generations, so one card per call keeps the platform's pacing
  // true to the requests made. No rate is published; the per-card monthly cap is real, hence the care.
  limits: { batchSize: { getCards: 1, changeState: 1 }, requestsPerSecond: 5, lockSeconds: 0 },
  create(config, context) {
    const settings = resolveSettings(config, context.logger)
    const gateway =
      settings.generation === 'legacy'
        ? createLegacyGateway(settings, context)
        : createCmp5gGateway(settings, context)
    return createCtwingConnection(gateway, context)
  },
})

export default ctwingCarrier
export { configSchema, type ApiGeneration, type CtwingConfig } from './config.js'
export { strDec, strEnc } from './legacy/str-enc.js'
