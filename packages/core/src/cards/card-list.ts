import { sql, type Kysely } from 'kysely'
import { isUuid } from '../auth/users.js'
import type { Database } from '../db/schema.js'
import { cappedCount, countAll, COUNT_CAP } from '../db/query-helpers.js'
import { invalidField } from '../errors.js'
import { toCard, type Card, type CarrierRules } from './card.js'
import {
  afterCursor,
  applyCardFilter,
  decodeCursor,
  encodeCursor,
  sortColumns,
  type CardFilter,
  type CardSortKey,
  type SortOrder,
} from './card-query.js'

export interface CardListRequest {
  filter: CardFilter
  sort: CardSortKey
  order: SortOrder
  limit: number
  /** Keyset position from a previous page's `nextCursor` (any depth, constant cost). */
  cursor?: string
  /** 1-based page number for page-numbered views; limited to the first `COUNT_CAP` rows. */
  page?: number
}

export interface CardPage {
  items: Card[]
  nextCursor: string | null
  /** Matching cards, counted up to `COUNT_CAP`; `totalCapped` says there are more. */
  total: number
  totalCapped: boolean
}

/** Matches no card: not a valid carrier id (ids are lowercase letters, digits and dashes). */
const NO_CARRIER = '(none)'

export interface CarrierStatusOption {
  carrierId: string
  code: string
  label: Record<string, string>
}

/** The card list at a million cards: one indexed page query and a capped count, run together. */
export class CardLister {
  private readonly carrierOfPlatform = new Map<string, string>()

  constructor(
    private readonly db: Kysely<Database>,
    private readonly rulesOf: (carrierId: string) => CarrierRules | undefined,
    private readonly now: () => Date,
  ) {}

  async list(request: CardListRequest): Promise<CardPage> {
    if (request.cursor !== undefined && request.page !== undefined)
      throw invalidField('cursor', 'give either cursor or page, not both')
    const offset = request.page === undefined ? 0 : (request.page - 1) * request.limit
    if (offset + request.limit > COUNT_CAP)
      throw invalidField(
        'page',
        `page numbers reach the first ${COUNT_CAP} cards; narrow the filter or page on with cursor`,
        'PAGE_TOO_DEEP',
      )
    const columns = sortColumns(request.sort)
    const direction = sql.raw(request.order)
    const filter = await this.withImpliedCarriers(request.filter)
    let query = applyCardFilter(this.db.selectFrom('cards').selectAll('cards'), filter)
      .select(sql<string[]>`array[${sql.join(columns.map((c) => sql`(${c})::text`))}]`.as('sortKey'))
      .orderBy(sql`${sql.join(columns.map((c) => sql`${c} ${direction}`))}`)
      .limit(request.limit + 1)
    if (request.cursor !== undefined)
      query = query.where(
        afterCursor(request.sort, request.order, decodeCursor(request.cursor, request.sort)),
      )
    if (offset > 0) query = query.offset(offset)
    // Platform and device names come in the same round trip: the page is small, the joins are by key.
    const withNames = query
      .innerJoin('platforms', 'platforms.id', 'cards.platformId')
      .leftJoin('devices', 'devices.id', 'cards.deviceId')
      .select([
        'platforms.name as platformName',
        'platforms.state as platformState',
        'devices.name as deviceName',
        'devices.state as deviceState',
      ])
    const [rows, count] = await Promise.all([
      withNames.execute(),
      cappedCount(this.db, applyCardFilter(this.db.selectFrom('cards'), filter)),
    ])
    const page = rows.slice(0, request.limit)
    const last = page.at(-1)
    const now = this.now()
    return {
      items: page.map((row) => toCard(row, this.rulesOf(row.carrierId), now)),
      nextCursor: rows.length > request.limit && last ? encodeCursor(last.sortKey) : null,
      total: count.total,
      totalCapped: count.capped,
    }
  }

  /** The exact number of matching cards (a bulk action's confirmation; counts all, so it may take a moment at 1M). */
  async count(filter: CardFilter): Promise<number> {
    const row = await applyCardFilter(this.db.selectFrom('cards'), await this.withImpliedCarriers(filter))
      .select(countAll.as('n'))
      .executeTakeFirstOrThrow()
    return row.n
  }

  /**
   * A platform filter also names the platforms' carriers, so the planner can use the carrier-led
   * indexes (card numbers follow the carrier; without this, "one platform sorted by number" walks
   * the whole number index). A platform's carrier never changes, so the lookup is cached.
   */
  private async withImpliedCarriers(filter: CardFilter): Promise<CardFilter> {
    const platformIds = filter.platformIds ?? []
    if (platformIds.length === 0) return filter
    const unknown = platformIds.filter((id) => !this.carrierOfPlatform.has(id) && isUuid(id))
    if (unknown.length > 0) {
      const rows = await this.db
        .selectFrom('platforms')
        .select(['id', 'carrierId'])
        .where('id', 'in', unknown)
        .execute()
      for (const row of rows) this.carrierOfPlatform.set(row.id, row.carrierId)
    }
    const implied = [...new Set(platformIds.flatMap((id) => this.carrierOfPlatform.get(id) ?? []))]
    // No known platform: the filter matches nothing either way; leave it as asked.
    if (implied.length === 0) return filter
    const carrierIds = filter.carrierIds?.length
      ? filter.carrierIds.filter((c) => implied.includes(c))
      : implied
    return { ...filter, carrierIds: carrierIds.length > 0 ? carrierIds : [NO_CARRIER] }
  }

  /**
   * Distinct carrier statuses present among the cards (for the status filter), read with a loose
   * index scan so it stays quick at a million cards.
   */
  async carrierStatuses(): Promise<CarrierStatusOption[]> {
    // Each step finds the next (carrier, code) pair after the previous one through the index.
    const code = sql`coalesce(carrier_status_code, '')`
    const { rows } = await sql<{ carrierId: string; code: string; label: Record<string, string> | null }>`
      with recursive pairs(carrier_id, code) as (
        (select carrier_id, ${code} from cards order by carrier_id, ${code} limit 1)
        union all
        select next.carrier_id, next.code from pairs, lateral (
          select carrier_id, ${code} as code from cards
          where (carrier_id, ${code}) > (pairs.carrier_id, pairs.code)
          order by carrier_id, ${code} limit 1) next
      )
      select pairs.carrier_id, pairs.code, (select carrier_status_label from cards
        where cards.carrier_id = pairs.carrier_id and ${code} = pairs.code limit 1) as label
      from pairs where pairs.code <> ''`.execute(this.db)
    return rows.map((row) => ({ carrierId: row.carrierId, code: row.code, label: row.label ?? {} }))
  }
}
