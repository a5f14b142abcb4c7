import { chinaDay, chinaMidnightOf, chinaMonth, chinaMonthOf, DAY_MS } from '../china-time.js'
import { usesData, type SimCard } from './inventory.js'

const HOUR_MS = 3_600_000
/** Daily figures kept per card: OneLink answers only the last 7 days. */
const DAYS_KEPT = 10

/** Adds the data a card used over [from, to), which must not cross a Beijing midnight. */
export function accrue(card: SimCard, from: number, to: number): void {
  if (!usesData(card) || to <= from) return
  const amount = Math.round((card.centiKbPerHour * (to - from)) / HOUR_MS)
  if (amount === 0) return
  card.usedCentiKb += amount
  const day = chinaDay(from)
  card.dailyCentiKb.set(day, (card.dailyCentiKb.get(day) ?? 0) + amount)
}

/** At a Beijing midnight: PB figures catch up to it; on the 1st the month closes and usage restarts. */
export function passMidnight(card: SimCard, midnight: number): void {
  if (chinaMonthOf(midnight).start === midnight) {
    card.monthlyCentiKb.set(chinaMonth(midnight - 1), card.usedCentiKb)
    card.usedCentiKb = 0
  }
  card.usedAtMidnightCentiKb = card.usedCentiKb
  for (const day of card.dailyCentiKb.keys())
    if (day < chinaDay(midnight - DAYS_KEPT * DAY_MS)) card.dailyCentiKb.delete(day)
}

/** The next Beijing midnight strictly after `instant`. */
export function nextMidnight(instant: number): number {
  return chinaMidnightOf(instant) + DAY_MS
}

/** Month-to-date usage as OneLink reports it: current for CT, as of the last midnight for PB. */
export function reportedCentiKb(card: SimCard): number {
  return card.platformType === 'OneLink-PB' ? card.usedAtMidnightCentiKb : card.usedCentiKb
}

/** Hundredths of a KB as OneLink writes KB: two decimals, `" "` when there is no usage. */
export function kbText(centiKb: number): string {
  return centiKb === 0 ? ' ' : kbFigure(centiKb)
}

/** Hundredths of a KB as a KB figure with two decimals, zero included (package rows). */
export function kbFigure(centiKb: number): string {
  return `${Math.floor(centiKb / 100)}.${String(centiKb % 100).padStart(2, '0')}`
}

/** The same figure in bytes (1 KB = 1024 bytes), rounded as a client converting the text would. */
export function centiKbToBytes(centiKb: number): number {
  return Math.round((centiKb * 1024) / 100)
}
