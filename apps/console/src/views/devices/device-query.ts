import type { Schemas } from '@simops/api-client'
import type { LocationQuery, LocationQueryRaw } from 'vue-router'
import { compactQuery, queryPositiveInt, queryString } from '@/utils/route-query'

export type DeviceState = Schemas['DeviceState']
export type DeviceBinding = 'bound' | 'unbound'

export const DEVICE_STATES: readonly DeviceState[] = ['online', 'offline', 'disabled']

/** The devices page's search, filters and page, as kept in its URL. */
export interface DeviceQuery {
  /** Prefix of the device id or name. */
  q: string
  product: string
  state: DeviceState | ''
  binding: DeviceBinding | ''
  page: number
  pageSize: number
}

export const DEFAULT_PAGE_SIZE = 20
// Each divides the 10,000 devices the server pages through, so the last page is always reachable.
export const PAGE_SIZES = [10, 20, 50, 100]

export function isDeviceState(value: string): value is DeviceState {
  return (DEVICE_STATES as readonly string[]).includes(value)
}

export function deviceQueryFromRoute(query: LocationQuery): DeviceQuery {
  const state = queryString(query, 'state')
  const binding = queryString(query, 'binding')
  return {
    q: queryString(query, 'q'),
    product: queryString(query, 'product'),
    state: isDeviceState(state) ? state : '',
    binding: binding === 'bound' || binding === 'unbound' ? binding : '',
    page: queryPositiveInt(query, 'page', 1),
    pageSize: Math.min(queryPositiveInt(query, 'pageSize', DEFAULT_PAGE_SIZE), 200),
  }
}

export function deviceQueryToRoute(query: DeviceQuery): LocationQueryRaw {
  return compactQuery({
    ...query,
    page: query.page === 1 ? null : query.page,
    pageSize: query.pageSize === DEFAULT_PAGE_SIZE ? null : query.pageSize,
  })
}

/** The API's `unbound` flag for a binding filter. */
export function unboundParam(binding: DeviceQuery['binding']): boolean | undefined {
  return binding === '' ? undefined : binding === 'unbound'
}
