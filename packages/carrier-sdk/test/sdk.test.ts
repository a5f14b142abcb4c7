import { describe, expect, it } from 'vitest'
import {
  bytesFrom,
  CarrierError,
  defineCarrier,
  defineConfig,
  isCarrierError,
  secretFields,
  toJsonSchema,
  validateConfig,
  validateConnection,
  validateDefinition,
  type CarrierConnection,
} from '../src/index.js'

const text = (zh: string, en: string) => ({ 'zh-CN': zh, en })

const schema = defineConfig({
  appId: { type: 'string', label: text('应用ID', 'App ID'), maxLength: 8 },
  password: { type: 'string', label: text('密码', 'Password'), secret: true },
  baseUrl: { type: 'url', label: text('接口地址', 'API address'), default: 'https://api.example.cn/v5' },
  rps: { type: 'integer', label: text('速率', 'Rate'), minimum: 1, maximum: 50, required: false },
  mode: {
    type: 'enum',
    label: text('模式', 'Mode'),
    options: [
      { value: 'a', label: text('甲', 'A') },
      { value: 'b', label: text('乙', 'B') },
    ],
    default: 'a',
  },
})

const connection: CarrierConnection = {
  healthCheck: async () => ({ detail: 'ok' }),
  getCards: async ({ iccids }) => ({ cards: iccids.map((iccid) => ({ iccid, found: false as const })) }),
}

const definition = defineCarrier({
  apiVersion: 1,
  id: 'demo',
  displayName: text('演示', 'Demo'),
  carrierName: text('演示运营商', 'Demo carrier'),
  iccidPrefixes: ['89860'],
  configSchema: schema,
  capabilities: {},
  limits: { batchSize: { getCards: 50, changeState: 1 }, requestsPerSecond: 5, lockSeconds: 0 },
  create: (config) => {
    // The config is typed from the schema.
    const appId: string = config.appId
    const rps: number | undefined = config.rps
    void appId
    void rps
    return connection
  },
})

describe('validateConfig', () => {
  it('accepts a complete config and fills defaults', () => {
    expect(validateConfig(schema, { appId: 'app1', password: 'pw' })).toEqual({
      ok: true,
      value: { appId: 'app1', password: 'pw', baseUrl: 'https://api.example.cn/v5', mode: 'a' },
    })
  })

  it('names every field at fault', () => {
    const result = validateConfig(schema, {
      appId: 'far-too-long',
      baseUrl: 'ftp://x',
      rps: 1.5,
      mode: 'c',
      extra: 1,
    })
    expect(result.ok).toBe(false)
    expect(!result.ok && result.issues).toEqual([
      { field: 'extra', message: 'is not a field of this carrier' },
      { field: 'appId', message: 'must be at most 8 characters' },
      { field: 'password', message: 'is required' },
      { field: 'baseUrl', message: 'must be an http:// or https:// URL' },
      { field: 'rps', message: 'must be a whole number' },
      { field: 'mode', message: 'must be one of a, b' },
    ])
    expect(validateConfig(schema, 'nope')).toMatchObject({ ok: false })
    expect(validateConfig(schema, { appId: 5, password: '' })).toEqual({
      ok: false,
      issues: [
        { field: 'appId', message: 'must be text' },
        { field: 'password', message: 'is required' },
      ],
    })
  })

  it('exports JSON Schema with labels and the secret marked', () => {
    const json = toJsonSchema(schema) as {
      required: string[]
      properties: Record<string, Record<string, unknown>>
    }
    expect(json.required).toEqual(['appId', 'password'])
    expect(json.properties.password).toMatchObject({
      type: 'string',
      'x-secret': true,
      writeOnly: true,
      'x-label': { en: 'Password' },
    })
    expect(json.properties.mode).toMatchObject({ enum: ['a', 'b'], default: 'a' })
    expect(secretFields(schema)).toEqual(['password'])
  })
})

