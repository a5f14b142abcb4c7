import { describe, expect, it } from 'vitest'
import {
  analyseIccid,
  checkCarrier,
  hasValidLuhn,
  luhnCheckDigit,
  sniffIdentifier,
  type IccidAnalysis,
} from '../src/cards/iccid.js'

const codes = (analysis: IccidAnalysis) => analysis.notes.map((n) => n.code)

describe('Luhn', () => {
  it('computes the worked example of §4', () => {
    expect(luhnCheckDigit('8986031987654321012')).toBe(4)
    expect(hasValidLuhn('89860319876543210124')).toBe(true)
    expect(hasValidLuhn('89860319876543210125')).toBe(false)
    expect(hasValidLuhn('8986031987654321012H')).toBe(false)
  })
})

// §7, row by row (check digits recomputed: each "Luhn ok" value passes, 89860813579246801355 does not).
describe('analyseIccid: the §7 table', () => {
  it('normalises spaces; Unicom, high, Luhn ok', () => {
    const a = analyseIccid('8986 0611 2233 4455 6675')
    expect(a).toMatchObject({ iccid: '89860611223344556675', iccid19: '8986061122334455667', luhn: 'valid' })
    expect(a.fullForm).toBe('89860611223344556675')
    expect(a.carrier).toEqual({
      prefix: '898606',
      carrierId: 'unicom',
      carrierName: { 'zh-CN': '中国联通', en: 'China Unicom' },
      confidence: 'high',
    })
    expect(a.notes).toEqual([])
  })

  it('898608 with a valid check digit: onelink, medium-high, Luhn ok', () => {
    const a = analyseIccid('89860813579246801352')
    expect(a.luhn).toBe('valid')
    expect(a.carrier).toMatchObject({ prefix: '898608', carrierId: 'onelink', confidence: 'medium-high' })
    expect(a.notes).toEqual([])
  })

  it('898608 failing Luhn is accepted with a warning that mentions 898608', () => {
    const a = analyseIccid('89860813579246801355')
    expect(a.iccid).toBe('89860813579246801355')
    expect(a.luhn).toBe('invalid')
    expect(a.carrier?.carrierId).toBe('onelink')
    expect(a.notes).toHaveLength(1)
    expect(a.notes[0]).toMatchObject({ code: 'ICCID_LUHN_MISMATCH', level: 'warning' })
    expect(a.notes[0]?.message).toContain('898608')
  })

  it('19 digits: ctwing, no check digit, computed full form', () => {
    const a = analyseIccid('8986031987654321012')
    expect(a).toMatchObject({ iccid: '8986031987654321012', iccid19: '8986031987654321012', luhn: 'absent' })
    expect(a.fullForm).toBe('89860319876543210124')
    expect(a.carrier).toMatchObject({ carrierId: 'ctwing', confidence: 'high' })
    expect(a.notes).toEqual([expect.objectContaining({ code: 'ICCID_NO_CHECK_DIGIT', level: 'info' })])
    expect(a.notes[0]?.message).toContain('89860319876543210124')
  })

  it('letter suffix: ctwing, info, iccid19 is the first 19 digits, no Luhn check', () => {
    const a = analyseIccid('8986031987654321012H')
    expect(a).toMatchObject({ iccid: '8986031987654321012H', iccid19: '8986031987654321012', luhn: 'letter' })
    expect(a.carrier?.carrierId).toBe('ctwing')
    expect(a.notes).toEqual([expect.objectContaining({ code: 'ICCID_LETTER_SUFFIX', level: 'info' })])
  })

  it('strips the F filler of a raw 19-digit read', () => {
    const a = analyseIccid('8986031987654321012F')
    expect(a).toMatchObject({
      iccid: '8986031987654321012',
      fullForm: '89860319876543210124',
      luhn: 'absent',
    })
    expect(codes(a)).toEqual(['ICCID_FILLER_REMOVED', 'ICCID_NO_CHECK_DIGIT'])
  })

  it('un-swaps nibble-swapped modem output', () => {
    const a = analyseIccid('98686011223344556657')
    expect(a).toMatchObject({ iccid: '89860611223344556675', luhn: 'valid' })
    expect(a.carrier?.carrierId).toBe('unicom')
    expect(a.notes).toEqual([expect.objectContaining({ code: 'ICCID_NIBBLE_SWAPPED', level: 'info' })])
  })

  it('898611: ctwing, high, Luhn ok', () => {
    const a = analyseIccid('89861122334455667787')
    expect(a.luhn).toBe('valid')
    expect(a.carrier).toMatchObject({ prefix: '898611', carrierId: 'ctwing', confidence: 'high' })
    expect(a.notes).toEqual([])
  })

  it('898615: China Broadnet guessed (low) without a plugin, as info', () => {
    const a = analyseIccid('89861500112233445565')
    expect(a.luhn).toBe('valid')
    expect(a.carrier).toEqual({
      prefix: '898615',
      carrierId: null,
      carrierName: { 'zh-CN': '中国广电', en: 'China Broadnet' },
      confidence: 'low',
    })
    expect(a.notes).toEqual([expect.objectContaining({ code: 'ICCID_PREFIX_UNKNOWN', level: 'info' })])
  })

  it('rejects 21 characters', () => {
    const a = analyseIccid('8986061122334455667A5')
    expect(a).toMatchObject({ iccid: null, iccid19: null, fullForm: null, luhn: null, carrier: null })
    expect(a.notes).toEqual([expect.objectContaining({ code: 'ICCID_INVALID', level: 'error' })])
  })
})

