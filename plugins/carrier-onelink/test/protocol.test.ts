import { CarrierError } from '@simops/carrier-sdk'
import { afterEach, describe, expect, it } from 'vitest'
import { normalizeBaseUrl } from '../src/config.js'
import { parseEnvelope, rowStatusOf } from '../src/envelope.js'
import {
  errorFromFetchFailure,
  errorFromHttpStatus,
  errorFromStatus,
  errorFromTokenRefusal,
  errorRules,
} from '../src/errors.js'
import { buildBusinessRequest, buildTokenRequest, joinSelector } from '../src/request.js'
import { call, connectToSimulator, must, type OneLinkSimulator } from './support.js'

const auth = { transid: '2000012024010203040500000001', token: 'tok' }

describe('request building', () => {
  it('puts transid, token and parameters in the query string for GET, never appid', () => {
    const built = buildBusinessRequest('https://x/v5/ec', 'GET', '/query/sim-status', auth, { iccid: '8986' })
    const url = new URL(built.url)
    expect(url.pathname).toBe('/v5/ec/query/sim-status')
    expect(Object.fromEntries(url.searchParams)).toEqual({ ...auth, iccid: '8986' })
    expect(built.init).toEqual({ method: 'GET', headers: { accept: 'application/json' } })
  })

  it('puts them in a JSON body for POST, values as strings', () => {
    const built = buildBusinessRequest('https://x/v5/ec', 'POST', '/change/sim-status', auth, {
      iccid: '8986',
      operType: '0',
    })
    expect(built.url).toBe('https://x/v5/ec/change/sim-status')
    expect(JSON.parse(built.init.body ?? '')).toEqual({ ...auth, iccid: '8986', operType: '0' })
    expect(built.init.headers['content-type']).toMatch(/^application\/json/)
  })

  it('asks for a token with GET appid/password/transid, and joins batch selectors with _', () => {
    const built = buildTokenRequest('https://x/v5/ec', { appId: '200001', password: 'p&w' }, auth.transid)
    const url = new URL(built.url)
    expect(url.pathname).toBe('/v5/ec/get/token')
    expect(Object.fromEntries(url.searchParams)).toEqual({
      appid: '200001',
      password: 'p&w',
      transid: auth.transid,
    })
    expect(joinSelector(['a', 'b', 'c'])).toBe('a_b_c')
  })

  it('cuts a JetLinks-style token URL to the API base', () => {
    expect(normalizeBaseUrl('https://api.iot.10086.cn/v5/ec/get/token?appid=1&password=2&transid=3')).toBe(
      'https://api.iot.10086.cn/v5/ec',
    )
    expect(normalizeBaseUrl('https://api.iot.10086.cn/v5/ec/')).toBe('https://api.iot.10086.cn/v5/ec')
  })
})

describe('envelope parsing', () => {
  it('reads success, failure without result, and per-row batch statuses', () => {
    expect(parseEnvelope('{"status":"0","message":"正确","result":[{"cardStatus":"2"}]}', 'x')).toEqual({
      status: '0',
      message: '正确',
      result: [{ cardStatus: '2' }],
    })
    expect(parseEnvelope('{"status":"12021","message":"TOKEN不存在"}', 'x')).toEqual({
      status: '12021',
      message: 'TOKEN不存在',
      result: [],
    })
    // A numeric status, as some servers send.
    expect(parseEnvelope('{"status":71,"message":"","result":[]}', 'x').status).toBe('71')
    const batch = parseEnvelope(
      '{"status":"0","message":"正确","result":[{"status":"0","message":"正确","msisdn":"1440"},{"status":"12006","message":"号码不存在","iccid":"8986"}]}',
      'x',
    )
    expect(batch.result.map(rowStatusOf)).toEqual([
      { status: '0', message: '正确' },
      { status: '12006', message: '号码不存在' },
    ])
  })

  it.each([
    ['{"status":"0","message":"正确","result":[{"cardSta', 'not JSON'],
    ['<html>502</html>', 'not JSON'],
    ['[1,2]', 'not an object'],
    ['{"message":"正确"}', 'no status'],
    ['{"status":"0","result":{"cardStatus":"2"}}', 'not a list'],
  ])('refuses %s as protocol (%s)', (body, why) => {
    expect(() => parseEnvelope(body, 'x')).toThrow(expect.objectContaining({ code: 'protocol' }))
    expect(() => parseEnvelope(body, 'x')).toThrow(new RegExp(why))
  })
})

