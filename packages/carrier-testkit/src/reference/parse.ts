import { CarrierError } from '@simops/carrier-sdk'

/**
 * Readers for answers from the wire. Anything that is not the documented shape becomes a `protocol`
 * CarrierError naming what was wrong, so a changed or broken answer never reaches the platform.
 */

export function malformed(what: string): CarrierError {
  return new CarrierError('protocol', `the reference carrier sent an unexpected answer: ${what}`)
}

export function objectOf(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw malformed(`${what} is not an object`)
  return value as Record<string, unknown>
}

export function textOf(value: unknown, what: string): string {
  if (typeof value !== 'string') throw malformed(`${what} is not text`)
  return value
}

export function optionalTextOf(value: unknown, what: string): string | null {
  return value === null || value === undefined ? null : textOf(value, what)
}

export function numberOf(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw malformed(`${what} is not a number`)
  return value
}

export function dateOf(value: unknown, what: string): Date {
  const date = new Date(textOf(value, what))
  if (Number.isNaN(date.getTime())) throw malformed(`${what} is not a timestamp`)
  return date
}

export function optionalDateOf(value: unknown, what: string): Date | null {
  return value === null || value === undefined ? null : dateOf(value, what)
}

export function oneOf<const T extends string>(value: unknown, allowed: readonly T[], what: string): T {
  const found = allowed.find((option) => option === value)
  if (found === undefined)
    throw malformed(`${what} is ${JSON.stringify(value)}, not one of ${allowed.join(', ')}`)
  return found
}
