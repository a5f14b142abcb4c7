import { CarrierError } from '@simops/carrier-sdk'
import { describe, expect, it } from 'vitest'
import {
  classifyResult,
  errorFromFetchFailure,
  errorFromGateway,
  errorFromHttp,
  malformed,
} from '../src/errors.js'

describe('gateway status classification', () => {
  it.each([
    ['1004', 'token校验失败', 'auth'],
    ['2001', 'sign error', 'auth'],
    ['1001', 'app_id不存在', 'auth'],
    ['1002', 'timestamp超出有效期', 'auth'],
    ['1005', 'openId无效', 'auth'],
    ['1006', '请求过于频繁，请稍后再试', 'rateLimited'],
    ['1090', 'rate limit exceeded', 'rateLimited'],
    ['1003', 'trans_id格式错误', 'protocol'],
    ['1000', '请求报文格式错误', 'protocol'],
    ['9999', '系统繁忙', 'unavailable'],
    ['9998', '', 'unavailable'],
  ] as const)('status %s "%s" → %s, keeping the raw values', (status, message, code) => {
    const error = errorFromGateway(status, message)
    expect(error).toBeInstanceOf(CarrierError)
    expect(error.code).toBe(code)
    expect(error.carrierCode).toBe(status)
    expect(error.carrierMessage).toBe(message)
    expect(error.retryable).toBe(code === 'rateLimited' || code === 'unavailable')
  })
})

describe('business resultCode classification', () => {
  it.each([
    ['0000', 'success'],
    ['1193', 'alreadyDone'],
    ['6079', 'alreadyDone'],
    ['E004', 'alreadyDone'],
    ['9017', 'verify'],
    ['1044', 'verify'],
  ] as const)('%s → %s', (resultCode, kind) => {
    expect(classifyResult(resultCode, undefined).kind).toBe(kind)
  })

  it('any other resultCode is a permanent refusal carrying resultDesc', () => {
    const verdict = classifyResult('1063', '当前状态不允许变更')
    if (verdict.kind !== 'failed') throw new Error(`expected failed, got ${verdict.kind}`)
    expect(verdict.error.code).toBe('rejected')
    expect(verdict.error.retryable).toBe(false)
    expect(verdict.error.carrierCode).toBe('1063')
    expect(verdict.error.carrierMessage).toBe('当前状态不允许变更')
    expect(verdict.error.message).toContain('当前状态不允许变更')
  })

  it('does not take inherited property names for known codes', () => {
    expect(classifyResult('constructor', undefined).kind).toBe('failed')
  })
})

describe('transport failures', () => {
  it.each([
    [401, 'auth'],
    [403, 'auth'],
    [404, 'config'],
    [429, 'rateLimited'],
    [400, 'protocol'],
    [500, 'unavailable'],
    [502, 'unavailable'],
    [503, 'unavailable'],
  ] as const)('HTTP %i → %s', (status, code) => {
    expect(errorFromHttp(status, '<html>').code).toBe(code)
  })

  it('an aborted call is a timeout, a network failure unavailable', () => {
    const controller = new AbortController()
    controller.abort()
    expect(errorFromFetchFailure(new DOMException('aborted', 'AbortError'), controller.signal).code).toBe(
      'timeout',
    )
    expect(errorFromFetchFailure(new TypeError('fetch failed'), new AbortController().signal).code).toBe(
      'unavailable',
    )
  })

  it('a malformed answer is a protocol error, not retryable', () => {
    const error = malformed('no status')
    expect(error.code).toBe('protocol')
    expect(error.retryable).toBe(false)
  })
})
