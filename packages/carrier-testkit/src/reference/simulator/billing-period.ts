/** China Standard Time is UTC+8 all year; the reference carrier bills calendar months in it. */
const CHINA_OFFSET_MS = 8 * 3_600_000

/** The calendar month (China time) holding the instant, as simulated-clock milliseconds. */
export function billingPeriodOf(instant: number): { start: number; end: number } {
  const china = new Date(instant + CHINA_OFFSET_MS)
  const year = china.getUTCFullYear()
  const month = china.getUTCMonth()
  return {
    start: Date.UTC(year, month, 1) - CHINA_OFFSET_MS,
    end: Date.UTC(year, month + 1, 1) - CHINA_OFFSET_MS,
  }
}
