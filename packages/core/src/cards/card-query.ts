import { sql, type Expression, type RawBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely'
import type { CardType, Database, SyncState } from '../db/schema.js'
import { containsPattern, prefixPattern } from '../db/query-helpers.js'
import { invalidField } from '../errors.js'
import { sniffIdentifier } from './iccid.js'

/** Every filter of the card list (and, later, of bulk jobs and exports that select "the current filter"). */
export interface CardFilter {
  /** Free text: an identifier prefix (number, ICCID, IMSI) or words in the description or device. */
  q?: string
  /** Prefixes. */
  number?: string
  iccid?: string
  deviceId?: string
  /** true: only cards bound to a device; false: only unbound cards. */
  bound?: boolean
  platformIds?: string[]
  carrierIds?: string[]
  types?: CardType[]
  lifecycles?: string[]
  /** `carrierId:code` pairs (codes are only unique within a carrier). */
  carrierStatuses?: string[]
  syncStates?: SyncState[]
  /** Cards carrying all of these tags. */
  tags?: string[]
  activatedFrom?: Date
  activatedTo?: Date
  updatedFrom?: Date
  updatedTo?: Date
  ids?: string[]
}

export const cardSortKeys = [
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
] as const
export type CardSortKey = (typeof cardSortKeys)[number]
export type SortOrder = 'asc' | 'desc'

// Each sort key is a list of expressions matching one index in the cards migration; `id` always
// closes the list, so the order is total and a keyset cursor is exact. Unique columns need no tiebreak.
const sortExpressions: Record<CardSortKey, RawBuilder<unknown>[]> = {
  createdAt: [],
  updatedAt: [sql`cards.updated_at`],
  number: [sql`cards.number`],
  iccid: [sql`cards.iccid`],
  device: [sql`coalesce(cards.device_id, '')`],
  platform: [sql`cards.platform_id`],
  carrier: [sql`cards.carrier_id`],
  type: [sql`cards.type`],
  lifecycle: [sql`cards.lifecycle`],
  carrierStatus: [sql`cards.carrier_id`, sql`coalesce(cards.carrier_status_code, '')`],
  syncState: [sql`cards.sync_state`],
  activatedAt: [sql`coalesce(cards.activated_at, '-infinity')`],
  totalBytes: [sql`coalesce(cards.usage_total_bytes, -1)`],
  usedBytes: [sql`coalesce(cards.usage_used_bytes, -1)`],
  remainingBytes: [sql`coalesce(cards.usage_remaining_bytes, -1)`],
}

export function sortColumns(key: CardSortKey): RawBuilder<unknown>[] {
  return [...sortExpressions[key], sql`cards.id`]
}

/** An opaque keyset position: the sort values of the last row seen, as text, and its id. */
export function encodeCursor(values: readonly string[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url')
}

export function decodeCursor(cursor: string, key: CardSortKey): string[] {
  const expected = sortColumns(key).length
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (Array.isArray(values) && values.length === expected && values.every((v) => typeof v === 'string'))
      return values as string[]
  } catch {
    // fall through to the error below
  }
  throw invalidField('cursor', 'is not a cursor of this list and sort order', 'INVALID_CURSOR')
}

/** `(a, b, id) > ($1, $2, $3)`: the rows after the cursor in the list's order. */
export function afterCursor(
  key: CardSortKey,
  order: SortOrder,
  values: readonly string[],
): RawBuilder<SqlBool> {
  const columns = sortColumns(key)
  const op = sql.raw(order === 'asc' ? '>' : '<')
  return sql<SqlBool>`(${sql.join(columns)}) ${op} (${sql.join(values.map((v) => sql`${v}`))})`
}

type CardQuery<O> = SelectQueryBuilder<Database, 'cards', O>

/** Applies a filter to any query over `cards`. */
export function applyCardFilter<O>(query: CardQuery<O>, filter: CardFilter): CardQuery<O> {
  let q = query
  const any = <T>(values: readonly T[] | undefined) => values !== undefined && values.length > 0
  if (filter.q?.trim()) q = q.where(freeText(filter.q.trim()))
  if (filter.number) q = q.where('cards.number', 'like', prefixPattern(filter.number.trim()))
  if (filter.iccid) q = q.where('cards.iccid', 'like', prefixPattern(filter.iccid.trim().toUpperCase()))
  if (filter.deviceId) q = q.where('cards.deviceId', '=', filter.deviceId)
  if (filter.bound === true) q = q.where('cards.deviceId', 'is not', null)
  if (filter.bound === false) q = q.where('cards.deviceId', 'is', null)
  if (any(filter.platformIds)) q = q.where('cards.platformId', 'in', filter.platformIds ?? [])
  if (any(filter.carrierIds)) q = q.where('cards.carrierId', 'in', filter.carrierIds ?? [])
  if (any(filter.types)) q = q.where('cards.type', 'in', filter.types ?? [])
  if (any(filter.lifecycles)) q = q.where('cards.lifecycle', 'in', filter.lifecycles ?? [])
  if (any(filter.syncStates)) q = q.where('cards.syncState', 'in', filter.syncStates ?? [])
  if (any(filter.carrierStatuses)) q = q.where(carrierStatusIn(filter.carrierStatuses ?? []))
  if (any(filter.tags)) q = q.where(sql<SqlBool>`cards.tags @> ${sql.val(filter.tags ?? [])}::text[]`)
  if (filter.activatedFrom) q = q.where('cards.activatedAt', '>=', filter.activatedFrom)
  if (filter.activatedTo) q = q.where('cards.activatedAt', '<', filter.activatedTo)
  if (filter.updatedFrom) q = q.where('cards.updatedAt', '>=', filter.updatedFrom)
  if (filter.updatedTo) q = q.where('cards.updatedAt', '<', filter.updatedTo)
  if (any(filter.ids)) q = q.where('cards.id', 'in', (filter.ids ?? []).map(Number))
  return q
}

function carrierStatusIn(pairs: readonly string[]): Expression<SqlBool> {
  const rows = pairs.map((pair) => {
    const split = pair.indexOf(':')
    if (split <= 0) throw invalidField('carrierStatus', `"${pair}" is not carrierId:code`)
    return sql`(${pair.slice(0, split)}, ${pair.slice(split + 1)})`
  })
  return sql<SqlBool>`(cards.carrier_id, coalesce(cards.carrier_status_code, '')) in (${sql.join(rows)})`
}

/**
 * Identifiers are matched by prefix through their indexes; other words by substring in the
 * description and the bound device's id (a scan, bounded by the page size).
 */
function freeText(term: string): Expression<SqlBool> {
  const kind = sniffIdentifier(term)
  const compact = term.replace(/[\s-]/g, '')
  if (kind === 'iccid') return sql<SqlBool>`cards.iccid like ${prefixPattern(compact.toUpperCase())}`
  if (kind === 'imsi' || /^\d{4,}$/.test(compact)) {
    const prefix = prefixPattern(compact)
    return sql<SqlBool>`(cards.number like ${prefix} or cards.iccid like ${prefix} or cards.imsi like ${prefix})`
  }
  const contains = containsPattern(term)
  return sql<SqlBool>`(cards.description ilike ${contains} or cards.device_id ilike ${contains} or cards.number like ${prefixPattern(compact)})`
}