describe('error classification', () => {
  it.each([
    ['12021', 'TOKEN不存在或已过期，请重新获取', 'auth', false],
    ['71', '已超出API最大流控限制', 'rateLimited', true],
    ['12098', '非主动停机的号码不允许复机', 'rejected', false],
    ['12099', '套餐已到期', 'rejected', false],
    ['12100', '流量池已用尽', 'rejected', false],
    ['99999', '同一号码3分钟内不能重复办理该业务', 'locked', true],
    ['12009', '锁定', 'locked', true],
    ['12006', '号码不存在', 'notFound', false],
    ['12007', '状态不允许', 'invalidState', false],
    ['12008', '不支持', 'unsupported', false],
    ['12002', '参数错误', 'protocol', false],
    ['55555', '未知错误', 'rejected', false],
  ])('%s %s → %s (retryable %s)', (code, message, kind, retryable) => {
    const error = errorFromStatus(code, message, 'test')
    expect(error).toBeInstanceOf(CarrierError)
    expect(error).toMatchObject({ code: kind, retryable, carrierCode: code, carrierMessage: message })
  })

  it('reads the lock wait from the message and keeps the table free of duplicates', () => {
    expect(errorFromStatus('1', '同一号码30分钟内不能重复办理', 't').retryAfterMs).toBe(1_800_000)
    const codes = errorRules.flatMap((rule) => (rule.code ? [rule.code] : []))
    expect(new Set(codes).size).toBe(codes.length)
  })

  it('treats any token refusal as auth except flow control, and classifies transport failures', () => {
    expect(errorFromTokenRefusal('12001', 'appid或password错误').code).toBe('auth')
    expect(errorFromTokenRefusal('71', '流控').code).toBe('rateLimited')
    expect(errorFromHttpStatus(503, 't')).toMatchObject({ code: 'unavailable', retryable: true })
    expect(errorFromHttpStatus(404, 't').code).toBe('protocol')
    const aborted = AbortSignal.abort()
    expect(errorFromFetchFailure(new Error('x'), aborted, 't').code).toBe('timeout')
    expect(errorFromFetchFailure(new TypeError('fetch failed'), new AbortController().signal, 't').code).toBe(
      'unavailable',
    )
  })
})

describe('client against the simulator', () => {
  let simulator: OneLinkSimulator | undefined
  afterEach(async () => simulator?.close())

  it('caches the token, refreshes it at ~80 % of ttl, and refreshes once after 12021', async () => {
    const setup = await connectToSimulator({ tokenTtlSeconds: 100 })
    simulator = setup.simulator
    const { connection, requests } = setup
    const iccid = must(simulator.handle().unknownIccid, 'unknown ICCID')
    const tokenCalls = () => requests.filter((request) => request.path === '/get/token').length
    await connection.getCards({ iccids: [iccid] }, call())
    await connection.getCards({ iccids: [iccid] }, call())
    expect(tokenCalls()).toBe(1)
    simulator.state.advance(79_000)
    await connection.getCards({ iccids: [iccid] }, call())
    expect(tokenCalls()).toBe(1)
    simulator.state.advance(2_000) // 81 s of 100: past the refresh point
    await connection.getCards({ iccids: [iccid] }, call())
    expect(tokenCalls()).toBe(2)
    simulator.state.tokens.expireAll()
    await connection.getCards({ iccids: [iccid] }, call())
    expect(tokenCalls()).toBe(3)
    // The refused call was repeated once with the new token.
    const lastTwoBusiness = requests.filter((request) => request.path !== '/get/token').slice(-2)
    expect(lastTwoBusiness.map((request) => request.path)).toEqual([
      '/query/sim-card-info/batch',
      '/query/sim-card-info/batch',
    ])
    expect(lastTwoBusiness[0]?.params.token).not.toBe(lastTwoBusiness[1]?.params.token)
  })

  it('reports auth when a fresh token is refused too', async () => {
    const setup = await connectToSimulator()
    simulator = setup.simulator
    await setup.connection.healthCheck({}, call())
    // 12021; the token request goes through (a zero latency fault passes it); 12021 again with the new token.
    simulator.injectFault({ kind: 'unauthorized' })
    simulator.injectFault({ kind: 'latency', delayMs: 0 })
    simulator.injectFault({ kind: 'unauthorized' })
    await expect(setup.connection.getCards({ iccids: ['1'] }, call())).rejects.toMatchObject({
      code: 'auth',
      carrierCode: '12021',
      retryable: false,
    })
  })

  it('sends GET query strings or POST bodies as configured, with transids starting with the appid', async () => {
    for (const httpMethod of ['GET', 'POST'] as const) {
      const setup = await connectToSimulator({}, { httpMethod })
      simulator = setup.simulator
      const iccid = must(await simulator.handle().takeCard('active'), 'active card')
      const [lookup] = (await setup.connection.getCards({ iccids: [iccid] }, call())).cards
      expect(lookup?.found).toBe(true)
      const business = setup.requests.filter((request) => request.path !== '/get/token')
      expect(business.every((request) => request.method === httpMethod)).toBe(true)
      expect(business.every((request) => request.params.appid === undefined)).toBe(true)
      expect(setup.requests.every((request) => /^200001\d{22}$/.test(request.params.transid ?? ''))).toBe(
        true,
      )
      expect(simulator.state.transidDeviations).toEqual([])
      await simulator.close()
    }
  })
})
