import type { CarrierContext } from '@simops/carrier-sdk'
import { describe, expect, it } from 'vitest'
import { buildRequest, createUnicomClient, endpointOf, parseReply } from '../src/client.js'
import type { UnicomConfig } from '../src/config.js'
import { apiNames } from '../src/protocol.js'
import { gatewayToken } from '../src/sign.js'

const config: UnicomConfig = {
  appId: 'APPID123',
  appSecret: 'SECRETxyz',
  openId: 'OPENID001',
  baseUrl: 'https://gwapi.10646.cn/api/',
  apiVersion: 'V1.1',
  dataVersion: '1.0',
  billingCycleStartDay: 27,
}

describe('request building', () => {
  it('puts the API name and version on the base URL, with or without its trailing slash', () => {
    expect(endpointOf('https://gwapi.10646.cn/api/', apiNames.terminalDetails, 'V1.1')).toBe(
      'https://gwapi.10646.cn/api/wsGetTerminalDetails/V1/1Main/vV1.1',
    )
    expect(endpointOf('https://gwtest.10646.cn/api', apiNames.editTerminal, 'V1.1')).toBe(
      'https://gwtest.10646.cn/api/wsEditTerminal/V1/1Main/vV1.1',
    )
  })

  it('signs the envelope and fills messageId, openId and version into data', () => {
    const request = buildRequest(
      config,
      { iccids: ['89860611223344556675'] },
      new Date('2024-01-01T19:04:05.678Z'),
    )
    expect(Object.keys(request).sort()).toEqual(['app_id', 'data', 'timestamp', 'token', 'trans_id'])
    expect(request.timestamp).toBe('2024-01-02 03:04:05 678')
    expect(request.token).toBe(gatewayToken('APPID123', request.timestamp, request.trans_id, 'SECRETxyz'))
    expect(request.data).toEqual({
      iccids: ['89860611223344556675'],
      messageId: request.trans_id,
      openId: 'OPENID001',
      version: '1.0',
    })
  })
})

describe('reply parsing', () => {
  const success = {
    status: '0000',
    message: 'success',
    data: {
      messageId: 'm',
      version: '1.0',
      resultCode: '0000',
      timestamp: '2024-01-02 03:04:05 678',
      terminals: [],
    },
  }

  it('returns the business data of a success', () => {
    expect(parseReply(JSON.stringify(success))).toMatchObject({ resultCode: '0000', terminals: [] })
  })

  it('leaves a business failure to the caller, with its resultDesc', () => {
    const reply = parseReply(
      JSON.stringify({
        ...success,
        data: { ...success.data, resultCode: '1193', resultDesc: '已是目标状态' },
      }),
    )
    expect(reply).toMatchObject({ resultCode: '1193', resultDesc: '已是目标状态' })
  })

  it('throws the gateway error when status is not 0000, whatever data holds', () => {
    expect(() => parseReply(JSON.stringify({ status: '1004', message: 'token校验失败' }))).toThrow(
      expect.objectContaining({ code: 'auth', carrierCode: '1004' }),
    )
    expect(() => parseReply(JSON.stringify({ ...success, status: '1006', message: '请求过于频繁' }))).toThrow(
      expect.objectContaining({ code: 'rateLimited' }),
    )
  })

  it.each([
    ['truncated JSON', '{"status":"0000","data":{"messageId":"'],
    ['an HTML page', '<html>502</html>'],
    ['no status', JSON.stringify({ data: success.data })],
    ['a numeric status', JSON.stringify({ ...success, status: 0 })],
    ['no data', JSON.stringify({ status: '0000', message: 'success' })],
    ['no resultCode', JSON.stringify({ ...success, data: { messageId: 'm' } })],
    ['a list', '[]'],
  ])('refuses %s as a protocol error', (_what, text) => {
    expect(() => parseReply(text)).toThrow(expect.objectContaining({ code: 'protocol' }))
  })
})

describe('client', () => {
  function contextAnswering(status: number, body: string, seen: Array<{ url: string; init: RequestInit }>) {
    const fetch = (async (url: string | URL | Request, init?: RequestInit) => {
      seen.push({ url: String(url), init: init ?? {} })
      return new Response(body, { status })
    }) as typeof globalThis.fetch
    const context: CarrierContext = {
      fetch,
      logger: { debug() {}, info() {}, warn() {} },
      now: () => new Date('2024-01-01T19:04:05.678Z'),
    }
    return context
  }

  it('POSTs JSON to the endpoint with the call signal and returns data and trans_id', async () => {
    const seen: Array<{ url: string; init: RequestInit }> = []
    const body = JSON.stringify({
      status: '0000',
      message: 'success',
      data: { messageId: 'm', version: '1.0', resultCode: '0000', timestamp: '' },
    })
    const client = createUnicomClient(config, contextAnswering(200, body, seen))
    const signal = new AbortController().signal
    const reply = await client.call(apiNames.terminalDetails, { iccids: [] }, signal)
    expect(reply.data.resultCode).toBe('0000')
    expect(reply.transId).toMatch(/^20240102030405678\d{6}$/)
    const [request] = seen
    expect(request?.url).toBe('https://gwapi.10646.cn/api/wsGetTerminalDetails/V1/1Main/vV1.1')
    expect(request?.init.method).toBe('POST')
    expect(request?.init.signal).toBe(signal)
    expect(request?.init.headers).toMatchObject({ 'content-type': 'application/json;charset=UTF-8' })
    expect(JSON.parse(String(request?.init.body))).toMatchObject({
      trans_id: reply.transId,
      app_id: 'APPID123',
    })
  })

  it('maps an HTTP failure before reading the envelope', async () => {
    const client = createUnicomClient(config, contextAnswering(503, 'busy', []))
    await expect(
      client.call(apiNames.terminalDetails, {}, new AbortController().signal),
    ).rejects.toMatchObject({
      code: 'unavailable',
      carrierCode: 'HTTP 503',
    })
  })
})
