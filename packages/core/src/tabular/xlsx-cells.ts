import type { CellValue } from 'exceljs'

/** Days as Excel shows them: a date without a time of day as YYYY-MM-DD, otherwise full ISO 8601. */
function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return ''
  const iso = date.toISOString()
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso
}

/**
 * A number as the digits a person typed. Integers never get an exponent (String(1e21) would); one
 * beyond 2^53 already lost digits when Excel stored it, and the caller's validation says so.
 */
function numberText(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) >= 1e21) return BigInt(value).toString()
  return String(value)
}

/** The text of an exceljs cell value; formulas give their cached result, links their text. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return ''
  switch (typeof value) {
    case 'string':
      return value
    case 'number':
      return numberText(value)
    case 'boolean':
      return value ? 'true' : 'false'
  }
  if (value instanceof Date) return dateText(value)
  if ('richText' in value) return value.richText.map((run) => run.text ?? '').join('')
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result)
  if ('hyperlink' in value) return cellText(value.text)
  if ('error' in value) return value.error
  return ''
}

/** The cells of a row by column position: `values[1]` is column A; holes become ''. */
export function rowCells(values: readonly CellValue[]): string[] {
  const cells = new Array<string>(Math.max(values.length - 1, 0))
  for (let i = 1; i < values.length; i++) cells[i - 1] = cellText(values[i])
  return cells
}
