import type { LocationQuery, LocationQueryRaw } from 'vue-router'
import { isRole, type Role } from '@/utils/roles'
import { compactQuery, queryPositiveInt, queryString } from '@/utils/route-query'

export type UserStatus = 'enabled' | 'disabled'

/** The users page's search, filters and page, as kept in its URL. */
export interface UserQuery {
  q: string
  role: Role | ''
  status: UserStatus | ''
  page: number
  pageSize: number
}

export const DEFAULT_PAGE_SIZE = 20
export const PAGE_SIZES = [10, 20, 50, 100]

export function userQueryFromRoute(query: LocationQuery): UserQuery {
  const role = queryString(query, 'role')
  const status = queryString(query, 'status')
  return {
    q: queryString(query, 'q'),
    role: isRole(role) ? role : '',
    status: status === 'enabled' || status === 'disabled' ? status : '',
    page: queryPositiveInt(query, 'page', 1),
    pageSize: Math.min(queryPositiveInt(query, 'pageSize', DEFAULT_PAGE_SIZE), 200),
  }
}

export function userQueryToRoute(query: UserQuery): LocationQueryRaw {
  return compactQuery({
    ...query,
    page: query.page === 1 ? null : query.page,
    pageSize: query.pageSize === DEFAULT_PAGE_SIZE ? null : query.pageSize,
  })
}
