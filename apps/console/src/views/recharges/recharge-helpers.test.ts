import { beforeAll, describe, expect, it, vi } from 'vitest'
import { activateLocale } from '@/locales'
import { describeRechargeError, rechargeFieldErrors } from './recharge-errors'
import { isWebUrl, newIdempotencyKey, openPaymentPage, paymentMethodLabel } from './recharge-format'
import { rechargeQueryFromRoute, rechargeQueryToRoute } from './recharge-query'

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

beforeAll(async () => {
  await activateLocale('zh-CN')
})

describe('recharge query', () => {
  it('drops values the API would refuse and keeps the URL short', () => {
    const query = rechargeQueryFromRoute({
      status: 'refunded',
      paymentMethod: 'ALIPAY-BANK',
      amount: '12.345',
      from: 'yesterday',
      to: '2025-02-01T00:00:00.000Z',
      pageSize: '500',
      accountId: 'acct-1',
    })
    expect(query).toMatchObject({ status: '', paymentMethod: '', amount: '', from: '', pageSize: 100 })
    expect(rechargeQueryToRoute(query)).toEqual({
      accountId: 'acct-1',
      to: '2025-02-01T00:00:00.000Z',
      pageSize: '100',
    })
    expect(rechargeQueryToRoute(rechargeQueryFromRoute({ page: '1', pageSize: '20' }))).toEqual({})
  })
})

describe('recharge format', () => {
  it('makes v4 UUIDs, also where crypto.randomUUID is missing (plain http)', () => {
    expect(newIdempotencyKey()).toMatch(UUID_V4)
    const real = globalThis.crypto
    vi.stubGlobal('crypto', { getRandomValues: real.getRandomValues.bind(real) })
    const keys = new Set(Array.from({ length: 20 }, () => newIdempotencyKey()))
    expect(keys.size).toBe(20)
    for (const key of keys) expect(key).toMatch(UUID_V4)
  })

  it('opens only web links', () => {
    const open = vi.spyOn(window, 'open').mockImplementation(() => null)
    expect(isWebUrl('javascript:alert(1)')).toBe(false)
    expect(openPaymentPage('javascript:alert(1)')).toBe(false)
    expect(open).not.toHaveBeenCalled()
    expect(openPaymentPage('https://pay.example.com/x')).toBe(true)
    expect(open).toHaveBeenCalledWith('https://pay.example.com/x', '_blank', 'noopener')
  })

  it('names payment methods, and shows an unknown one as sent', () => {
    expect(paymentMethodLabel('ALIPAY_WEB')).toBe('支付宝网页及时到账支付')
    expect(paymentMethodLabel('ALIPAY-BANK')).toBe('ALIPAY-BANK')
  })
})

describe('recharge errors', () => {
  it('uses this page’s text, the console’s, and the carrier’s own words', () => {
    expect(describeRechargeError({ code: 'CARRIER_RATE_LIMITED', message: 'x' })).toBe(
      '操作过于频繁，请稍后再试！',
    )
    expect(
      describeRechargeError({
        code: 'CARRIER_REJECTED',
        message: 'x',
        details: { carrierMessage: '账户不存在' },
      }),
    ).toBe('缴费失败，运营商拒绝了此次充值：账户不存在')
    expect(describeRechargeError({ code: 'CARRIER_TIMEOUT', message: 'x' })).toMatch(/^运营商接口响应超时/)
    expect(describeRechargeError({ code: 'SOMETHING_NEW', message: 'server says' })).toBe('server says')
  })

  it('places field errors on the form’s own fields only', () => {
    const fields = ['amount', 'accountId']
    const amount = rechargeFieldErrors(
      {
        code: 'AMOUNT_INVALID',
        message: 'x',
        details: { fields: [{ field: 'amount', message: 'must be 1–500' }] },
      },
      fields,
      { min: '1.00', max: '500.00' },
    )
    expect([...amount]).toEqual([['amount', '充值金额须在 1.00–500.00 元之间，最多两位小数']])
    const validation = rechargeFieldErrors(
      {
        code: 'VALIDATION_FAILED',
        message: 'x',
        details: {
          fields: [
            { field: 'accountId', message: 'must NOT have more than 64 characters' },
            { field: 'idempotency-key', message: 'bad' },
          ],
        },
      },
      fields,
    )
    expect([...validation]).toEqual([['accountId', 'must NOT have more than 64 characters']])
  })
})
