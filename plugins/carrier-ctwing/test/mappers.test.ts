import { CarrierError, chinaMonthOf } from '@simops/carrier-sdk'
import { describe, expect, it } from 'vitest'
import {
  accessNumberFrom,
  apiIccidOf,
  bytesFromUnitText,
  needsActivationInstead,
  stateChangeCallOf,
  statusTable,
  toCardInfo,
  toCarrierStatus,
  toUsageResult,
  transactionIdOf,
} from '../src/mappers.js'
import { envelopeOf } from '../src/wire/envelope.js'
import { parseReply } from '../src/wire/reply.js'

const envelope = (body: string) => envelopeOf(parseReply(body))

describe('status codes (reference §2.7)', () => {
  it.each([
    ['1', '可激活', 'ready', null, 'beActivated'],
    ['2', '测试激活', 'test', null, 'testActivation'],
    ['3', '测试去激活', 'test_suspended', null, 'testToActivation'],
    ['4', '在用', 'active', null, 'using'],
    ['5', '停机', 'suspended', null, 'deactivate'],
    ['6', '运营商管理状态', 'suspended', 'operator_admin', 'operatorManagement'],
    ['7', '拆机', 'terminated', null, 'disassemble'],
  ])('%s %s → %s', (code, zh, lifecycle, block, jetlinks) => {
    expect(statusTable[code]).toMatchObject({ lifecycle, block, jetlinks, label: { 'zh-CN': zh } })
    const mapped = toCarrierStatus(code, zh)
    expect(mapped).toMatchObject({ lifecycle, block, carrierStatus: { code, label: { 'zh-CN': zh } } })
    expect(mapped.carrierStatus.label.en).not.toBe('')
  })

  it("keeps the carrier's own wording verbatim and fills in the table's when it sends none", () => {
    expect(toCarrierStatus('4', '在用（正常）').carrierStatus.label['zh-CN']).toBe('在用（正常）')
    expect(toCarrierStatus('4', '').carrierStatus.label['zh-CN']).toBe('在用')
  })

  it('shows an unknown code as unknown instead of failing', () => {
    expect(toCarrierStatus('9', undefined)).toEqual({
      lifecycle: 'unknown',
      block: null,
      carrierStatus: { code: '9', label: { 'zh-CN': '未知状态 9', en: 'Unknown status 9' } },
    })
  })
})

describe('card info', () => {
  it('reads the legacy queryCardMainStatus JSON', () => {
    const card = toCardInfo(
      '89860315402520552370',
      '14912345678',
      envelope(
        '{"resultCode":"0","resultMsg":"处理成功！","productInfo":[{"productMainStatusCd":"5","productMainStatusName":"停机"}]}',
      ),
    )
    expect(card).toEqual({
      iccid: '89860315402520552370',
      msisdn: '14912345678',
      imsi: null,
      imei: null,
      lifecycle: 'suspended',
      carrierStatus: { code: '5', label: { 'zh-CN': '停机', en: 'Suspended' } },
      block: null,
      activatedAt: null,
      platformType: null,
    })
  })

  it('reads a 5G data cut (已断网) as block data_cut without changing the lifecycle', () => {
    const body = (net: string) =>
      `{"result":"0","netBlockStatusName":"${net}","productInfo":[{"productMainStatusCd":4,"productMainStatusName":"在用"}]}`
    expect(toCardInfo('x', '1', envelope(body('已断网')))).toMatchObject({
      lifecycle: 'active',
      block: 'data_cut',
    })
    expect(toCardInfo('x', '1', envelope(body('未断网')))).toMatchObject({ lifecycle: 'active', block: null })
  })

  it('refuses a status reply without productInfo', () => {
    expect(() => toCardInfo('x', '1', envelope('{"resultCode":"0","productInfo":[]}'))).toThrow(CarrierError)
  })

  it('reads the access number from getTelephone and refuses anything else', () => {
    expect(accessNumberFrom(envelope('{"RESULT":"0","SMSG":"1064912345678"}'))).toBe('1064912345678')
    expect(() => accessNumberFrom(envelope('{"RESULT":"0","SMSG":"成功"}'))).toThrow(/not an access number/)
  })

  it('finds the transaction reference in XML and JSON replies', () => {
    expect(
      transactionIdOf(
        envelope(
          '<SvcCont><Response><RspCode>0000</RspCode></Response><GROUP_TRANSACTIONID>77</GROUP_TRANSACTIONID></SvcCont>',
        ),
      ),
    ).toBe('77')
    expect(transactionIdOf(envelope('{"resultCode":"0","groupTransactionId":"88"}'))).toBe('88')
    expect(transactionIdOf(envelope('{"RESULT":"0","SMSG":"成功"}'))).toBeNull()
  })
})

