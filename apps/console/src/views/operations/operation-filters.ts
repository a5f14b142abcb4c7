import type { Schemas } from '@simops/api-client'
import type { LocationQuery, LocationQueryRaw } from 'vue-router'
import { compactQuery, queryString } from '@/utils/route-query'

export type OperationResult = Schemas['Operation']['result']

/** The audit log filters, as kept in the page URL so a filtered view can be shared or reloaded. */
export interface OperationFilters {
  action: string
  result: OperationResult | ''
  /** ISO 8601 instants; `to` is exclusive. */
  from: string
  to: string
  targetId: string
}

export const EMPTY_FILTERS: OperationFilters = { action: '', result: '', from: '', to: '', targetId: '' }

function isResult(value: string): value is OperationResult {
  return value === 'success' || value === 'failure'
}

export function filtersFromQuery(query: LocationQuery): OperationFilters {
  const result = queryString(query, 'result')
  return {
    action: queryString(query, 'action'),
    result: isResult(result) ? result : '',
    from: queryString(query, 'from'),
    to: queryString(query, 'to'),
    targetId: queryString(query, 'targetId'),
  }
}

export function filtersToQuery(filters: OperationFilters): LocationQueryRaw {
  return compactQuery({ ...filters })
}
