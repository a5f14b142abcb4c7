/**
 * The gateway speaks Beijing time (UTC+8, no daylight saving) in every timestamp it sends or
 * expects, whatever the time zone of the machine running SimOps.
 */
import { chinaFieldsOf, chinaInstant } from '@simops/carrier-sdk'

const pad = (value: number, width = 2) => String(value).padStart(width, '0')

/** `yyyy-MM-dd HH:mm:ss SSS` — note the space, not a dot, before the milliseconds. */
export function formatGatewayTimestamp(instant: Date): string {
  const f = chinaFieldsOf(instant)
  return (
    `${f.year}-${pad(f.month)}-${pad(f.day)} ${pad(f.hour)}:${pad(f.minute)}:${pad(f.second)} ` +
    pad(f.millisecond, 3)
  )
}

/** `yyyy-MM-dd HH:mm:ss`, as the gateway writes dates such as `dateActivated`. */
export function formatBeijingDateTime(instant: Date): string {
  return formatGatewayTimestamp(instant).slice(0, 19)
}

/** `yyyyMMddHHmmssSSS`, the leading 17 digits of a trans_id. */
export function formatCompactTimestamp(instant: Date): string {
  const f = chinaFieldsOf(instant)
  return `${f.year}${pad(f.month)}${pad(f.day)}${pad(f.hour)}${pad(f.minute)}${pad(f.second)}${pad(f.millisecond, 3)}`
}

/**
 * Reads a Beijing wall-clock time as the gateway writes them: `yyyy-MM-dd HH:mm:ss`, optionally
 * followed by milliseconds after a space or a dot. Returns null for anything else (blank included).
 */
export function parseBeijingTime(text: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:[ .](\d{1,3}))?$/.exec(text.trim())
  if (!match) return null
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ]
  const millisecond = match[7] === undefined ? 0 : Number(match[7].padEnd(3, '0'))
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null
  const instant = chinaInstant(year, month, day, hour, minute, second, millisecond)
  // Reject dates that overflowed into the next month (e.g. 02-30).
  return chinaFieldsOf(instant).day === day ? instant : null
}