describe('ICCIDs', () => {
  it('sends the 19-digit form for 19 digits, 20 digits and a letter suffix', () => {
    expect(apiIccidOf('8986031987654321012')).toBe('8986031987654321012')
    expect(apiIccidOf('89860319876543210124')).toBe('8986031987654321012')
    expect(apiIccidOf('8986031987654321012h')).toBe('8986031987654321012')
  })

  it('refuses what is no Chinese ICCID', () => {
    expect(apiIccidOf('8986061122334455667A5')).toBeUndefined()
    expect(apiIccidOf('1234')).toBeUndefined()
  })
})

describe('units', () => {
  it.each([
    ['12.50MB', 13_107_200],
    ['0.00MB', 0],
    ['512KB', 524_288],
    ['1.5 GB', 1_610_612_736],
    ['100B', 100],
    ['2tb', 2 * 1024 ** 4],
  ])('%s → %d bytes', (text, bytes) => {
    expect(bytesFromUnitText(text)).toBe(bytes)
  })

  it.each(['', ' ', '12.5', 'MB', '12.5 元', '-1MB'])('%j is no figure', (text) => {
    expect(bytesFromUnitText(text)).toBeNull()
  })
})

describe('usage', () => {
  it('gives month-to-date bytes for the calendar month in China time', () => {
    // 2024-05-31T17:00Z is already 1 June in Beijing.
    const now = new Date('2024-05-31T17:00:00Z')
    const usage = toUsageResult(
      envelope('<root><IRESULT>0</IRESULT><TOTAL_BYTES_CNT>12.50MB</TOTAL_BYTES_CNT></root>'),
      now,
    )
    expect(usage).toEqual({
      periodStart: new Date('2024-05-31T16:00:00Z'),
      periodEnd: new Date('2024-06-30T16:00:00Z'),
      usedBytes: 13_107_200,
      totalBytes: null,
      remainingBytes: null,
      asOf: now,
      daily: null,
    })
  })

  it('refuses a figure without a unit', () => {
    expect(() =>
      toUsageResult(
        envelope('<root><IRESULT>0</IRESULT><TOTAL_BYTES_CNT>12.5</TOTAL_BYTES_CNT></root>'),
        new Date(),
      ),
    ).toThrow(/TOTAL_BYTES_CNT/)
  })

  it('rolls the month over at midnight Beijing time, across the year', () => {
    expect(chinaMonthOf(new Date('2024-12-31T16:00:00Z'))).toEqual({
      start: new Date('2024-12-31T16:00:00Z'),
      end: new Date('2025-01-31T16:00:00Z'),
    })
  })
})

describe('state change calls', () => {
  it.each([
    ['activate', 'ready', { method: 'requestServActive' }],
    ['suspend', 'active', { method: 'disabledNumber', orderTypeId: '19' }],
    ['resume', 'suspended', { method: 'disabledNumber', orderTypeId: '20' }],
    ['suspend', 'test', { method: 'disabledNumber', orderTypeId: '21' }],
    ['resume', 'test_suspended', { method: 'disabledNumber', orderTypeId: '22' }],
    ['activate', 'suspended', undefined],
    ['suspend', 'ready', undefined],
    ['resume', 'active', undefined],
  ] as const)('%s from %s', (action, from, call) => {
    expect(stateChangeCallOf(action, from)).toEqual(call)
  })

  it('falls back to requestServActive only for a resume refused with 100008', () => {
    const refused = new CarrierError('invalidState', 'x', { carrierCode: '100008' })
    expect(needsActivationInstead(refused, { method: 'disabledNumber', orderTypeId: '20' })).toBe(true)
    expect(needsActivationInstead(refused, { method: 'disabledNumber', orderTypeId: '19' })).toBe(false)
    expect(
      needsActivationInstead(new CarrierError('rejected', 'x', { carrierCode: '9999' }), {
        method: 'disabledNumber',
        orderTypeId: '20',
      }),
    ).toBe(false)
  })
})
