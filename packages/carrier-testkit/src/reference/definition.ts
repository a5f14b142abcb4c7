import { defineCarrier } from '@simops/carrier-sdk'
import { referenceConfigSchema } from './config.js'
import { createReferenceConnection } from './connection.js'

/**
 * The SimOps reference carrier: a complete, small carrier plugin for the platform's own tests and
 * the example plugin authors copy. It is not a real carrier. It speaks its own documented
 * JSON-over-HTTP dialect (see protocol.ts), served by `startReferenceSimulator`.
 */
export const referenceCarrier = defineCarrier({
  apiVersion: 1,
  id: 'reference',
  displayName: { 'zh-CN': '参考运营商（测试）', en: 'Reference carrier (testing)' },
  carrierName: { 'zh-CN': '参考运营商', en: 'Reference carrier' },
  iccidPrefixes: ['8999'],
  configSchema: referenceConfigSchema,
  capabilities: {
    changeState: {
      transitions: { activate: ['ready', 'inventory', 'test'], suspend: ['active'], resume: ['suspended'] },
    },
    usage: true,
    stopReason: true,
    recharge: {
      paymentMethods: ['ALIPAY_WAP', 'ALIPAY_WEB', 'WEIXIN_JSAPI', 'WEIXIN_NATIVE'],
      minAmountFen: 100,
      maxAmountFen: 50000,
    },
    rechargeStatus: true,
  },
  limits: { batchSize: { getCards: 50, changeState: 1 }, requestsPerSecond: 50, lockSeconds: 60 },
  create: (config, context) => createReferenceConnection(config, context),
})
