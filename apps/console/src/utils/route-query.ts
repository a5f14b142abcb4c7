import type { LocationQuery, LocationQueryRaw } from 'vue-router'

/** The first value of a query parameter, or '' when absent. */
export function queryString(query: LocationQuery, key: string): string {
  const value = query[key]
  const first = Array.isArray(value) ? value[0] : value
  return typeof first === 'string' ? first : ''
}

/** A positive integer query parameter, or `fallback`. */
export function queryPositiveInt(query: LocationQuery, key: string, fallback: number): number {
  const parsed = Number.parseInt(queryString(query, key), 10)
  return Number.isFinite(parsed) && parsed > 0 ? parsed : fallback
}

/** Drops empty values so shared URLs only carry the filters in use. */
export function compactQuery(values: Record<string, string | number | null | undefined>): LocationQueryRaw {
  const query: LocationQueryRaw = {}
  for (const [key, value] of Object.entries(values)) {
    if (value !== '' && value !== null && value !== undefined) query[key] = String(value)
  }
  return query
}