describe('analyseIccid: forms and syntax', () => {
  it('accepts full-width digits and letters, hyphens and dots', () => {
    expect(analyseIccid('８９８６０６１１２２３３４４５５６６７５').iccid).toBe('89860611223344556675')
    expect(analyseIccid('８９８６０３１９８７６５４３２１０１２ｈ').iccid).toBe('8986031987654321012H')
    expect(analyseIccid(' 8986-0611-2233-4455-6675 ').iccid).toBe('89860611223344556675')
    expect(analyseIccid('8986.0611.2233.4455.6675').iccid).toBe('89860611223344556675')
    expect(analyseIccid('8986031987654321012h').iccid).toBe('8986031987654321012H')
  })

  it('un-swaps and strips the filler of a raw 19-digit read', () => {
    const a = analyseIccid('986830917856341210F2')
    expect(a.iccid).toBe('8986031987654321012')
    expect(codes(a)).toEqual(['ICCID_NIBBLE_SWAPPED', 'ICCID_FILLER_REMOVED', 'ICCID_NO_CHECK_DIGIT'])
  })

  it('reports an unknown 8986 prefix as info', () => {
    const a = analyseIccid('89869911223344556673')
    expect(a.iccid).toBe('89869911223344556673')
    expect(a.carrier).toBeNull()
    expect(a.notes).toEqual([expect.objectContaining({ code: 'ICCID_PREFIX_UNKNOWN', level: 'info' })])
  })

  it.each([
    '',
    'abc',
    '898606112233445566',
    '8986061122334455667AB',
    '1234567890123456789',
    '8986X611223344556675',
  ])('rejects %j', (input) => {
    expect(codes(analyseIccid(input))).toEqual(['ICCID_INVALID'])
  })
})

describe('analyseIccid: declared prefixes', () => {
  it('a non-Chinese declared prefix is detected with confidence declared', () => {
    const a = analyseIccid('8999123456789012345', [{ prefix: '8999', carrierId: 'reference' }])
    expect(a.iccid).toBe('8999123456789012345')
    expect(a.carrier).toEqual({
      prefix: '8999',
      carrierId: 'reference',
      carrierName: null,
      confidence: 'declared',
    })
    expect(codes(a)).toEqual(['ICCID_NO_CHECK_DIGIT'])
  })

  it('a non-Chinese number without a declaration is well-formed but of unknown carrier', () => {
    const a = analyseIccid('8999123456789012345')
    expect(a.carrier).toBeNull()
    expect(codes(a)).toEqual(['ICCID_NO_CHECK_DIGIT', 'ICCID_PREFIX_UNKNOWN'])
  })

  it('the longest matching prefix wins, whichever table it comes from', () => {
    const declared = [
      { prefix: '89860', carrierId: 'other' },
      { prefix: '89869', carrierId: 'wide' },
      { prefix: '8986061', carrierId: 'mvno' },
    ]
    expect(analyseIccid('89860611223344556675', declared).carrier).toMatchObject({
      prefix: '8986061',
      carrierId: 'mvno',
      confidence: 'declared',
    })
    // The built-in 6-digit row beats the shorter declared 89860.
    expect(analyseIccid('89860319876543210124', declared).carrier).toMatchObject({ carrierId: 'ctwing' })
    // Where the built-in table knows nothing, the shorter declaration applies.
    expect(analyseIccid('89869911223344556673', declared).carrier).toMatchObject({ prefix: '89869' })
  })

  it('a declaration never overrides a built-in row of the same prefix; malformed ones are ignored', () => {
    const a = analyseIccid('89860611223344556675', [
      { prefix: '898606', carrierId: 'onelink' },
      { prefix: '', carrierId: 'everything' },
    ])
    expect(a.carrier).toMatchObject({ carrierId: 'unicom', confidence: 'high' })
    expect(analyseIccid('89869911223344556673', [{ prefix: '', carrierId: 'x' }]).carrier).toBeNull()
  })
})

