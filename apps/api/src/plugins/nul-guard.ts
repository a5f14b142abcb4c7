import { DomainError } from '@simops/core'

/**
 * PostgreSQL text cannot hold U+0000, so a NUL anywhere in a request would fail deep in a query.
 * This finds the first one and names its field, so it is refused up front as bad input.
 */
export function findNul(value: unknown, path = '', depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path || '(value)' : null
  if (depth > 32 || value === null || typeof value !== 'object') return null
  const entries = Array.isArray(value)
    ? value.map((item, index) => [String(index), item] as const)
    : Object.entries(value)
  for (const [key, item] of entries) {
    if (key.includes('\u0000')) return path ? `${path}.${key}` : key
    const found = findNul(
      item,
      Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key,
      depth + 1,
    )
    if (found) return found
  }
  return null
}

export function nulRefusal(field: string, location: 'querystring' | 'params' | 'body'): DomainError {
  return new DomainError('invalid', 'VALIDATION_FAILED', `${field}: must not contain the NUL character`, {
    fields: [{ field, location, message: 'must not contain the NUL character' }],
  })
}
