import type { Schemas } from '@simops/api-client'
import type { LocationQuery, LocationQueryRaw } from 'vue-router'
import { compactQuery, queryPositiveInt, queryString } from '@/utils/route-query'

export type PlatformState = Schemas['PlatformState']
export type PlatformView = 'table' | 'cards'

/** The platforms page's search, filters, page and layout, as kept in its URL. */
export interface PlatformQuery {
  q: string
  carrierId: string
  state: PlatformState | ''
  page: number
  pageSize: number
  view: PlatformView
}

export const DEFAULT_PAGE_SIZE = 20
export const PAGE_SIZES = [10, 20, 50, 100]

export function platformQueryFromRoute(query: LocationQuery): PlatformQuery {
  const state = queryString(query, 'state')
  return {
    q: queryString(query, 'q'),
    carrierId: queryString(query, 'carrierId'),
    state: state === 'enabled' || state === 'disabled' ? state : '',
    page: queryPositiveInt(query, 'page', 1),
    pageSize: Math.min(queryPositiveInt(query, 'pageSize', DEFAULT_PAGE_SIZE), 100),
    view: queryString(query, 'view') === 'cards' ? 'cards' : 'table',
  }
}

export function platformQueryToRoute(query: PlatformQuery): LocationQueryRaw {
  return compactQuery({
    ...query,
    page: query.page === 1 ? null : query.page,
    pageSize: query.pageSize === DEFAULT_PAGE_SIZE ? null : query.pageSize,
    view: query.view === 'table' ? null : query.view,
  })
}
