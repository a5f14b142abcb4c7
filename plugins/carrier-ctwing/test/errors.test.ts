import { describe, expect, it } from 'vitest'
import {
  errorFromEnvelope,
  errorFromFetchFailure,
  errorFromHttpStatus,
  msUntilNextChinaMonth,
} from '../src/errors.js'
import { envelopeOf } from '../src/wire/envelope.js'
import { parseReply } from '../src/wire/reply.js'

const now = new Date('2024-06-15T04:00:00Z')
const classify = (body: string) => errorFromEnvelope(envelopeOf(parseReply(body)), 'queryCardMainStatus', now)

describe('carrier failures → CarrierError (reference §5)', () => {
  it.each(['-1', '-2', '-3', '-4'])('a bare %s is an auth refusal', (bare) => {
    expect(classify(bare)).toMatchObject({ code: 'auth', retryable: false, carrierCode: bare })
  })

  it('a -1 inside an envelope is not taken for the bare auth code', () => {
    expect(classify('{"RESULT":"-1","SMSG":"号码状态不允许"}').code).toBe('rejected')
  })

  it('该号码和用户没有绑定！ means the card is not in this account, in text or in an envelope', () => {
    expect(classify('该号码和用户没有绑定！').code).toBe('notFound')
    expect(classify('{"RESULT":"1","SMSG":"该号码和用户没有绑定！"}').code).toBe('notFound')
  })

  it('RspCode -5 is the per-card monthly cap: rate limited until the next month, China time', () => {
    const error = classify(
      '<SvcCont><Response><RspType>1</RspType><RspCode>-5</RspCode><RspDesc>业务校验失败（单卡本月调用次数已超过限定次数！）</RspDesc></Response></SvcCont>',
    )
    expect(error).toMatchObject({ code: 'rateLimited', retryable: true, carrierCode: '-5' })
    expect(error.retryAfterMs).toBe(new Date('2024-06-30T16:00:00Z').getTime() - now.getTime())
  })

  it('100008 is a state the operation does not apply to', () => {
    expect(classify('<root><result>100008</result><rspdesc>可激活</rspdesc></root>')).toMatchObject({
      code: 'invalidState',
      carrierCode: '100008',
    })
  })

  it.each([
    '{"code":"10003","msg":"签名校验失败"}',
    '{"code":"10002","msg":"时间戳无效或超出允许范围"}',
    '{"code":"10001","msg":"AppKey不存在或已停用"}',
    '{"code":"401","msg":"invalid sign"}',
  ])('a 5G refusal of keys or clock is auth: %s', (body) => {
    expect(classify(body).code).toBe('auth')
  })

  it('anything else is a refusal that keeps the carrier code and text', () => {
    const error = classify('99系统繁忙，请稍后再试')
    expect(error).toMatchObject({
      code: 'rejected',
      retryable: false,
      carrierCode: '99',
      carrierMessage: '99系统繁忙，请稍后再试',
    })
    expect(error.message).toContain('queryCardMainStatus')
  })
})

describe('HTTP and network failures', () => {
  it.each([
    [500, 'unavailable', true],
    [503, 'unavailable', true],
    [401, 'auth', false],
    [403, 'auth', false],
    [429, 'rateLimited', true],
    [404, 'protocol', false],
  ] as const)('HTTP %d → %s', (status, code, retryable) => {
    expect(errorFromHttpStatus(status, 'getTelephone')).toMatchObject({ code, retryable })
  })

  it('an aborted call is a timeout; a failed connection is unavailable', () => {
    const aborted = AbortSignal.abort()
    expect(errorFromFetchFailure(new DOMException('aborted', 'AbortError'), aborted, 'x').code).toBe(
      'timeout',
    )
    expect(errorFromFetchFailure(new TypeError('fetch failed'), new AbortController().signal, 'x').code).toBe(
      'unavailable',
    )
  })

  it('counts the wait to the next month from the first of the month in Beijing', () => {
    expect(msUntilNextChinaMonth(new Date('2024-01-31T15:59:59Z'))).toBe(1000)
  })
})
