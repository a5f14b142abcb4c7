import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { cmp5gHeaders } from '../src/cmp5g/client.js'
import { cmp5gSign, sortedQueryOf, utcTimestamp } from '../src/cmp5g/sign.js'
import { endpointOf, legacyQuery } from '../src/legacy/client.js'
import { legacySign, signedValuesOf } from '../src/legacy/sign.js'
import { keyPartsOf, strDec, strEnc } from '../src/legacy/str-enc.js'
import type { Cmp5gSettings, LegacySettings } from '../src/settings.js'

const legacy: LegacySettings = {
  generation: 'legacy',
  baseUrl: 'http://ct.test/m2m_ec/',
  userId: 'testuser',
  password: 'Passw0rd',
  secretKey: 'ABC123xyz',
  paramStyle: 'user_id',
}

describe('legacy sign', () => {
  it('signs the sorted values of queryCardMainStatus (vector a)', () => {
    const values = signedValuesOf(
      'queryCardMainStatus',
      { iccid: '8986031540252055237' },
      'testuser',
      'Passw0rd',
    )
    expect(values && [...values].sort().join(',')).toBe(
      '8986031540252055237,Passw0rd,queryCardMainStatus,testuser',
    )
    expect(legacySign(values ?? [], 'ABC123xyz')).toMatch(/^D9162ACF1229CC70/)
  })

  it('puts the empty acctCd of disabledNumber first, giving a leading comma', () => {
    const values =
      signedValuesOf(
        'disabledNumber',
        { access_number: '14912345678', acctCd: '', orderTypeId: '19' },
        'testuser',
        'Passw0rd',
      ) ?? []
    const joined = [...values].sort().join(',')
    expect(joined).toBe(',14912345678,19,Passw0rd,disabledNumber,testuser')
    expect(strDec(legacySign(values, 'ABC123xyz'), ...keyPartsOf('ABC123xyz'))).toBe(joined)
  })

  it('sorts by UTF-16 code units: digits, then upper case, then lower case', () => {
    const values =
      signedValuesOf('singleCutNet', { access_number: '1064900000000', action: 'ADD' }, 'user', 'Pw') ?? []
    expect([...values].sort()).toEqual(['1064900000000', 'ADD', 'Pw', 'singleCutNet', 'user'])
  })

  it('signs only user, password and method for getSIMList (pageIndex is not signed)', () => {
    expect(signedValuesOf('getSIMList', { pageIndex: '2' }, 'u', 'p')).toEqual(['u', 'p', 'getSIMList'])
  })

  it('has no sign for unknown methods or when a signed parameter is missing', () => {
    expect(signedValuesOf('noSuchMethod', {}, 'u', 'p')).toBeUndefined()
    expect(signedValuesOf('disabledNumber', { access_number: '1' }, 'u', 'p')).toBeUndefined()
  })
})

describe('legacy request building', () => {
  it('sends method, user_id, strEnc password, sign and the method parameters', () => {
    const query = legacyQuery(legacy, 'queryCardMainStatus', { iccid: '8986031540252055237' })
    expect(query.get('method')).toBe('queryCardMainStatus')
    expect(query.get('user_id')).toBe('testuser')
    expect(query.get('passWord')).toBe('93EECC0709F62729D2FD930D988EF04F')
    expect(query.get('sign')).toBe(
      strEnc('8986031540252055237,Passw0rd,queryCardMainStatus,testuser', 'ABC', '123', 'xyz'),
    )
    expect(query.get('iccid')).toBe('8986031540252055237')
  })

  it('uses userId / password when the account takes that spelling', () => {
    const query = legacyQuery({ ...legacy, paramStyle: 'userId' }, 'getTelephone', {
      iccid: '8986031540252055237',
    })
    expect([...query.keys()]).toEqual(['method', 'userId', 'password', 'sign', 'iccid'])
  })

  it('keeps acctCd present and empty for disabledNumber', () => {
    const query = legacyQuery(legacy, 'disabledNumber', {
      access_number: '14912345678',
      acctCd: '',
      orderTypeId: '19',
    })
    expect(query.toString()).toContain('acctCd=&orderTypeId=19')
  })

  it('refuses to build a request it cannot sign', () => {
    expect(() => legacyQuery(legacy, 'noSuchMethod', {})).toThrow(/no sign rule/)
  })

  it('routes service actions to serviceAccept.do and the rest to query.do', () => {
    expect(endpointOf('speedLimitAction')).toBe('app/serviceAccept.do')
    expect(endpointOf('disabledNumber')).toBe('query.do')
  })
})

/** An independent reading of reference §3.1, written with node:crypto only. */
function independentSign(
  query: Record<string, string>,
  body: string,
  secret: string,
  timestamp: string,
): string {
  const sorted = Object.entries(query)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&')
  const md5 = createHash('md5')
    .update(sorted + body + secret + timestamp)
    .digest('hex')
  return Array.from(md5, (character) => character.charCodeAt(0).toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase()
}

describe('5G CMP Sign', () => {
  it('matches vector (b) of the reference', () => {
    const query = sortedQueryOf({ b: '2', a: '1' })
    expect(query).toBe('a=1&b=2')
    expect(cmp5gSign(query, '{"iccid":"8986031540252055237"}', 's3cretKey42', '20240102030405')).toBe(
      '6263643537356234326433623462333131623735363433396435383236326335',
    )
  })

  it('agrees with an independent implementation', () => {
    const query = { access_number: '1064912345678', acctCd: '', orderTypeId: '20' }
    const body = '{"accessNumber":["14912345678"],"custNumber":"C001"}'
    expect(cmp5gSign(sortedQueryOf(query), body, 'secret', '20260101000000')).toBe(
      independentSign(query, body, 'secret', '20260101000000'),
    )
  })

  it('writes the Timestamp in UTC, not Beijing time', () => {
    expect(utcTimestamp(new Date('2024-01-02T03:04:05.678Z'))).toBe('20240102030405')
  })

  it('builds AppKey, Timestamp and Sign headers, shifting the Timestamp by the clock correction', () => {
    const settings: Cmp5gSettings = {
      generation: 'cmp5g',
      baseUrl: 'https://gw.test',
      appKey: 'key',
      secretKey: 's3cretKey42',
      clockSkewSeconds: 60,
    }
    const headers = cmp5gHeaders(
      settings,
      { b: '2', a: '1' },
      '{"iccid":"8986031540252055237"}',
      new Date('2024-01-02T03:03:05Z'),
    )
    expect(headers).toMatchObject({
      AppKey: 'key',
      Timestamp: '20240102030405',
      Sign: '6263643537356234326433623462333131623735363433396435383236326335',
      'Content-Type': 'application/json',
    })
  })
})
