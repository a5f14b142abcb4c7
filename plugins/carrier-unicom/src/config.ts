import { defineConfig, type ConfigValues } from '@simops/carrier-sdk'

export const PRODUCTION_GATEWAY = 'https://gwapi.10646.cn/api/'
export const TEST_GATEWAY = 'https://gwtest.10646.cn/api/'

/**
 * What an administrator enters to connect a 雁飞智连 CMP account. The first three fields are the
 * ones the CMP issues (labels and help as the CMP's own integrations show them); the rest have
 * defaults that fit the production gateway.
 */
export const unicomConfigSchema = defineConfig({
  appId: {
    type: 'string',
    maxLength: 64,
    label: { 'zh-CN': 'App ID', en: 'App ID' },
    help: {
      'zh-CN': '第三方应用唯一标识。获取路径：“雁飞智连CMP平台”--“我的应用”--“应用列表”',
      en: 'Unique id of the third-party application; found on the 雁飞智连 CMP under 我的应用 (My applications) → 应用列表 (Application list).',
    },
  },
  appSecret: {
    type: 'string',
    secret: true,
    maxLength: 64,
    label: { 'zh-CN': 'App Secret', en: 'App Secret' },
    help: { 'zh-CN': 'API 接入秘钥。', en: 'API access secret.' },
  },
  openId: {
    type: 'string',
    maxLength: 64,
    label: { 'zh-CN': '创建者ID', en: 'Creator ID (openId)' },
    help: {
      'zh-CN': '接口参数中的 OpenId。',
      en: 'The OpenId (creator id) sent inside every request.',
    },
  },
  baseUrl: {
    type: 'url',
    default: PRODUCTION_GATEWAY,
    label: { 'zh-CN': '网关地址', en: 'Gateway address' },
    help: {
      'zh-CN': `联通物联网 API 网关地址。生产环境 ${PRODUCTION_GATEWAY}，测试环境 ${TEST_GATEWAY}`,
      en: `The China Unicom IoT API gateway. Production ${PRODUCTION_GATEWAY}, test ${TEST_GATEWAY}`,
    },
  },
  apiVersion: {
    type: 'string',
    default: 'V1.1',
    pattern: 'V\\d+(\\.\\d+)*',
    label: { 'zh-CN': '接口版本', en: 'API version' },
    help: {
      'zh-CN': '拼在接口路径末尾的版本（…/vV1.1），一般无需修改',
      en: 'The version appended to every API path (…/vV1.1); rarely needs changing',
    },
  },
  dataVersion: {
    type: 'string',
    default: '1.0',
    maxLength: 16,
    label: { 'zh-CN': '报文版本', en: 'Message version' },
    help: {
      'zh-CN': '请求 data.version 字段的值，一般为 1.0',
      en: 'The value of data.version in every request, normally 1.0',
    },
  },
  billingCycleStartDay: {
    type: 'integer',
    default: 27,
    minimum: 1,
    maximum: 28,
    label: { 'zh-CN': '账期起始日', en: 'Billing cycle start day' },
    help: {
      'zh-CN': '联通账期为上月27日至本月26日（北京时间），本月用量按此计算',
      en: 'Unicom bills from the 27th to the 26th (Beijing time); cycle-to-date usage follows it',
    },
  },
})

export type UnicomConfig = ConfigValues<typeof unicomConfigSchema>