describe('validateDefinition', () => {
  it('accepts a well-formed definition', () => {
    expect(validateDefinition(definition)).toEqual([])
  })

  it('reports every problem with its path', () => {
    const problems = validateDefinition({
      ...definition,
      apiVersion: 2,
      id: 'Bad Id',
      displayName: { 'zh-CN': '', en: 'x' },
      iccidPrefixes: ['12'],
      capabilities: {
        changeState: { transitions: { explode: ['active'], suspend: ['flying'] } },
        teleport: true,
      },
      limits: { batchSize: { getCards: 0, changeState: 1 }, requestsPerSecond: 0, lockSeconds: -1 },
    })
    expect(problems.map((p) => p.path)).toEqual([
      'apiVersion',
      'id',
      'displayName',
      'iccidPrefixes',
      'limits.batchSize.getCards',
      'limits.requestsPerSecond',
      'limits.lockSeconds',
      'capabilities.teleport',
      'capabilities.changeState.transitions.explode',
      'capabilities.changeState.transitions.suspend',
    ])
    expect(validateDefinition(null)[0]?.message).toContain('defineCarrier')
  })

  it('matches capabilities and methods both ways', () => {
    expect(validateConnection(definition, connection)).toEqual([])
    const withUsage = { ...connection, getUsage: async () => ({}) as never }
    expect(validateConnection(definition, withUsage)).toEqual([
      { path: 'getUsage', message: 'getUsage() exists but capability "usage" is not declared' },
    ])
    expect(validateConnection({ capabilities: { stopReason: true } }, connection)).toEqual([
      {
        path: 'getStopReason',
        message: 'capability "stopReason" is declared but getStopReason() is missing',
      },
    ])
    expect(validateConnection(definition, {})).toHaveLength(2)
  })
})

describe('CarrierError', () => {
  it('defaults retryable by code and is recognised across package copies', () => {
    expect(new CarrierError('timeout', 't').retryable).toBe(true)
    expect(new CarrierError('auth', 'a').retryable).toBe(false)
    expect(new CarrierError('auth', 'a', { retryable: true }).retryable).toBe(true)
    const foreign = Object.assign(new Error('x'), { name: 'CarrierError', code: 'locked', retryable: true })
    expect(isCarrierError(foreign)).toBe(true)
    expect(
      isCarrierError(Object.assign(new Error('x'), { name: 'CarrierError', code: 'weird', retryable: true })),
    ).toBe(false)
  })
})

describe('bytesFrom', () => {
  it('converts carrier figures to bytes and treats blanks as no data', () => {
    expect(bytesFrom('1234.56', 'KB')).toBe(1264189)
    expect(bytesFrom(12.5, 'MB')).toBe(13107200)
    expect(bytesFrom(' ', 'KB')).toBeNull()
    expect(bytesFrom('abc', 'KB')).toBeNull()
    expect(bytesFrom('-1', 'KB')).toBeNull()
    expect(bytesFrom(null, 'GB')).toBeNull()
  })
})

describe('China time', () => {
  it('reads and builds calendar fields in UTC+8 whatever the machine zone', async () => {
    const { chinaFieldsOf, chinaInstant, chinaMonthOf } = await import('../src/index.js')
    // 2024-01-31 16:30 UTC is already 1 February 00:30 in China.
    expect(chinaFieldsOf(new Date('2024-01-31T16:30:00.250Z'))).toEqual({
      year: 2024,
      month: 2,
      day: 1,
      hour: 0,
      minute: 30,
      second: 0,
      millisecond: 250,
    })
    expect(chinaInstant(2024, 2, 1, 0, 30).toISOString()).toBe('2024-01-31T16:30:00.000Z')
    expect(chinaInstant(2024, 13, 1).toISOString()).toBe('2024-12-31T16:00:00.000Z')
    expect(chinaMonthOf(new Date('2024-01-31T16:30:00Z'))).toEqual({
      start: new Date('2024-01-31T16:00:00Z'),
      end: new Date('2024-02-29T16:00:00Z'),
    })
  })
})
