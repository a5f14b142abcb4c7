import { describe, expect, it } from 'vitest'
import { desBlock } from '../src/legacy/des-core.js'
import { keyPartsOf, strDec, strEnc, textToBlocks } from '../src/legacy/str-enc.js'

const bytes = (hex: string) => Uint8Array.from(Buffer.from(hex, 'hex'))
const hexOf = (block: Uint8Array) => Buffer.from(block).toString('hex').toUpperCase()

describe('DES core', () => {
  // Published known-answer tests for textbook DES (FIPS 46-3 schedule).
  it.each([
    ['133457799BBCDFF1', '0123456789ABCDEF', '85E813540F0AB405'],
    ['0E329232EA6D0D73', '8787878787878787', '0000000000000000'],
    ['0101010101010101', '95F8A5E5DD31D900', '8000000000000000'],
  ])('standard DES: key %s, plaintext %s → %s, and back', (key, plain, cipher) => {
    expect(hexOf(desBlock(bytes(plain), bytes(key), 'encrypt', 'fips'))).toBe(cipher)
    expect(hexOf(desBlock(bytes(cipher), bytes(key), 'decrypt', 'fips'))).toBe(plain)
  })

  it("CT's key schedule equals standard DES fed with the permuted key (reference §2.3)", () => {
    const block = bytes('0050006100730073') // "Pass"
    const pairs: Array<[string, string]> = [
      ['ABC', '0048005000400000'],
      ['123', '0028003000320002'],
      ['xyz', '006A006000760006'],
    ]
    for (const [key, permuted] of pairs) {
      const [keyBlock] = textToBlocks(key)
      expect(hexOf(desBlock(block, keyBlock ?? new Uint8Array(8), 'encrypt', 'ctVariant'))).toBe(
        hexOf(desBlock(block, bytes(permuted), 'encrypt', 'fips')),
      )
    }
  })

  it('differs from plain DES with the unpermuted key', () => {
    const [keyBlock] = textToBlocks('ABC')
    const key = keyBlock ?? new Uint8Array(8)
    const block = bytes('0050006100730073')
    expect(hexOf(desBlock(block, key, 'encrypt', 'ctVariant'))).not.toBe(
      hexOf(desBlock(block, key, 'encrypt', 'fips')),
    )
  })
})

describe('strEnc / strDec (vector a)', () => {
  const keys = keyPartsOf('ABC123xyz')

  it('cuts the 9-character secret into three keys', () => {
    expect(keys).toEqual(['ABC', '123', 'xyz'])
  })

  it('writes UTF-16 units big-endian, four per zero-padded block', () => {
    expect(textToBlocks('ABC').map(hexOf)).toEqual(['0041004200430000'])
    expect(textToBlocks('Passw0rd').map(hexOf)).toEqual(['0050006100730073', '0077003000720064'])
    expect(textToBlocks('')).toEqual([])
  })

  it('encrypts each block with key1, then key2, then key3', () => {
    const [pass] = textToBlocks('Pass')
    const afterAbc = desBlock(
      pass ?? new Uint8Array(8),
      textToBlocks('ABC')[0] ?? new Uint8Array(8),
      'encrypt',
      'ctVariant',
    )
    expect(hexOf(afterAbc)).toBe('455A9B88793F8AC9')
    const after123 = desBlock(afterAbc, textToBlocks('123')[0] ?? new Uint8Array(8), 'encrypt', 'ctVariant')
    expect(hexOf(after123)).toBe('006D486B88C892E4')
  })

  it('encrypts the password', () => {
    expect(strEnc('Passw0rd', ...keys)).toBe('93EECC0709F62729D2FD930D988EF04F')
  })

  it('encrypts the sign string of queryCardMainStatus', () => {
    const sign = strEnc('8986031540252055237,Passw0rd,queryCardMainStatus,testuser', ...keys)
    expect(sign).toBe(
      'D9162ACF1229CC70D679E490B35C0223D4CF91C8E0A7FEBE6DEFA4C5F002A59EB018E1603946C4CB93EECC0709F62729D2FD930D988EF04F87D2D983E4CC716EF78B55355FB64CB1C72B67BBE649E11F73F34B470D0D4B175E9915DD3D026C5089EA4830313162BAF2FD126EAAA45887CF2B5846E5FBDFE6',
    )
    // ECB: "Passw0rd" starts on a block boundary, so blocks 6–7 are the password's.
    expect(sign.slice(5 * 16, 7 * 16)).toBe('93EECC0709F62729D2FD930D988EF04F')
  })

  it('round-trips through strDec, including text outside ASCII and the BMP', () => {
    for (const text of [
      'Passw0rd',
      '8986031540252055237,Passw0rd,queryCardMainStatus,testuser',
      '该号码和用户没有绑定！',
      'a😀b',
      '',
    ])
      expect(strDec(strEnc(text, ...keys), ...keys)).toBe(text)
  })

  it('gives an empty result for empty text and refuses hex that is not whole blocks', () => {
    expect(strEnc('', ...keys)).toBe('')
    expect(() => strDec('ABC', ...keys)).toThrow(RangeError)
  })
})
