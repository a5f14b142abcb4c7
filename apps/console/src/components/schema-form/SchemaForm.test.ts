import { mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { activateLocale, i18n } from '@/locales'
import { schemaFields, type ConfigValues } from './config-schema'
import { fieldRules } from './schema-rules'
import SchemaForm from './SchemaForm.vue'
import { eventually } from '../../../test/unit/eventually'

const schema = {
  type: 'object',
  properties: {
    endpoint: {
      type: 'string',
      format: 'uri',
      'x-label': { 'zh-CN': '接口地址', en: 'API address' },
      'x-help': { 'zh-CN': '在运营商门户查看', en: 'See the carrier portal' },
      examples: ['https://api.example.com'],
    },
    appId: {
      type: 'string',
      maxLength: 8,
      pattern: '^(?:[A-Z]+)$',
      'x-label': { 'zh-CN': '应用编号', en: 'App ID' },
    },
    secret: { type: 'string', 'x-secret': true, 'x-label': { 'zh-CN': '密钥', en: 'Secret' } },
    timeout: {
      type: 'integer',
      minimum: 1,
      maximum: 60,
      default: 10,
      'x-label': { 'zh-CN': '超时秒数', en: 'Timeout (s)' },
    },
    sandbox: { type: 'boolean', default: false, 'x-label': { 'zh-CN': '沙箱环境', en: 'Sandbox' } },
    region: {
      type: 'string',
      enum: ['north', 'south'],
      'x-options': [
        { value: 'north', label: { 'zh-CN': '北方', en: 'North' } },
        { value: 'south', label: { 'zh-CN': '南方', en: 'South' } },
      ],
      'x-label': { 'zh-CN': '大区', en: 'Region' },
    },
  },
  required: ['endpoint', 'appId', 'secret', 'region'],
}

function mountForm(secretsSet: string[] = []) {
  const wrapper = mount(SchemaForm, {
    props: {
      schema,
      secretsSet,
      modelValue: {},
      // The form replaces its model on every change; feed it back as a parent's v-model would.
      'onUpdate:modelValue': (next: ConfigValues) => wrapper.setProps({ modelValue: next }),
    },
    global: { plugins: [i18n] },
    attachTo: document.body,
  })
  return wrapper
}

function item(wrapper: ReturnType<typeof mountForm>, name: string) {
  return wrapper.get(`[data-field="${name}"]`)
}

describe('SchemaForm', () => {
  beforeEach(async () => {
    await activateLocale('zh-CN')
  })
  afterEach(async () => {
    await activateLocale('zh-CN')
  })

  it('renders each field type with its localized label, secrets as password fields', () => {
    const wrapper = mountForm()
    const labels = wrapper.findAll('.el-form-item__label').map((label) => label.text())
    expect(labels).toEqual(['接口地址', '应用编号', '密钥', '超时秒数', '沙箱环境', '大区'])
    expect(item(wrapper, 'endpoint').get('input').attributes('type')).toBe('url')
    expect(item(wrapper, 'endpoint').get('input').attributes('placeholder')).toBe('https://api.example.com')
    expect(item(wrapper, 'appId').get('input').attributes('type')).toBe('text')
    expect(item(wrapper, 'secret').get('input').attributes('type')).toBe('password')
    expect(item(wrapper, 'timeout').find('.el-input-number').exists()).toBe(true)
    expect(item(wrapper, 'sandbox').find('.el-switch').exists()).toBe(true)
    expect(item(wrapper, 'region').find('.el-select').exists()).toBe(true)
    // Help is offered beside the label.
    expect(item(wrapper, 'endpoint').find('.schema-form__help-icon').exists()).toBe(true)
  })

  it('builds rules from required, maxLength, pattern and the integer range', () => {
    const [endpoint, appId, secret, timeout] = schemaFields(schema)
    expect(fieldRules(endpoint!, 'zh-CN')[0]).toMatchObject({ required: true, message: '请填写接口地址' })
    const appIdRules = fieldRules(appId!, 'zh-CN')
    expect(appIdRules).toContainEqual(expect.objectContaining({ required: true }))
    expect(appIdRules).toContainEqual(expect.objectContaining({ max: 8, message: '应用编号最多 8 个字符' }))
    const pattern = appIdRules.find((rule) => rule.pattern)?.pattern
    expect(pattern instanceof RegExp && pattern.test('ABC') && !pattern.test('abc')).toBe(true)
    expect(fieldRules(timeout!, 'zh-CN')).toEqual([
      expect.objectContaining({ type: 'number', min: 1, max: 60, message: '超时秒数须在 1–60 之间' }),
    ])
    // A secret already stored may stay empty.
    expect(fieldRules(secret!, 'zh-CN', true).some((rule) => rule.required)).toBe(false)
  })

  it('refuses empty required fields and shows each message on its field', async () => {
    const wrapper = mountForm()
    const valid = await (wrapper.vm as unknown as { validate: () => Promise<boolean> }).validate()
    expect(valid).toBe(false)
    // Each field renders its message on its own tick.
    await eventually(() => {
      expect(item(wrapper, 'endpoint').text()).toContain('请填写接口地址')
      expect(item(wrapper, 'secret').text()).toContain('请填写密钥')
      expect(item(wrapper, 'region').text()).toContain('请填写大区')
    })
    expect(item(wrapper, 'timeout').text()).not.toContain('请填写')
  })

  it('tells a stored secret may be left empty', () => {
    const wrapper = mountForm(['secret'])
    expect(item(wrapper, 'secret').get('input').attributes('placeholder')).toBe('已设置，留空则保持不变')
  })

  it('follows the language switch', async () => {
    const wrapper = mountForm(['secret'])
    await activateLocale('en')
    await nextTick()
    const labels = wrapper.findAll('.el-form-item__label').map((label) => label.text())
    expect(labels).toEqual(['API address', 'App ID', 'Secret', 'Timeout (s)', 'Sandbox', 'Region'])
    expect(item(wrapper, 'secret').get('input').attributes('placeholder')).toBe('set — leave empty to keep')
  })
})
