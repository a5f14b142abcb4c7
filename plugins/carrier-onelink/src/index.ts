import { CARRIER_API_VERSION, defineCarrier } from '@simops/carrier-sdk'
import { oneLinkConfigSchema } from './config.js'
import { createOneLinkConnection } from './connection.js'

/** China Mobile OneLink (中国移动物联卡能力开放平台), EC API v5. */
export const oneLinkCarrier = defineCarrier({
  apiVersion: CARRIER_API_VERSION,
  id: 'onelink',
  displayName: { 'zh-CN': '移动OneLink', en: 'China Mobile OneLink' },
  carrierName: { 'zh-CN': '中国移动', en: 'China Mobile' },
  // 898600/02/04/07: all public prefix tables agree; 898608: IoT ranges; 898613: one table only.
  iccidPrefixes: ['898600', '898602', '898604', '898607', '898608', '898613'],
  configSchema: oneLinkConfigSchema,
  capabilities: {
    changeState: {
      transitions: { activate: ['ready', 'inventory', 'test'], suspend: ['active'], resume: ['suspended'] },
    },
    usage: true,
    stopReason: true,
    recharge: {
      paymentMethods: ['ALIPAY_WAP', 'ALIPAY_WEB', 'WEIXIN_JSAPI', 'WEIXIN_NATIVE'],
      // chargeMoney 1.00–500.00 元
      minAmountFen: 100,
      maxAmountFen: 50_000,
    },
    rechargeStatus: true,
  },
  // No throughput figure is public; 10/s per appid is a conservative start. Changes go one card at a
  // time: one locked card would fail a whole batch. The lock window is 3 minutes in newer docs.
  limits: { batchSize: { getCards: 100, changeState: 1 }, requestsPerSecond: 10, lockSeconds: 180 },
  create: (config, context) => createOneLinkConnection(config, context),
})

export default oneLinkCarrier
export { oneLinkConfigSchema, normalizeBaseUrl, DEFAULT_BASE_URL, type OneLinkConfig } from './config.js'
