const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const
const BASE = 1024

/**
 * A byte count in human units (1024 base, 2 decimals above bytes): 1536 → "1.50 KB".
 * '' for a missing value, so callers choose their own placeholder.
 */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return ''
  const sign = bytes < 0 ? '-' : ''
  let value = Math.abs(bytes)
  let unit = 0
  while (unit < UNITS.length - 1 && value >= BASE) {
    value /= BASE
    unit++
  }
  if (unit === 0) return `${sign}${Math.round(value)} B`
  // 1023.999 KB would print as "1024.00 KB": carry it to the next unit.
  if (Number(value.toFixed(2)) >= BASE && unit < UNITS.length - 1) {
    value /= BASE
    unit++
  }
  return `${sign}${value.toFixed(2)} ${UNITS[unit]}`
}
