import { CHINA_UTC_OFFSET_MS, chinaFieldsOf, chinaMonthOf as chinaCalendarMonthOf } from '@simops/carrier-sdk'

/**
 * Beijing time (UTC+8 all year, no daylight saving). OneLink reads and writes every timestamp in it:
 * transids, `queryDate`, order times, and the calendar month usage belongs to.
 */
const DAY_MS = 86_400_000

const two = (value: number) => String(value).padStart(2, '0')

/** yyyyMMddHHmmss in Beijing time, 24-hour clock (the transid and order-time form). */
export function chinaTimestamp(instant: Date | number): string {
  const p = chinaFieldsOf(instant)
  return `${p.year}${two(p.month)}${two(p.day)}${two(p.hour)}${two(p.minute)}${two(p.second)}`
}

/** yyyyMMdd in Beijing time (the daily `queryDate` form). */
export function chinaDay(instant: Date | number): string {
  return chinaTimestamp(instant).slice(0, 8)
}

/** yyyy-MM-dd in Beijing time (the contract's day form for daily usage). */
export function chinaIsoDay(instant: Date | number): string {
  const day = chinaDay(instant)
  return `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}`
}

/** yyyyMM in Beijing time (the monthly `queryDate` form). */
export function chinaMonth(instant: Date | number): string {
  return chinaTimestamp(instant).slice(0, 6)
}

/** The instant of Beijing midnight starting the day that holds `instant`. */
export function chinaMidnightOf(instant: Date | number): number {
  const at = typeof instant === 'number' ? instant : instant.getTime()
  return Math.floor((at + CHINA_UTC_OFFSET_MS) / DAY_MS) * DAY_MS - CHINA_UTC_OFFSET_MS
}

/** The Beijing calendar month holding `instant`, as [start, end) instants. */
export function chinaMonthOf(instant: Date | number): { start: number; end: number } {
  const { start, end } = chinaCalendarMonthOf(instant)
  return { start: start.getTime(), end: end.getTime() }
}

/**
 * Reads a Beijing-time stamp as OneLink writes it: yyyyMMddHHmmss, yyyyMMdd, or the same with
 * separators (`2024-01-02 03:04:05`). Returns null for blanks and anything else.
 */
export function parseChinaTime(text: string): Date | null {
  const digits = text.trim().replace(/[-/:\sT]/g, '')
  const match = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2})?)?$/.exec(digits)
  if (!match) return null
  const [, year = '', month = '', day = '', hour = '0', minute = '0', second = '0'] = match
  const at = Date.UTC(+year, +month - 1, +day, +hour, +minute, +second) - CHINA_UTC_OFFSET_MS
  const date = new Date(at)
  // Reject impossible dates (month 13, day 32) that Date.UTC would roll over silently.
  return Number.isNaN(at) || chinaTimestamp(date).slice(0, 8) !== digits.slice(0, 8) ? null : date
}

export { DAY_MS }
