import type { operations, Schemas } from '@simops/api-client'
import type { LocationQuery, LocationQueryRaw } from 'vue-router'
import { queryPositiveInt, queryString } from '@/utils/route-query'
import { CARD_TYPES, LIFECYCLES, SYNC_STATES } from './card-labels'

type ApiQuery = NonNullable<operations['listCards']['parameters']['query']>
export type CardSortKey = NonNullable<ApiQuery['sort']>
export type SortOrder = 'asc' | 'desc'
export type CardView = 'table' | 'grid'
export type BoundFilter = '' | 'bound' | 'unbound'

/** The 物联卡管理 page's search, filters, sort, page and layout, as kept in its URL. */
export interface CardQuery {
  q: string
  number: string
  iccid: string
  platformId: string[]
  carrierId: string[]
  type: Schemas['CardType'][]
  lifecycle: Schemas['Lifecycle'][]
  /** `carrierId:code` */
  carrierStatus: string[]
  syncState: Schemas['SyncState'][]
  bound: BoundFilter
  tag: string[]
  /** Activation days, YYYY-MM-DD, both inclusive. */
  activatedFrom: string
  activatedTo: string
  /** Update time, ISO instants; `updatedTo` is exclusive. */
  updatedFrom: string
  updatedTo: string
  /** '' is the server's default: newest first. */
  sort: CardSortKey | ''
  order: SortOrder
  page: number
  pageSize: number
  view: CardView
}

export const PAGE_SIZES = [20, 50, 100]
export const DEFAULT_PAGE_SIZE = 20
/** `page × limit` beyond this answers PAGE_TOO_DEEP; the total is counted up to it as well. */
export const PAGE_DEPTH_LIMIT = 10_000

export const SORT_KEYS: readonly CardSortKey[] = [
  'createdAt',
  'updatedAt',
  'number',
  'iccid',
  'device',
  'platform',
  'carrier',
  'type',
  'lifecycle',
  'carrierStatus',
  'syncState',
  'activatedAt',
  'totalBytes',
  'usedBytes',
  'remainingBytes',
]

/** Changing any of these goes back to page 1. */
export const FILTER_KEYS = [
  'q',
  'number',
  'iccid',
  'platformId',
  'carrierId',
  'type',
  'lifecycle',
  'carrierStatus',
  'syncState',
  'bound',
  'tag',
  'activatedFrom',
  'activatedTo',
  'updatedFrom',
  'updatedTo',
  'sort',
  'order',
  'pageSize',
] as const satisfies ReadonlyArray<keyof CardQuery>

export const EMPTY_FILTERS = {
  q: '',
  number: '',
  iccid: '',
  platformId: [],
  carrierId: [],
  type: [],
  lifecycle: [],
  carrierStatus: [],
  syncState: [],
  bound: '',
  tag: [],
  activatedFrom: '',
  activatedTo: '',
  updatedFrom: '',
  updatedTo: '',
} satisfies Partial<CardQuery>

const DAY = /^\d{4}-\d{2}-\d{2}$/

function queryList(query: LocationQuery, key: string): string[] {
  const value = query[key]
  const values = Array.isArray(value) ? value : [value]
  return [...new Set(values.filter((item): item is string => typeof item === 'string' && item !== ''))]
}

function oneOf<T extends string>(allowed: readonly T[], values: string[]): T[] {
  return values.filter((value): value is T => (allowed as readonly string[]).includes(value))
}

function instant(value: string): string {
  return value && !Number.isNaN(new Date(value).getTime()) ? value : ''
}

