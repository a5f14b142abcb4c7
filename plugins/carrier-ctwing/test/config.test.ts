import { isCarrierError, toJsonSchema, validateConfig, type CarrierLogger } from '@simops/carrier-sdk'
import { describe, expect, it } from 'vitest'
import carrier, { configSchema, type CtwingConfig } from '../src/index.js'
import { strEnc } from '../src/legacy/str-enc.js'
import { DEFAULT_CMP5G_BASE_URL, DEFAULT_LEGACY_BASE_URL, resolveSettings } from '../src/settings.js'

const warnings: string[] = []
const logger: CarrierLogger = { debug() {}, info() {}, warn: (message) => void warnings.push(message) }
const context = { fetch: globalThis.fetch, logger, now: () => new Date() }

const legacy: CtwingConfig = {
  apiGeneration: 'legacy',
  userId: 'testuser',
  password: 'Passw0rd',
  secretKey: 'ABC123xyz',
  paramStyle: 'user_id',
  clockSkewSeconds: 0,
}
const cmp5g: CtwingConfig = {
  apiGeneration: 'cmp5g',
  appKey: 'key',
  secretKey: 'secret',
  paramStyle: 'user_id',
  clockSkewSeconds: 0,
}

function configError(config: CtwingConfig): string {
  try {
    carrier.create(config, context)
  } catch (error) {
    if (isCarrierError(error) && error.code === 'config') return error.message
    throw error
  }
  return 'no error'
}

describe('config schema', () => {
  it('has the JetLinks fields with their labels, secrets masked', () => {
    const schema = toJsonSchema(configSchema) as { properties: Record<string, Record<string, unknown>> }
    expect(schema.properties.userId?.['x-label']).toEqual({ 'zh-CN': '用户id', en: 'User ID' })
    expect(schema.properties.password?.['x-secret']).toBe(true)
    expect(schema.properties.secretKey?.['x-secret']).toBe(true)
    expect(schema.properties.appKey?.['x-secret']).toBeUndefined()
  })

  it('defaults to the legacy generation, as a JetLinks import is', () => {
    const validation = validateConfig(configSchema, { userId: 'u', password: 'p', secretKey: 'ABC123xyz' })
    expect(validation.ok && validation.value.apiGeneration).toBe('legacy')
  })
})

describe('generation-specific fields', () => {
  it.each([
    [{ ...legacy, userId: undefined }, 'userId'],
    [{ ...legacy, password: undefined }, 'password'],
    [{ ...cmp5g, appKey: undefined }, 'appKey'],
  ])('names the missing field', (config, field) => {
    expect(configError(config)).toContain(`"${field}"`)
  })

  it('needs a 9-character secret key for the legacy API', () => {
    expect(configError({ ...legacy, secretKey: 'ABC123' })).toContain('9-character')
    expect(configError({ ...cmp5g, secretKey: 'any length will do' })).toBe('no error')
  })

  it('fills in the default base URLs', () => {
    expect(resolveSettings(legacy, logger).baseUrl).toBe(DEFAULT_LEGACY_BASE_URL)
    expect(resolveSettings(cmp5g, logger).baseUrl).toBe(DEFAULT_CMP5G_BASE_URL)
    expect(resolveSettings({ ...legacy, baseUrl: 'http://x/m2m_ec' }, logger).baseUrl).toBe(
      'http://x/m2m_ec/',
    )
  })

  it('recognises a pasted strEnc password and uses its plain form, saying so', () => {
    warnings.length = 0
    const settings = resolveSettings({ ...legacy, password: strEnc('Passw0rd', 'ABC', '123', 'xyz') }, logger)
    expect(settings.generation === 'legacy' && settings.password).toBe('Passw0rd')
    expect(warnings).toHaveLength(1)
    expect(resolveSettings(legacy, logger).generation === 'legacy' && warnings).toHaveLength(1)
  })
})
