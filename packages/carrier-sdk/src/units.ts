/** Data units carriers report in. Binary multiples (1 KB = 1024 bytes), as the carriers use. */
export type DataUnit = 'B' | 'KB' | 'MB' | 'GB' | 'TB'

const factor: Record<DataUnit, number> = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3, TB: 1024 ** 4 }

/**
 * Converts a carrier figure to whole bytes. Accepts numbers and numeric strings such as "1234.56";
 * returns null for blanks (" " means "no usage/no package" at some carriers) and non-numbers.
 */
export function bytesFrom(value: number | string | null | undefined, unit: DataUnit): number | null {
  if (value === null || value === undefined) return null
  const text = typeof value === 'number' ? String(value) : value.trim()
  if (text === '' || !/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text)) return null
  const amount = Number(text)
  if (!Number.isFinite(amount) || amount < 0) return null
  return Math.round(amount * factor[unit])
}