describe('checkCarrier', () => {
  it('high confidence mismatch is an error', () => {
    const a = analyseIccid('89860611223344556675')
    const checked = checkCarrier(a, 'onelink')
    expect(checked.notes).toEqual([
      expect.objectContaining({ code: 'ICCID_CARRIER_MISMATCH', level: 'error' }),
    ])
    expect(checked.notes[0]?.message).toContain('898606')
    expect(a.notes).toEqual([])
  })

  it('medium-high and declared mismatches are errors, low ones info', () => {
    expect(checkCarrier(analyseIccid('89860813579246801352'), 'ctwing').notes[0]?.level).toBe('error')
    const declared = analyseIccid('8999123456789012345', [{ prefix: '8999', carrierId: 'reference' }])
    expect(checkCarrier(declared, 'onelink').notes.at(-1)).toMatchObject({
      code: 'ICCID_CARRIER_MISMATCH',
      level: 'error',
    })
    const low = checkCarrier(analyseIccid('89861300112233445567'), 'unicom')
    expect(low.carrier?.confidence).toBe('low')
    expect(low.notes.at(-1)).toMatchObject({ code: 'ICCID_CARRIER_MISMATCH', level: 'info' })
  })

  it('adds nothing for the same carrier, no carrier, or a carrier without a plugin', () => {
    const same = analyseIccid('89860611223344556675')
    expect(checkCarrier(same, 'unicom').notes).toEqual([])
    expect(codes(checkCarrier(analyseIccid('89869911223344556673'), 'unicom'))).toEqual([
      'ICCID_PREFIX_UNKNOWN',
    ])
    expect(codes(checkCarrier(analyseIccid('89861500112233445565'), 'unicom'))).toEqual([
      'ICCID_PREFIX_UNKNOWN',
    ])
    expect(codes(checkCarrier(analyseIccid('abc'), 'unicom'))).toEqual(['ICCID_INVALID'])
  })

  it('re-checking replaces the earlier verdict', () => {
    const once = checkCarrier(analyseIccid('89860611223344556675'), 'onelink')
    expect(codes(checkCarrier(once, 'ctwing'))).toEqual(['ICCID_CARRIER_MISMATCH'])
    expect(checkCarrier(once, 'unicom').notes).toEqual([])
  })
})

describe('sniffIdentifier', () => {
  it.each([
    ['89860611223344556675', 'iccid'],
    ['8986031987654321012', 'iccid'],
    ['8986031987654321012H', 'iccid'],
    ['8986 0611 2233 4455 6675', 'iccid'],
    ['460001234567890', 'imsi'],
    ['13812345678', 'msisdn'],
    ['138-1234-5678', 'msisdn'],
    ['１３８１２３４５６７８', 'msisdn'],
    ['1064812345678', 'msisdn'],
    ['8613812345678', 'msisdn'],
    ['461001234567890', 'text'],
    ['1381234567', 'text'],
    ['98686011223344556657', 'text'],
    ['fleet A', 'text'],
    ['', 'text'],
  ] as const)('%j is %s', (term, kind) => {
    expect(sniffIdentifier(term)).toBe(kind)
  })
})
