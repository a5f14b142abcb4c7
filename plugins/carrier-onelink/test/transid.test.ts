import { describe, expect, it } from 'vitest'
import { chinaMonthOf, chinaTimestamp, parseChinaTime } from '../src/china-time.js'
import { formatTransid, TransidSource } from '../src/transid.js'

/** 2024-01-02 03:04:05 in Beijing is 2024-01-01 19:04:05 UTC. */
const beijing030405 = new Date('2024-01-01T19:04:05Z')

describe('transid', () => {
  it('is appid + yyyyMMddHHmmss in Beijing time + 8-digit sequence (the documented vector)', () => {
    expect(formatTransid('200001', beijing030405, '00000001')).toBe('2000012024010203040500000001')
    expect(new TransidSource('200001', () => beijing030405).next()).toBe('2000012024010203040500000001')
  })

  it('uses the 24-hour clock and Beijing date, not the host time zone', () => {
    // 15:30:00 UTC is 23:30:00 Beijing; 16:30 UTC is already the next day there.
    expect(formatTransid('9', new Date('2024-03-05T15:30:00Z'), '00000002')).toBe('92024030523300000000002')
    expect(formatTransid('9', new Date('2024-03-05T16:30:00Z'), '00000002')).toBe('92024030600300000000002')
  })

  it('counts up, and puts a configured 2-digit instance id before a 6-digit counter', () => {
    const plain = new TransidSource('200001', () => beijing030405)
    expect([plain.next(), plain.next()].map((id) => id.slice(-8))).toEqual(['00000001', '00000002'])
    const worker = new TransidSource('200001', () => beijing030405, '07')
    expect(worker.next()).toBe('2000012024010203040507000001')
    expect(() => new TransidSource('200001', () => beijing030405, '7')).toThrow(/two digits/)
    expect(() => formatTransid('200001', beijing030405, '1')).toThrow(/8/)
  })
})

describe('Beijing time helpers', () => {
  it('reads OneLink stamps in Beijing time and rejects impossible dates', () => {
    expect(parseChinaTime('20240102030405')?.toISOString()).toBe('2024-01-01T19:04:05.000Z')
    expect(parseChinaTime('2024-01-02 03:04:05')?.toISOString()).toBe('2024-01-01T19:04:05.000Z')
    expect(parseChinaTime('20240102')?.toISOString()).toBe('2024-01-01T16:00:00.000Z')
    expect(parseChinaTime('20241302')).toBeNull()
    expect(parseChinaTime(' ')).toBeNull()
    expect(chinaTimestamp(beijing030405)).toBe('20240102030405')
  })

  it('gives the Beijing calendar month', () => {
    const { start, end } = chinaMonthOf(new Date('2024-01-31T17:00:00Z')) // 2024-02-01 01:00 Beijing
    expect(new Date(start).toISOString()).toBe('2024-01-31T16:00:00.000Z')
    expect(new Date(end).toISOString()).toBe('2024-02-29T16:00:00.000Z')
  })
})
