import { CarrierError, defineCarrier, type CarrierConnection, type GetCardsResult } from '@simops/carrier-sdk'
import { describe, expect, it } from 'vitest'
import { CarrierGateway, type PlatformTarget } from '../src/carriers/gateway.js'
import { CarrierRegistry } from '../src/carriers/registry.js'
import { silentLogger, type CoreLogger } from '../src/logger.js'

const text = (s: string) => ({ 'zh-CN': s, en: s })

/** A carrier whose behaviour each test scripts through `behave`. */
function scriptedCarrier(
  behave: { getCards?: () => Promise<GetCardsResult>; changeState?: () => Promise<never> },
  creations: { count: number },
) {
  return defineCarrier({
    apiVersion: 1,
    id: 'scripted',
    displayName: text('Scripted'),
    carrierName: text('Scripted'),
    iccidPrefixes: ['8999'],
    configSchema: { token: { type: 'string', label: text('Token'), secret: true } },
    capabilities: { changeState: { transitions: { suspend: ['active'] } } },
    limits: { batchSize: { getCards: 10, changeState: 1 }, requestsPerSecond: 1000, lockSeconds: 0 },
    create: (): CarrierConnection => {
      creations.count += 1
      return {
        healthCheck: async () => ({ detail: 'ok' }),
        getCards: () => (behave.getCards ?? (async () => ({ cards: [] })))(),
        changeState: () =>
          (behave.changeState ?? (async () => ({ outcome: 'pending' as const, carrierRef: null })))(),
      }
    },
  })
}

function setup(
  behave: Parameters<typeof scriptedCarrier>[0],
  options: { callTimeoutMs?: number; breakerThreshold?: number; logger?: CoreLogger } = {},
) {
  const creations = { count: 0 }
  const registry = new CarrierRegistry()
  registry.register(scriptedCarrier(behave, creations), 'scripted-plugin', '1.0.0')
  const gateway = new CarrierGateway(registry, options.logger ?? silentLogger, {
    attempts: 3,
    retryBaseDelayMs: 1,
    callTimeoutMs: options.callTimeoutMs ?? 1000,
    breakerThreshold: options.breakerThreshold ?? 100,
  })
  const platform = (revision = 1): PlatformTarget => ({
    id: 'p1',
    name: 'Main account',
    carrierId: 'scripted',
    revision,
    loadConfig: () => ({ token: 'very-secret-token' }),
  })
  return { gateway, platform, creations }
}

