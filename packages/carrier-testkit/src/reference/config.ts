import { defineConfig, type ConfigValues } from '@simops/carrier-sdk'

/** What an operator enters to connect the reference carrier. */
export const referenceConfigSchema = defineConfig({
  baseUrl: {
    type: 'url',
    label: { 'zh-CN': '接口地址', en: 'API address' },
    help: {
      'zh-CN': '参考运营商模拟器的地址，例如 http://127.0.0.1:8080',
      en: 'Address of the reference carrier simulator, e.g. http://127.0.0.1:8080',
    },
    placeholder: 'http://127.0.0.1:8080',
  },
  apiKey: {
    type: 'string',
    secret: true,
    maxLength: 128,
    label: { 'zh-CN': 'API 密钥', en: 'API key' },
    help: {
      'zh-CN': '模拟器启动时给出的密钥，以 Bearer 方式随每个请求发送',
      en: 'The key the simulator prints when it starts; sent as a Bearer token with every request',
    },
  },
  accountId: {
    type: 'string',
    required: false,
    label: { 'zh-CN': '账户编号', en: 'Account ID' },
    help: {
      'zh-CN': '可选；填写后每个请求都会核对该账户是否属于此密钥',
      en: 'Optional; when set, every request checks that the account belongs to this key',
    },
  },
})

export type ReferenceConfig = ConfigValues<typeof referenceConfigSchema>