export function cardQueryFromRoute(query: LocationQuery): CardQuery {
  const bound = queryString(query, 'bound')
  const sort = queryString(query, 'sort')
  const size = queryPositiveInt(query, 'pageSize', DEFAULT_PAGE_SIZE)
  const pageSize = PAGE_SIZES.includes(size) ? size : DEFAULT_PAGE_SIZE
  const day = (key: string) => (DAY.test(queryString(query, key)) ? queryString(query, key) : '')
  return {
    q: queryString(query, 'q'),
    number: queryString(query, 'number'),
    iccid: queryString(query, 'iccid'),
    platformId: queryList(query, 'platformId'),
    carrierId: queryList(query, 'carrierId'),
    type: oneOf(CARD_TYPES, queryList(query, 'type')),
    lifecycle: oneOf(LIFECYCLES, queryList(query, 'lifecycle')),
    carrierStatus: queryList(query, 'carrierStatus').filter((value) => value.includes(':')),
    syncState: oneOf(SYNC_STATES, queryList(query, 'syncState')),
    bound: bound === 'bound' || bound === 'unbound' ? bound : '',
    tag: queryList(query, 'tag'),
    activatedFrom: day('activatedFrom'),
    activatedTo: day('activatedTo'),
    updatedFrom: instant(queryString(query, 'updatedFrom')),
    updatedTo: instant(queryString(query, 'updatedTo')),
    sort: oneOf(SORT_KEYS, [sort])[0] ?? '',
    order: queryString(query, 'order') === 'asc' ? 'asc' : 'desc',
    // Pages past the first 10,000 matches cannot be asked for by number.
    page: Math.min(queryPositiveInt(query, 'page', 1), Math.floor(PAGE_DEPTH_LIMIT / pageSize)),
    pageSize,
    view: queryString(query, 'view') === 'grid' ? 'grid' : 'table',
  }
}

/** Only what differs from the defaults, so shared URLs stay short. */
export function cardQueryToRoute(query: CardQuery): LocationQueryRaw {
  const raw: LocationQueryRaw = {}
  const defaults: Partial<Record<keyof CardQuery, unknown>> = {
    page: 1,
    pageSize: DEFAULT_PAGE_SIZE,
    view: 'table',
    sort: '',
    order: 'desc',
  }
  for (const [key, value] of Object.entries(query) as [keyof CardQuery, unknown][]) {
    if (Array.isArray(value)) {
      if (value.length > 0) raw[key] = value.map(String)
    } else if (value !== '' && value !== defaults[key]) raw[key] = String(value)
  }
  // The order means nothing without a sort column.
  if (!query.sort) delete raw['order']
  return raw
}

/** Midnight at the start of a YYYY-MM-DD day in the browser's time zone, `plusDays` later. */
function dayStart(day: string, plusDays = 0): string {
  const [year, month, date] = day.split('-').map(Number)
  return new Date(year ?? 0, (month ?? 1) - 1, (date ?? 1) + plusDays).toISOString()
}

const list = <T>(values: T[]): T[] | undefined => (values.length > 0 ? values : undefined)
const text = (value: string): string | undefined => value.trim() || undefined

/** The URL state as `GET /api/v1/cards` parameters. */
export function cardApiQuery(query: CardQuery): ApiQuery {
  return {
    q: text(query.q),
    number: text(query.number),
    iccid: text(query.iccid),
    platformId: list(query.platformId),
    carrierId: list(query.carrierId),
    type: list(query.type),
    lifecycle: list(query.lifecycle),
    carrierStatus: list(query.carrierStatus),
    syncState: list(query.syncState),
    bound: query.bound === '' ? undefined : query.bound === 'bound',
    tag: list(query.tag),
    activatedFrom: query.activatedFrom ? dayStart(query.activatedFrom) : undefined,
    // The picked end day is inclusive; the API's bound is exclusive.
    activatedTo: query.activatedTo ? dayStart(query.activatedTo, 1) : undefined,
    updatedFrom: query.updatedFrom || undefined,
    updatedTo: query.updatedTo || undefined,
    sort: query.sort || undefined,
    order: query.sort ? query.order : undefined,
    page: query.page,
    limit: query.pageSize,
  }
}

/** How many advanced filters (those behind 更多筛选) are in use. */
export function advancedFilterCount(query: CardQuery): number {
  const advanced: (keyof CardQuery)[] = [
    'number',
    'iccid',
    'type',
    'carrierStatus',
    'syncState',
    'bound',
    'tag',
    'activatedFrom',
    'updatedFrom',
  ]
  return advanced.filter((key) => {
    const value = query[key]
    return Array.isArray(value) ? value.length > 0 : value !== ''
  }).length
}
