import type { Lifecycle, StateAction } from '@simops/carrier-sdk'
import { describe, expect, it } from 'vitest'
import {
  ctStatuses,
  fenToYuan,
  kbToBytes,
  paymentTypes,
  pbStatuses,
  toCardStatus,
  toDate,
  toOperType,
  toPlatform,
  toRechargeStatus,
  toStopReason,
} from '../src/mappers.js'

describe('status mapping', () => {
  it.each([
    ['1', 'ready', '待激活'],
    ['2', 'active', '已激活'],
    ['4', 'suspended', '停机'],
    ['6', 'test', '可测试'],
    ['7', 'inventory', '库存'],
    ['8', 'pending_termination', '预销户'],
    ['9', 'terminated', '已销户'],
  ])('CT %s → %s (%s)', (code, lifecycle, label) => {
    const status = toCardStatus(code, 'CT')
    expect(status.lifecycle).toBe(lifecycle)
    expect(status.carrierStatus).toEqual({ code, label: { 'zh-CN': label, en: expect.any(String) } })
    expect(status.block).toBeNull()
  })

  it.each([
    ['00', 'active', '正常', null],
    ['01', 'suspended', '单向停机', 'other'],
    ['02', 'suspended', '停机', null],
    ['03', 'pending_termination', '预销号', null],
    ['04', 'terminated', '销号', null],
    ['05', 'terminated', '过户', null],
    ['06', 'suspended', '休眠', 'dormant'],
    ['07', 'ready', '待激活', null],
    ['99', 'unknown', '号码不存在', null],
  ])('PB %s → %s (%s, block %s)', (code, lifecycle, label, block) => {
    const status = toCardStatus(code, 'PB')
    expect(status.lifecycle).toBe(lifecycle)
    expect(status.carrierStatus.label['zh-CN']).toBe(label)
    expect(status.block).toBe(block)
    expect(status.numberGone).toBe(code === '99')
  })

  it('covers every documented code once, and keeps unknown codes visible as unknown', () => {
    expect(Object.keys(ctStatuses).sort()).toEqual(['1', '2', '4', '6', '7', '8', '9'])
    expect(Object.keys(pbStatuses)).toHaveLength(9)
    for (const code of ['3', '5'])
      expect(toCardStatus(code, 'CT')).toMatchObject({ lifecycle: 'unknown', carrierStatus: { code } })
  })

  it('tells the tables apart by platformType, or by code length without one', () => {
    expect(toPlatform('OneLink-PB')).toBe('PB')
    expect(toPlatform('OneLink-CT')).toBe('CT')
    expect(toPlatform('')).toBeNull()
    expect(toCardStatus('02', null).lifecycle).toBe('suspended')
    expect(toCardStatus('2', null).lifecycle).toBe('active')
    // The platform wins over the length heuristic.
    expect(toCardStatus('07', 'CT').lifecycle).toBe('unknown')
  })
})

describe('operType choice (single-card 23S03)', () => {
  it.each<[StateAction, Lifecycle, string | undefined]>([
    ['activate', 'ready', '6'],
    ['activate', 'inventory', '2'],
    ['activate', 'test', '5'],
    ['suspend', 'active', '0'],
    ['resume', 'suspended', '1'],
    ['activate', 'active', undefined],
    ['suspend', 'ready', undefined],
    ['resume', 'active', undefined],
  ])('%s from %s → %s', (action, from, operType) => {
    expect(toOperType(action, from)).toBe(operType)
  })
})

describe('units and values', () => {
  it('converts KB strings to bytes and reads " " as no figure, never NaN', () => {
    expect(kbToBytes('1234.56')).toEqual({ bytes: 1264189, reported: true })
    expect(kbToBytes('0')).toEqual({ bytes: 0, reported: true })
    expect(kbToBytes(' ')).toEqual({ bytes: 0, reported: false })
    expect(kbToBytes(undefined)).toEqual({ bytes: 0, reported: false })
    expect(kbToBytes('abc')).toBeNull()
  })

  it('writes chargeMoney in 元 with two decimals from fen', () => {
    expect(fenToYuan(100)).toBe('1.00')
    expect(fenToYuan(50_000)).toBe('500.00')
    expect(fenToYuan(1005)).toBe('10.05')
    expect(() => fenToYuan(10.5)).toThrow()
  })

  it('maps payment methods to the hyphenated wire values', () => {
    expect(paymentTypes).toEqual({
      ALIPAY_WAP: 'ALIPAY-WAP',
      ALIPAY_WEB: 'ALIPAY-WEB',
      WEIXIN_JSAPI: 'WEIXIN-JSAPI',
      WEIXIN_NATIVE: 'WEIXIN-NATIVE',
    })
  })

  it('reads dates and recharge order states', () => {
    expect(toDate('20240102030405')?.toISOString()).toBe('2024-01-01T19:04:05.000Z')
    expect(toDate(' ')).toBeNull()
    expect(['1', '2', '3', '9'].map(toRechargeStatus)).toEqual(['pending', 'paid', 'failed', undefined])
  })
})

describe('stop reasons (25S02 bit positions)', () => {
  it('reads a customer stop as resumable', () => {
    expect(toStopReason('000000002000', null)).toEqual({
      initiator: 'customer',
      block: null,
      text: '主动（申请）双向停机',
      resumable: true,
    })
  })

  it.each([
    ['200000000000', 'expired'],
    ['020000000000', 'imei_mismatch'],
    ['000200000000', 'operator_admin'],
    ['000020000000', 'balance'],
    ['000000000200', 'other'],
    ['000000000020', 'operator_admin'],
    ['000000200000', 'other'],
  ])('reads carrier stop %s as block %s, not resumable', (bits, block) => {
    expect(toStopReason(bits, null)).toMatchObject({ initiator: 'carrier', block, resumable: false })
  })

  it('treats a customer stop stacked with a carrier stop as the carrier’s, and all zeros as unknown', () => {
    expect(toStopReason('000020002000', '信控停机')).toEqual({
      initiator: 'carrier',
      block: 'balance',
      text: '信控停机',
      resumable: false,
    })
    expect(toStopReason('000000000000', null)).toMatchObject({ initiator: 'unknown', resumable: false })
  })
})
