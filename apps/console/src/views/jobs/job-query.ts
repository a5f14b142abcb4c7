import type { LocationQuery, LocationQueryRaw } from 'vue-router'
import { compactQuery, queryPositiveInt, queryString } from '@/utils/route-query'
import { JOB_ACTIONS, JOB_ORIGINS, JOB_STATES } from './job-labels'
import type { JobAction, JobOrigin, JobState } from './job-types'

/** The 任务 page's filters and page, as kept in its URL. */
export interface JobQuery {
  action: JobAction | ''
  state: JobState | ''
  origin: JobOrigin | ''
  page: number
  pageSize: number
}

export const DEFAULT_PAGE_SIZE = 20
export const PAGE_SIZES = [10, 20, 50, 100]
export const JOB_FILTER_KEYS = ['action', 'state', 'origin', 'pageSize'] as const

function oneOf<T extends string>(allowed: readonly T[], value: string): T | '' {
  return (allowed as readonly string[]).includes(value) ? (value as T) : ''
}

export function jobQueryFromRoute(query: LocationQuery): JobQuery {
  const size = queryPositiveInt(query, 'pageSize', DEFAULT_PAGE_SIZE)
  return {
    action: oneOf(JOB_ACTIONS, queryString(query, 'action')),
    state: oneOf(JOB_STATES, queryString(query, 'state')),
    origin: oneOf(JOB_ORIGINS, queryString(query, 'origin')),
    page: queryPositiveInt(query, 'page', 1),
    pageSize: PAGE_SIZES.includes(size) ? size : DEFAULT_PAGE_SIZE,
  }
}

export function jobQueryToRoute(query: JobQuery): LocationQueryRaw {
  return compactQuery({
    ...query,
    page: query.page === 1 ? null : query.page,
    pageSize: query.pageSize === DEFAULT_PAGE_SIZE ? null : query.pageSize,
  })
}
