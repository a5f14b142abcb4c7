/**
 * The one ICCID module (docs: reference/carriers/iccid.md §5): the cards API, the CSV import and the
 * console's live validation all call it, so a number is judged the same way everywhere.
 */
import prefixTable from './iccid-prefixes.json' with { type: 'json' }

export type IccidNoteLevel = 'error' | 'warning' | 'info'
export type IccidNoteCode =
  | 'ICCID_INVALID'
  | 'ICCID_CARRIER_MISMATCH'
  | 'ICCID_LUHN_MISMATCH'
  | 'ICCID_NO_CHECK_DIGIT'
  | 'ICCID_LETTER_SUFFIX'
  | 'ICCID_FILLER_REMOVED'
  | 'ICCID_NIBBLE_SWAPPED'
  | 'ICCID_PREFIX_UNKNOWN'

export interface IccidNote {
  code: IccidNoteCode
  level: IccidNoteLevel
  /** English, one sentence. */
  message: string
}

export type PrefixConfidence = 'high' | 'medium-high' | 'low' | 'declared'

export interface CarrierGuess {
  prefix: string
  /** The plugin id; null for a known carrier no plugin serves yet (China Broadnet). */
  carrierId: string | null
  /** null for prefixes a plugin declared: the built-in table is the only source of names. */
  carrierName: { 'zh-CN': string; en: string } | null
  confidence: PrefixConfidence
}

export interface IccidAnalysis {
  input: string
  /** null when the input is not a well-formed ICCID (then notes holds ICCID_INVALID) */
  iccid: string | null
  /** The first 19 digits: the same card whatever its check character (indexed). */
  iccid19: string | null
  /** 19 digits + computed Luhn digit when the input had only 19 digits; else the same as iccid. */
  fullForm: string | null
  luhn: 'valid' | 'invalid' | 'absent' | 'letter' | null
  carrier: CarrierGuess | null
  notes: IccidNote[]
}

export interface DeclaredPrefix {
  prefix: string
  carrierId: string
}

/** A row of iccid-prefixes.json: always named, never 'declared'. */
type PrefixEntry = CarrierGuess & {
  carrierName: { 'zh-CN': string; en: string }
  confidence: 'high' | 'medium-high' | 'low'
}

const CONFIDENCES: readonly string[] = ['high', 'medium-high', 'low']

/** Operators edit the table by hand, so a typo fails loudly at start-up instead of misrouting cards. */
function loadTable(rows: readonly PrefixEntry[]): readonly PrefixEntry[] {
  for (const row of rows) {
    if (!/^8986\d{2,}$/.test(row.prefix) || !CONFIDENCES.includes(row.confidence) || !row.carrierName.en) {
      throw new Error(`iccid-prefixes.json: malformed entry ${JSON.stringify(row)}`)
    }
  }
  return rows
}

const BUILT_IN = loadTable(prefixTable as PrefixEntry[])

/** Chinese form (§5 rule 4): 19 digits, then an optional check digit or letter (an H has been seen). */
const CHINA_PATTERN = /^8986\d{15}[0-9A-Z]?$/
/** Generic E.118 form, so plugins for other countries (declaring e.g. 8999) get the same handling. */
const GENERIC_PATTERN = /^89\d{17}[0-9A-Z]?$/

/**
 * §5 rule 1. Full-width forms (U+FF01–FF5E) map to ASCII by a fixed offset, which also turns the
 * full-width hyphen and dot into ones the next step removes; Unicode dashes come from pasted documents.
 */
function normalise(input: string): string {
  return input
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\s.\-\u2010-\u2015]/g, '')
    .toUpperCase()
}

/** Doubling every second digit from the right of the body, as §4 describes. */
export function luhnCheckDigit(body: string): number {
  if (!/^\d+$/.test(body)) throw new Error('luhnCheckDigit: the body must be digits only')
  let sum = 0
  for (let index = 0; index < body.length; index++) {
    let digit = Number(body[body.length - 1 - index])
    if (index % 2 === 0) {
      digit *= 2
      if (digit > 9) digit -= 9
    }
    sum += digit
  }
  return (10 - (sum % 10)) % 10
}

/** True when the last digit is the Luhn check digit of the ones before it. */
export function hasValidLuhn(digits: string): boolean {
  return /^\d{2,}$/.test(digits) && luhnCheckDigit(digits.slice(0, -1)) === Number(digits.slice(-1))
}

/** Longest prefix wins; at equal length the built-in row wins, so declarations extend and never override. */
function detectCarrier(iccid: string, declared: readonly DeclaredPrefix[]): CarrierGuess | null {
  let best: CarrierGuess | null = null
  for (const row of BUILT_IN) {
    if (iccid.startsWith(row.prefix) && (!best || row.prefix.length > best.prefix.length)) {
      best = { ...row, carrierName: { ...row.carrierName } }
    }
  }
  for (const { prefix, carrierId } of declared) {
    // A malformed declaration (say '') would otherwise claim every card.
    if (!/^89\d*$/.test(prefix) || !iccid.startsWith(prefix)) continue
    if (!best || prefix.length > best.prefix.length) {
      best = { prefix, carrierId, carrierName: null, confidence: 'declared' }
    }
  }
  return best
}

