import { invalidField } from '../errors.js'

/**
 * Parses an amount in 元 (a JSON number or a decimal string) into fen, exactly: at most two
 * decimals, no exponent notation, no binary rounding (500.001 is refused, not rounded).
 */
export function yuanToFen(amount: number | string, minFen: number, maxFen: number): number {
  const text = typeof amount === 'number' ? String(amount) : amount.trim()
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text)
  const range = `${formatFen(minFen)}–${formatFen(maxFen)} 元`
  if (!match)
    throw invalidField(
      'amount',
      `must be an amount in 元 with at most two decimals (${range})`,
      'AMOUNT_INVALID',
    )
  const fen = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'))
  if (fen < minFen || fen > maxFen) throw invalidField('amount', `must be ${range}`, 'AMOUNT_INVALID')
  return fen
}

/** 1234 → "12.34". */
export function formatFen(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`
}
