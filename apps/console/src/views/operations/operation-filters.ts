import type { Schemas } from '@simops/api-client'
import type { LocationQuery, LocationQueryRaw } from 'vue-router'
import { compactQuery, queryString } from '@/utils/route-query'

export type OperationResult = Schemas['Operation']['result']

/** The audit log filters, as kept in the page URL so a filtered view can be shared or reloaded. */
export interface OperationFilters {
  /** A card's number or ICCID; the card detail page links here with it. */
  card: string
  action: string
  /** A user's id (admins pick from the user list). */
  actorId: string
  result: OperationResult | ''
  /** ISO 8601 instants; `to` is exclusive. */
  from: string
  to: string
  targetId: string
  /** The records of one bulk job's items (the job page links here with it). */
  jobId: string
}

export const EMPTY_FILTERS: OperationFilters = {
  card: '',
  action: '',
  actorId: '',
  result: '',
  from: '',
  to: '',
  targetId: '',
  jobId: '',
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

function isResult(value: string): value is OperationResult {
  return value === 'success' || value === 'failure'
}

/** An ISO instant, or '' for anything that does not parse (a hand-edited URL). */
function instant(value: string): string {
  return value && !Number.isNaN(new Date(value).getTime()) ? value : ''
}

export function filtersFromQuery(query: LocationQuery): OperationFilters {
  const result = queryString(query, 'result')
  const actorId = queryString(query, 'actorId')
  const jobId = queryString(query, 'jobId')
  return {
    card: queryString(query, 'card').trim(),
    action: queryString(query, 'action'),
    actorId: UUID.test(actorId) ? actorId : '',
    result: isResult(result) ? result : '',
    from: instant(queryString(query, 'from')),
    to: instant(queryString(query, 'to')),
    targetId: queryString(query, 'targetId'),
    jobId: UUID.test(jobId) ? jobId : '',
  }
}

export function filtersToQuery(filters: OperationFilters): LocationQueryRaw {
  return compactQuery({ ...filters })
}

/** The filters as the list and export endpoints take them; empty ones are left out. */
export function filterParams(filters: OperationFilters) {
  return {
    card: filters.card || undefined,
    action: filters.action || undefined,
    actorId: filters.actorId || undefined,
    result: filters.result || undefined,
    from: filters.from || undefined,
    to: filters.to || undefined,
    targetId: filters.targetId || undefined,
    jobId: filters.jobId || undefined,
  }
}
