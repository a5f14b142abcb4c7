import { defineConfig, type ConfigValues } from '@simops/carrier-sdk'

export const DEFAULT_BASE_URL = 'https://api.iot.10086.cn/v5/ec'

/** What an administrator enters to connect one OneLink EC (集团客户) account. */
export const oneLinkConfigSchema = defineConfig({
  appId: {
    type: 'string',
    maxLength: 64,
    label: { 'zh-CN': 'App ID', en: 'App ID' },
    help: {
      'zh-CN':
        '第三方应用唯一标识，中国移动物联网全网管理员在 OneLink 能力开放平台上分配并展示给集团客户。获取路径：“中移物联卡能力开放平台”--“个人中心”--“客户信息”--“接入信息”',
      en: 'Unique id of the third-party application. China Mobile IoT administrators allocate it on OneLink and show it to the enterprise (集团) customer under 个人中心 → 客户信息 → 接入信息.',
    },
  },
  password: {
    type: 'string',
    secret: true,
    maxLength: 64,
    label: { 'zh-CN': '密码', en: 'Password' },
    help: {
      'zh-CN': 'API 接入秘钥,由中国移动物联网提供，集团客户从“OneLink 能力开放平台”获取。',
      en: 'API access secret issued by China Mobile IoT and fetched by the customer from the OneLink platform.',
    },
  },
  baseUrl: {
    type: 'url',
    default: DEFAULT_BASE_URL,
    label: { 'zh-CN': '接口地址', en: 'API address' },
    help: {
      'zh-CN':
        'OneLink v5 EC 接口的根地址，默认 https://api.iot.10086.cn/v5/ec。若填写 JetLinks 式的获取 token 地址（如 https://api.iot.10086.cn/v5/ec/get/token?appid=…），会自动截去 /get/token 及问号后的参数。',
      en: 'Root of the OneLink v5 EC API, by default https://api.iot.10086.cn/v5/ec. A JetLinks-style token URL (e.g. https://api.iot.10086.cn/v5/ec/get/token?appid=…) is cut to the base: /get/token and the query string are dropped.',
    },
  },
  httpMethod: {
    type: 'enum',
    default: 'POST',
    options: [
      { value: 'POST', label: { 'zh-CN': 'POST（JSON 请求体）', en: 'POST (JSON body)' } },
      { value: 'GET', label: { 'zh-CN': 'GET（查询字符串）', en: 'GET (query string)' } },
    ],
    label: { 'zh-CN': '请求方式', en: 'Request method' },
    help: {
      'zh-CN': 'OneLink 的业务接口同时接受两种方式；获取 token 始终使用 GET。',
      en: 'OneLink business calls accept both; the token call always uses GET.',
    },
  },
  lockWindowMinutes: {
    type: 'integer',
    required: false,
    minimum: 1,
    maximum: 60,
    label: { 'zh-CN': '变更锁定时长（分钟）', en: 'Change lock window (minutes)' },
    help: {
      'zh-CN':
        '可选。同一张卡在此时间内不再发起状态变更，直接返回“锁定”。新版文档为 3 分钟，部分老账户为 30 分钟；不填写时以运营商的拒绝为准。',
      en: 'Optional. A card is not sent another state change within this window; the plugin answers "locked" itself. Newer docs say 3 minutes, some older accounts 30; left empty, the carrier’s own refusal decides.',
    },
  },
  instanceId: {
    type: 'string',
    required: false,
    pattern: '\\d{2}',
    label: { 'zh-CN': '实例编号', en: 'Instance id' },
    help: {
      'zh-CN': '可选，两位数字。多个 SimOps 实例共用一个 App ID 时各填不同的值，使 transid 序号不重复。',
      en: 'Optional, two digits. When several SimOps instances share one App ID, give each its own so transid sequences never collide.',
    },
  },
})

export type OneLinkConfig = ConfigValues<typeof oneLinkConfigSchema>

/**
 * The API root from what an operator pasted. JetLinks stores the full token URL (`…/v5/ec/get/token`,
 * sometimes with credentials in the query string); OneLink paths are relative to the part before it.
 */
export function normalizeBaseUrl(input: string): string {
  const url = new URL(input.trim())
  url.search = ''
  url.hash = ''
  url.pathname = url.pathname.replace(/\/+$/, '').replace(/\/get\/token$/, '')
  return url.toString().replace(/\/+$/, '')
}
