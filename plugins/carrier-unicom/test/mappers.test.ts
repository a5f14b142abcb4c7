import { describe, expect, it } from 'vitest'
import { billingCycleOf } from '../src/billing-cycle.js'
import { readTerminals, toBlock, toCardInfo, toCardLookups, toStatus, toUsage } from '../src/mappers.js'
import type { ReplyData } from '../src/protocol.js'

describe('simStatus → lifecycle', () => {
  it.each([
    ['0', 'test', '可测试'],
    ['1', 'ready', '可激活'],
    ['2', 'active', '已激活'],
    ['3', 'suspended', '已停用'],
    ['4', 'terminated', '已失效'],
    ['5', 'terminated', '已清除'],
    ['6', 'terminated', '已更换'],
    ['7', 'inventory', '库存'],
    ['8', 'ready', '开始'],
    ['9', 'pending_termination', '预清除'],
  ] as const)('%s → %s, label %s kept verbatim', (code, lifecycle, zh) => {
    const status = toStatus(code)
    expect(status.lifecycle).toBe(lifecycle)
    expect(status.carrierStatus.code).toBe(code)
    expect(status.carrierStatus.label['zh-CN']).toBe(zh)
    expect(status.carrierStatus.label.en).not.toBe('')
  })

  it('an unknown code reads as unknown with the raw code shown', () => {
    expect(toStatus('42')).toEqual({
      lifecycle: 'unknown',
      carrierStatus: { code: '42', label: { 'zh-CN': '未知状态 42', en: 'Unknown status 42' } },
    })
  })
})

describe('terminals', () => {
  const terminal = {
    iccid: '89860611223344556675',
    imsi: '460011234567890',
    msisdn: '1461234567890',
    imei: '',
    simStatus: '2',
    dateActivated: '2024-01-02 03:04:05',
    monthToDateDataUsage: '1.5',
    overageLimitReached: 'false',
    realNameStatus: '2',
  }

  it('maps identifiers (blank → null), status, activation date in Beijing time and no hold', () => {
    expect(toCardInfo(terminal)).toEqual({
      iccid: '89860611223344556675',
      msisdn: '1461234567890',
      imsi: '460011234567890',
      imei: null,
      lifecycle: 'active',
      carrierStatus: { code: '2', label: { 'zh-CN': '已激活', en: 'Activated (ACTIVATED)' } },
      block: null,
      activatedAt: new Date('2024-01-01T19:04:05Z'),
      platformType: null,
    })
  })

  it.each([
    [{ overageLimitReached: 'true' }, 'data_cap'],
    [{ overageLimitReached: 'TRUE', realNameStatus: '1' }, 'data_cap'],
    [{ realNameStatus: '1' }, 'real_name'],
    [{ realNameStatus: '0' }, null],
    [{}, null],
  ] as const)('hold of %o is %s', (fields, block) => {
    expect(toBlock({ iccid: 'x', ...fields })).toBe(block)
  })

  it('answers every requested ICCID in request order, unknown ones as not found', () => {
    const other = { ...terminal, iccid: '89860900000000000001', simStatus: '3' }
    const lookups = toCardLookups(['89860000000000000000', other.iccid, terminal.iccid], [terminal, other])
    expect(lookups.map((lookup) => [lookup.iccid, lookup.found])).toEqual([
      ['89860000000000000000', false],
      [other.iccid, true],
      [terminal.iccid, true],
    ])
  })

  it('reads terminals as text, treating a missing list as none and refusing a broken one', () => {
    const data = (terminals: unknown) =>
      ({ messageId: 'm', version: '1.0', resultCode: '0000', timestamp: '', terminals }) as ReplyData
    expect(readTerminals(data([{ iccid: 'a', ctdSessionCount: 3, simStatus: 2 }]))).toEqual([
      { iccid: 'a', ctdSessionCount: '3', simStatus: '2' },
    ])
    expect(readTerminals(data(undefined))).toEqual([])
    expect(() => readTerminals(data('x'))).toThrow(expect.objectContaining({ code: 'protocol' }))
    expect(() => readTerminals(data([{ simStatus: '2' }]))).toThrow(
      expect.objectContaining({ code: 'protocol' }),
    )
  })
})

describe('usage', () => {
  const now = new Date('2030-01-01T00:00:00Z')

  it('converts cycle-to-date MB to bytes, dated by the gateway timestamp', () => {
    const usage = toUsage({ iccid: 'a', monthToDateDataUsage: '12.5' }, '2024-03-10 12:00:00 000', now, 27)
    expect(usage).toEqual({
      periodStart: new Date('2024-02-26T16:00:00Z'),
      periodEnd: new Date('2024-03-26T16:00:00Z'),
      usedBytes: 13_107_200,
      totalBytes: null,
      remainingBytes: null,
      asOf: new Date('2024-03-10T04:00:00Z'),
      daily: null,
    })
  })

  it('reads a blank figure as nothing used, uses its own clock without a gateway timestamp', () => {
    const usage = toUsage({ iccid: 'a', monthToDateDataUsage: ' ' }, '', now, 27)
    expect(usage.usedBytes).toBe(0)
    expect(usage.asOf).toBe(now)
  })

  it('refuses a figure that is not MB', () => {
    expect(() => toUsage({ iccid: 'a', monthToDateDataUsage: '12MB' }, '', now, 27)).toThrow(
      expect.objectContaining({ code: 'protocol' }),
    )
  })
})

describe('billing cycle (27th → 26th, Beijing time)', () => {
  it.each([
    // 26th 23:59 Beijing is still the cycle that began on the 27th of the month before.
    ['2024-03-26T15:59:59.999Z', '2024-02-26T16:00:00Z', '2024-03-26T16:00:00Z'],
    // 27th 00:00 Beijing (26th 16:00 UTC) starts a new cycle.
    ['2024-03-26T16:00:00Z', '2024-03-26T16:00:00Z', '2024-04-26T16:00:00Z'],
    // Early January belongs to the cycle that began on 27 December.
    ['2024-01-05T00:00:00Z', '2023-12-26T16:00:00Z', '2024-01-26T16:00:00Z'],
    // Late December runs into January of the next year.
    ['2023-12-30T00:00:00Z', '2023-12-26T16:00:00Z', '2024-01-26T16:00:00Z'],
  ])('%s lies in [%s, %s)', (instant, start, end) => {
    expect(billingCycleOf(new Date(instant), 27)).toEqual({ start: new Date(start), end: new Date(end) })
  })

  it('follows a configured start day', () => {
    expect(billingCycleOf(new Date('2024-03-10T00:00:00Z'), 1)).toEqual({
      start: new Date('2024-02-29T16:00:00Z'),
      end: new Date('2024-03-31T16:00:00Z'),
    })
  })
})
