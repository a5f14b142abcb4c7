import { CARRIER_API_VERSION, defineCarrier } from '@simops/carrier-sdk'
import { unicomConfigSchema } from './config.js'
import { createUnicomConnection } from './connection.js'
import { MAX_DETAILS_ICCIDS } from './protocol.js'
import { unicomTransitions } from './transitions.js'

/**
 * China Unicom through the 雁飞智连 CMP IoT API gateway (gwapi.10646.cn): SM3-signed JSON requests,
 * card details in batches of 50, single-card asynchronous status edits and cycle-to-date usage.
 */
export const unicomCarrier = defineCarrier({
  apiVersion: CARRIER_API_VERSION,
  id: 'unicom',
  displayName: { 'zh-CN': '联通Unicom', en: 'China Unicom IoT (CMP)' },
  carrierName: { 'zh-CN': '中国联通', en: 'China Unicom' },
  iccidPrefixes: ['898601', '898606', '898609'],
  configSchema: unicomConfigSchema,
  capabilities: {
    changeState: { transitions: unicomTransitions },
    usage: true,
  },
  // No public rate figure exists, so calls are paced conservatively; Unicom documents no lock window.
  limits: {
    batchSize: { getCards: MAX_DETAILS_ICCIDS, changeState: 1 },
    requestsPerSecond: 5,
    lockSeconds: 0,
  },
  create: (config, context) => createUnicomConnection(config, context),
})

export default unicomCarrier
export { unicomConfigSchema, PRODUCTION_GATEWAY, TEST_GATEWAY, type UnicomConfig } from './config.js'