/** The only note of an invalid analysis: form notes would describe repairs to something that is no ICCID. */
const INVALID_NOTE: IccidNote = {
  code: 'ICCID_INVALID',
  level: 'error',
  message: 'Not an ICCID: expected 89 and 17 more digits, then an optional check digit or letter.',
}

/**
 * Plugins declare `iccidPrefixes`; those extend (never override) the built-in 8986 table and count as
 * confidence 'declared'.
 */
export function analyseIccid(input: string, declared: readonly DeclaredPrefix[] = []): IccidAnalysis {
  const notes: IccidNote[] = []
  // Every form note is info; only the Luhn warning is pushed directly.
  const info = (code: IccidNoteCode, message: string) => notes.push({ code, level: 'info', message })
  let value = normalise(input)

  // §5 rule 2: modems reporting raw EF_ICCID bytes give each BCD byte's nibbles in reverse order.
  if (value.startsWith('98') && value.length % 2 === 0) {
    const swapped = value.replace(/(.)(.)/g, '$2$1')
    if (swapped.startsWith('89')) {
      value = swapped
      info('ICCID_NIBBLE_SWAPPED', `Swapped the digit pairs of a raw SIM read to get ${value}.`)
    }
  }
  // §5 rule 3: a 19-digit ICCID fills its 10th byte on the SIM with an F nibble.
  if (value.length === 20 && value.endsWith('F') && /^\d{19}$/.test(value.slice(0, 19))) {
    value = value.slice(0, 19)
    info('ICCID_FILLER_REMOVED', 'Removed the trailing F filler the SIM stores after 19 digits.')
  }

  const pattern = value.startsWith('8986') ? CHINA_PATTERN : GENERIC_PATTERN
  if (!pattern.test(value)) {
    const nothing = { iccid: null, iccid19: null, fullForm: null, luhn: null, carrier: null }
    return { input, ...nothing, notes: [{ ...INVALID_NOTE }] }
  }

  const iccid19 = value.slice(0, 19)
  let fullForm = value
  let luhn: IccidAnalysis['luhn']
  if (value.length === 19) {
    // China Telecom's API form (§3): the check character was left off, not lost.
    fullForm = iccid19 + luhnCheckDigit(iccid19)
    luhn = 'absent'
    info('ICCID_NO_CHECK_DIGIT', `No check digit; the full form would be ${fullForm}.`)
  } else if (/\d$/.test(value)) {
    luhn = hasValidLuhn(value) ? 'valid' : 'invalid'
    // A warning, never a rejection: real China Mobile 898608 IoT numbers fail Luhn (§4).
    if (luhn === 'invalid') {
      const expected = luhnCheckDigit(iccid19)
      const message = `The check digit fails Luhn (expected ${expected}), as 898608 ranges often do.`
      notes.push({ code: 'ICCID_LUHN_MISMATCH', level: 'warning', message })
    }
  } else {
    luhn = 'letter'
    info('ICCID_LETTER_SUFFIX', `It ends in the letter ${value.slice(-1)}, which is not a Luhn check digit.`)
  }

  const carrier = detectCarrier(value, declared)
  if (!carrier) {
    info('ICCID_PREFIX_UNKNOWN', `No carrier is known for prefix ${value.slice(0, 6)}.`)
  } else if (carrier.carrierId === null) {
    info('ICCID_PREFIX_UNKNOWN', `${carrier.carrierName?.en} (prefix ${carrier.prefix}) has no plugin yet.`)
  }
  return { input, iccid: value, iccid19, fullForm, luhn, carrier, notes }
}

/**
 * Adds ICCID_CARRIER_MISMATCH to an analysis when the platform's carrier differs from the detected one:
 * level 'error' for high, medium-high and declared confidence, 'info' for low. No note when no carrier
 * was detected. Returns a new analysis.
 */
export function checkCarrier(analysis: IccidAnalysis, platformCarrierId: string): IccidAnalysis {
  // Drop an earlier verdict so re-checking against another platform does not stack notes.
  const notes = analysis.notes.filter((n) => n.code !== 'ICCID_CARRIER_MISMATCH')
  const carrier = analysis.carrier
  if (carrier?.carrierId && carrier.carrierId !== platformCarrierId) {
    const level = carrier.confidence === 'low' ? 'info' : 'error'
    const who = carrier.carrierName ? `${carrier.carrierName.en} (${carrier.carrierId})` : carrier.carrierId
    const message = `Prefix ${carrier.prefix} belongs to ${who}, not to the platform's ${platformCarrierId}.`
    notes.push({ code: 'ICCID_CARRIER_MISMATCH', level, message })
  }
  return { ...analysis, notes }
}

/** §5 rule 10: what a search term looks like. */
export function sniffIdentifier(term: string): 'iccid' | 'imsi' | 'msisdn' | 'text' {
  // Same clean-up as ICCIDs, so '138 1234 5678' or full-width digits pasted from a document still match.
  const value = normalise(term)
  if (GENERIC_PATTERN.test(value)) return 'iccid'
  if (/^460\d{12}$/.test(value)) return 'imsi'
  if (/^\d{11,13}$/.test(value)) return 'msisdn'
  return 'text'
}
