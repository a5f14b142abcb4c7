import { defineConfig, type ConfigValues } from '@simops/carrier-sdk'

/**
 * What an operator enters to connect a China Telecom account. `userId`, `password` and `secretKey` are
 * the fields JetLinks asks for (with its labels and help), which belong to the legacy m2m_ec API; the
 * 5G CMP gateway uses `appKey` with the same `secretKey` field as its app secret. Fields of the other
 * generation are optional here; `create` checks the combination the chosen generation needs.
 */
export const configSchema = defineConfig({
  apiGeneration: {
    type: 'enum',
    label: { 'zh-CN': '接口版本', en: 'API generation' },
    help: {
      'zh-CN': '自管理平台（m2m_ec，user_id + 密码 + 9 位密钥）或 5G 连接管理平台网关（AppKey + 密钥）',
      en: 'The legacy self-service platform (m2m_ec: user id, password, 9-character key) or the 5G CMP gateway (AppKey + secret)',
    },
    options: [
      { value: 'legacy', label: { 'zh-CN': '自管理平台 m2m_ec（10649）', en: 'Legacy m2m_ec (10649 CMP)' } },
      { value: 'cmp5g', label: { 'zh-CN': '5G 连接管理平台（CTWing）', en: '5G CMP gateway (CTWing)' } },
    ],
    default: 'legacy',
  },
  baseUrl: {
    type: 'url',
    required: false,
    label: { 'zh-CN': '接口地址', en: 'API address' },
    help: {
      'zh-CN':
        '留空则用默认地址：自管理平台 http://api.ct10649.com:9001/m2m_ec/，5G 平台 https://cmp-api.ctwing.cn:20164',
      en: 'Leave empty for the default: legacy http://api.ct10649.com:9001/m2m_ec/, 5G https://cmp-api.ctwing.cn:20164',
    },
  },
  userId: {
    type: 'string',
    required: false,
    maxLength: 64,
    label: { 'zh-CN': '用户id', en: 'User ID' },
    help: {
      'zh-CN':
        '5G连接管理平台用户的唯一标识，用于身份识别。获取路径：“5G连接管理平台”--“能力开放”--“API网关账号管理”',
      en: "The user's unique id on the 5G CMP, used for identification. Found under 能力开放 (Open capabilities) → API网关账号管理 (API gateway accounts). Legacy API only.",
    },
  },
  password: {
    type: 'string',
    secret: true,
    required: false,
    maxLength: 64,
    label: { 'zh-CN': '密码', en: 'Password' },
    help: {
      'zh-CN': '用户id经加密之后的密码。',
      en: "The user id's password. Enter it in plain form; a value already encrypted with the secret key is recognised and decrypted. Legacy API only.",
    },
  },
  secretKey: {
    type: 'string',
    secret: true,
    maxLength: 64,
    label: { 'zh-CN': 'secretKey', en: 'Secret key' },
    help: {
      'zh-CN': 'APP secret唯一秘钥。',
      en: "The app's unique secret: the 9-character key of the legacy API, or the AppKey's secret on the 5G gateway.",
    },
  },
  paramStyle: {
    type: 'enum',
    label: { 'zh-CN': '参数拼写', en: 'Parameter spelling' },
    help: {
      'zh-CN': '自管理平台的用户参数名：多数账号为 user_id + passWord，少数为 userId + password',
      en: 'Legacy API only: most accounts take user_id + passWord, a few take userId + password',
    },
    options: [
      {
        value: 'user_id',
        label: { 'zh-CN': 'user_id + passWord（常见）', en: 'user_id + passWord (usual)' },
      },
      { value: 'userId', label: { 'zh-CN': 'userId + password', en: 'userId + password' } },
    ],
    default: 'user_id',
  },
  appKey: {
    type: 'string',
    required: false,
    maxLength: 64,
    label: { 'zh-CN': 'AppKey', en: 'AppKey' },
    help: {
      'zh-CN': '5G 连接管理平台“能力开放”中应用的 AppKey，仅 5G 平台需要',
      en: "The application's AppKey from the 5G CMP's 能力开放 page; 5G gateway only",
    },
  },
  clockSkewSeconds: {
    type: 'integer',
    minimum: -3600,
    maximum: 3600,
    label: { 'zh-CN': '时钟校正（秒）', en: 'Clock correction (seconds)' },
    help: {
      'zh-CN': '仅 5G 平台：加到请求时间戳上的秒数，本机时钟不准时使用（网关只接受约 ±5 分钟的偏差）',
      en: "5G gateway only: seconds added to the request Timestamp when this server's clock is off (the gateway accepts about ±5 minutes)",
    },
    default: 0,
  },
})

export type CtwingConfig = ConfigValues<typeof configSchema>
export type ApiGeneration = CtwingConfig['apiGeneration']
