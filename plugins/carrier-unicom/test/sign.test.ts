import type * as NodeCrypto from 'node:crypto'
import { describe, expect, it, vi } from 'vitest'
import { formatBeijingDateTime, formatGatewayTimestamp, parseBeijingTime } from '../src/beijing-time.js'
import { gatewayToken, newTransId, signingString, signRequest } from '../src/sign.js'
import { nodeHasSm3, sm3Hex, sm3HexPortable } from '../src/sm3.js'

/** GB/T 32905-2016 appendix A samples. */
const samples = [
  { input: 'abc', hash: '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0' },
  {
    input: 'abcd'.repeat(16),
    hash: 'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732',
  },
]

describe('SM3', () => {
  it.each(samples)('the portable implementation hashes the standard sample $input', ({ input, hash }) => {
    expect(sm3HexPortable(input)).toBe(hash)
  })

  it('the portable implementation agrees with node:crypto across block boundaries and UTF-8', () => {
    if (!nodeHasSm3) return
    for (const input of ['', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), 'x'.repeat(1000), '联通物联网'])
      expect(sm3HexPortable(input)).toBe(sm3Hex(input))
  })

  it('falls back to the portable implementation when node:crypto has no SM3', async () => {
    vi.resetModules()
    vi.doMock('node:crypto', async (importOriginal) => {
      const actual = await importOriginal<typeof NodeCrypto>()
      return {
        ...actual,
        getHashes: () => actual.getHashes().filter((name) => name !== 'sm3'),
        createHash: (algorithm: string) => {
          if (algorithm === 'sm3') throw new Error('Digest method not supported')
          return actual.createHash(algorithm)
        },
      }
    })
    try {
      const withoutSm3 = await import('../src/sm3.js')
      expect(withoutSm3.nodeHasSm3).toBe(false)
      expect(withoutSm3.sm3Hex('abc')).toBe(samples[0]?.hash)
    } finally {
      vi.doUnmock('node:crypto')
      vi.resetModules()
    }
  })

  it.each(samples)('sm3Hex (node:crypto when available) hashes $input', ({ input, hash }) => {
    expect(sm3Hex(input)).toBe(hash)
  })
})

describe('token', () => {
  it('reproduces the reference vector', () => {
    const timestamp = '2024-01-02 03:04:05 678'
    const transId = '20240102030405678123456'
    expect(signingString('APPID123', timestamp, transId, 'SECRETxyz')).toBe(
      'app_idAPPID123timestamp2024-01-02 03:04:05 678trans_id20240102030405678123456SECRETxyz',
    )
    expect(gatewayToken('APPID123', timestamp, transId, 'SECRETxyz')).toBe(
      '620ea1b58a73fa94da4bd6bc6a58ef044d591358730c602d49eff56f293a5513',
    )
  })

  it('signs a request at a given moment with Beijing time and a matching token', () => {
    // 19:04:05.678 UTC on 1 January is 03:04:05.678 on 2 January in Beijing.
    const signed = signRequest('APPID123', 'SECRETxyz', new Date('2024-01-01T19:04:05.678Z'))
    expect(signed.app_id).toBe('APPID123')
    expect(signed.timestamp).toBe('2024-01-02 03:04:05 678')
    expect(signed.trans_id).toMatch(/^20240102030405678\d{6}$/)
    expect(signed.token).toBe(gatewayToken('APPID123', signed.timestamp, signed.trans_id, 'SECRETxyz'))
  })
})

describe('timestamp and trans_id', () => {
  it('writes a space before the milliseconds, in Beijing time, zero-padded', () => {
    expect(formatGatewayTimestamp(new Date('2023-12-31T16:00:00.007Z'))).toBe('2024-01-01 00:00:00 007')
    expect(formatBeijingDateTime(new Date('2023-12-31T16:00:00.007Z'))).toBe('2024-01-01 00:00:00')
  })

  it('makes 23-digit trans_ids, zero-padding the random tail', () => {
    const instant = new Date('2024-01-01T19:04:05.678Z')
    expect(newTransId(instant, () => 42)).toBe('20240102030405678000042')
    expect(newTransId(instant, () => 999_999)).toBe('20240102030405678999999')
    expect(newTransId(instant)).toMatch(/^\d{23}$/)
  })

  it('reads Beijing times with a space, a dot or no milliseconds, and refuses others', () => {
    const expected = new Date('2024-01-01T19:04:05.678Z')
    expect(parseBeijingTime('2024-01-02 03:04:05 678')).toEqual(expected)
    expect(parseBeijingTime('2024-01-02 03:04:05.678')).toEqual(expected)
    expect(parseBeijingTime('2024-01-02 03:04:05')).toEqual(new Date('2024-01-01T19:04:05Z'))
    for (const bad of [
      '',
      ' ',
      '2024-02-30 00:00:00',
      '2024-01-02',
      '02/01/2024 03:04:05',
      '2024-13-01 00:00:00',
    ])
      expect(parseBeijingTime(bad)).toBeNull()
  })
})
