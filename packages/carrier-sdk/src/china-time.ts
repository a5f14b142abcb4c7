/**
 * China Standard Time (UTC+8 all year, no daylight saving). Chinese carriers write every timestamp,
 * query date and billing boundary in it, whatever the time zone of the machine running the plugin.
 */
export const CHINA_UTC_OFFSET_MS = 8 * 3_600_000

/** Calendar fields of an instant as a clock in China shows them. */
export interface ChinaTimeFields {
  year: number
  /** 1–12. */
  month: number
  day: number
  hour: number
  minute: number
  second: number
  millisecond: number
}

export function chinaFieldsOf(instant: Date | number): ChinaTimeFields {
  const shifted = new Date((typeof instant === 'number' ? instant : instant.getTime()) + CHINA_UTC_OFFSET_MS)
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    millisecond: shifted.getUTCMilliseconds(),
  }
}

/** The instant a clock in China shows these fields at; months and days may overflow, as in `Date.UTC`. */
export function chinaInstant(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  millisecond = 0,
): Date {
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second, millisecond) - CHINA_UTC_OFFSET_MS)
}

/** The China calendar month holding `instant`, as [start, end). */
export function chinaMonthOf(instant: Date | number): { start: Date; end: Date } {
  const { year, month } = chinaFieldsOf(instant)
  return { start: chinaInstant(year, month, 1), end: chinaInstant(year, month + 1, 1) }
}