describe('CarrierGateway', () => {
  it('retries retryable read failures and returns the eventual answer', async () => {
    let calls = 0
    const { gateway, platform } = setup({
      getCards: async () => {
        calls += 1
        if (calls < 3) throw new CarrierError('unavailable', 'HTTP 502')
        return { cards: [{ iccid: '8999', found: false }] }
      },
    })
    expect(await gateway.call(platform(), 'getCards', { iccids: ['8999'] })).toEqual({
      cards: [{ iccid: '8999', found: false }],
    })
    expect(calls).toBe(3)
  })

  it('gives up after the last attempt and does not retry permanent failures', async () => {
    let calls = 0
    const failing = setup({
      getCards: async () => {
        calls += 1
        throw new CarrierError('timeout', 'slow')
      },
    })
    await expect(failing.gateway.call(failing.platform(), 'getCards', { iccids: [] })).rejects.toMatchObject({
      code: 'timeout',
    })
    expect(calls).toBe(3)
    calls = 0
    const auth = setup({
      getCards: async () => {
        calls += 1
        throw new CarrierError('auth', 'wrong password')
      },
    })
    await expect(auth.gateway.call(auth.platform(), 'getCards', { iccids: [] })).rejects.toMatchObject({
      code: 'auth',
    })
    expect(calls).toBe(1)
  })

  it('never repeats a state change that may have reached the carrier, but does after a rate-limit refusal', async () => {
    let calls = 0
    const timeouts = setup({
      changeState: async () => {
        calls += 1
        throw new CarrierError('timeout', 'no answer')
      },
    })
    await expect(
      timeouts.gateway.call(timeouts.platform(), 'changeState', {
        iccid: '8999',
        action: 'suspend',
        from: 'active',
      }),
    ).rejects.toMatchObject({ code: 'timeout' })
    expect(calls).toBe(1)
    calls = 0
    const limited = setup({
      changeState: async () => {
        calls += 1
        throw new CarrierError('rateLimited', 'slow down', { retryAfterMs: 5 })
      },
    })
    await expect(
      limited.gateway.call(limited.platform(), 'changeState', {
        iccid: '8999',
        action: 'suspend',
        from: 'active',
      }),
    ).rejects.toMatchObject({ code: 'rateLimited' })
    expect(calls).toBe(3)
  })

  it('does not retry when the carrier asks to wait longer than the gateway would', async () => {
    let calls = 0
    const capped = setup({
      getCards: async () => {
        calls += 1
        throw new CarrierError('rateLimited', 'monthly cap reached', { retryAfterMs: 86_400_000 })
      },
    })
    await expect(capped.gateway.call(capped.platform(), 'getCards', { iccids: [] })).rejects.toMatchObject({
      code: 'rateLimited',
      retryAfterMs: 86_400_000,
    })
    expect(calls).toBe(1)
  })

  it('times out a plugin that never answers, even one that ignores the signal', async () => {
    const { gateway, platform } = setup(
      { getCards: () => new Promise(() => undefined) },
      { callTimeoutMs: 30 },
    )
    await expect(gateway.call(platform(), 'getCards', { iccids: [] })).rejects.toMatchObject({
      code: 'timeout',
      retryable: true,
    })
  })

  it('reports a plugin bug (a plain Error) as a protocol error naming the carrier', async () => {
    const { gateway, platform } = setup({
      getCards: async () => {
        throw new TypeError("Cannot read properties of undefined (reading 'result')")
      },
    })
    const error = await gateway.call(platform(), 'getCards', { iccids: [] }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CarrierError)
    expect(error).toMatchObject({ code: 'protocol', retryable: false })
    expect((error as Error).message).toContain('the scripted plugin failed unexpectedly')
  })

  it('opens the circuit after repeated outages and fails fast without calling the carrier', async () => {
    let calls = 0
    const { gateway, platform } = setup(
      {
        getCards: async () => {
          calls += 1
          throw new CarrierError('unavailable', 'down', { retryable: false })
        },
      },
      { breakerThreshold: 2 },
    )
    for (let i = 0; i < 2; i++)
      await expect(gateway.call(platform(), 'getCards', { iccids: [] })).rejects.toMatchObject({
        code: 'unavailable',
      })
    const fast = await gateway.call(platform(), 'getCards', { iccids: [] }).catch((e: unknown) => e)
    expect((fast as Error).message).toContain('paused after repeated failures')
    expect(calls).toBe(2)
  })

  it('logs every call with duration and outcome, and never the config', async () => {
    const entries: Array<{ level: string; fields: Record<string, unknown>; message: string }> = []
    const record = (level: string) => (fields: Record<string, unknown>, message: string) =>
      entries.push({ level, fields, message })
    const logger: CoreLogger = {
      debug: record('debug'),
      info: record('info'),
      warn: record('warn'),
      error: record('error'),
    }
    let calls = 0
    const { gateway, platform } = setup(
      {
        getCards: async () => {
          calls += 1
          if (calls === 1) throw new CarrierError('unavailable', 'HTTP 503', { carrierCode: '503' })
          return { cards: [] }
        },
      },
      { logger },
    )
    await gateway.call(platform(), 'getCards', { iccids: ['89990000000000000001'] })
    expect(entries.map((e) => [e.level, e.message, e.fields.outcome, e.fields.attempt])).toEqual([
      ['warn', 'carrier call failed', 'error', 1],
      ['debug', 'carrier call', 'ok', 2],
    ])
    expect(entries[0]?.fields).toMatchObject({
      platformId: 'p1',
      carrierId: 'scripted',
      method: 'getCards',
      errorCode: 'unavailable',
      carrierCode: '503',
      willRetry: true,
    })
    expect(typeof entries[1]?.fields.durationMs).toBe('number')
    expect(JSON.stringify(entries)).not.toContain('very-secret-token')
  })

  it('creates one connection per config revision', async () => {
    const { gateway, platform, creations } = setup({})
    await gateway.call(platform(1), 'getCards', { iccids: [] })
    await gateway.call(platform(1), 'healthCheck', {})
    expect(creations.count).toBe(1)
    await gateway.call(platform(2), 'getCards', { iccids: [] })
    expect(creations.count).toBe(2)
    await gateway.forget('p1')
    await gateway.call(platform(2), 'getCards', { iccids: [] })
    expect(creations.count).toBe(3)
  })
})

describe('CarrierRegistry', () => {
  it('loads plugins by package name and refuses broken, incompatible and duplicate ones by name', async () => {
    const good = scriptedCarrier({}, { count: 0 })
    const modules: Record<string, unknown> = {
      'good-plugin': { default: good },
      'old-plugin': { default: { ...good, id: 'old', apiVersion: 0 } },
      'no-default': { carrier: good },
      'twin-plugin': { default: good },
    }
    const importer = async (name: string) => {
      if (!(name in modules)) throw new Error(`Cannot find package '${name}'`)
      return { module: modules[name], version: '2.1.0' }
    }
    const registry = await CarrierRegistry.load(['good-plugin'], importer)
    expect(registry.list().map((c) => [c.definition.id, c.packageName, c.version])).toEqual([
      ['scripted', 'good-plugin', '2.1.0'],
    ])
    await expect(CarrierRegistry.load(['missing-plugin'], importer)).rejects.toThrow(
      "Carrier plugin missing-plugin cannot be loaded: it could not be imported (Cannot find package 'missing-plugin')",
    )
    await expect(CarrierRegistry.load(['old-plugin'], importer)).rejects.toThrow(
      /old-plugin cannot be loaded: apiVersion is 0; this platform implements carrier contract version 1/,
    )
    await expect(CarrierRegistry.load(['no-default'], importer)).rejects.toThrow(
      /no-default cannot be loaded: the default export must be a carrier definition/,
    )
    await expect(CarrierRegistry.load(['good-plugin', 'twin-plugin'], importer)).rejects.toThrow(
      'Carrier plugin twin-plugin cannot be loaded: carrier id "scripted" is already provided by good-plugin',
    )
    expect(() => registry.get('nope')).toThrow(expect.objectContaining({ code: 'UNKNOWN_CARRIER' }))
  })
})
