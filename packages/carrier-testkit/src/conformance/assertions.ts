import { locales } from '@simops/carrier-sdk'

/** A non-conformance found by a check; its message says what the plugin did and what was expected. */
export class ConformanceFailure extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'ConformanceFailure'
  }
}

export function fail(message: string): never {
  throw new ConformanceFailure(message)
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A short, readable rendering of a value for failure messages (dates as ISO strings, long values cut). */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'undefined'
  let text: string
  try {
    text = JSON.stringify(value) ?? String(value)
  } catch {
    text = String(value)
  }
  return text.length > 300 ? `${text.slice(0, 300)}…` : text
}

/** "<name>: <message>" for errors, the value itself for anything else thrown. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`
  return `a thrown ${typeof error} ${describeValue(error)}`
}

/** True for text shown to people: a non-empty string in every console language. */
export function isLocalizedText(value: unknown): boolean {
  return (
    isRecord(value) && locales.every((locale) => typeof value[locale] === 'string' && value[locale] !== '')
  )
}

export function isValidDate(value: unknown): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime())
}

export function isNonNegativeInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0
}

export function isStringOrNull(value: unknown): value is string | null {
  return value === null || typeof value === 'string'
}
