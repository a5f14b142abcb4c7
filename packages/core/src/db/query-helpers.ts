import { sql, type Kysely, type SelectQueryBuilder } from 'kysely'
import type { Database } from './schema.js'

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`)

/** An ILIKE pattern matching `text` anywhere, with the user's own `%`, `_` and `\` taken literally. */
export function containsPattern(text: string): string {
  return `%${escapeLike(text)}%`
}

/** A LIKE pattern matching values that start with `text` (served by a btree index), taken literally. */
export function prefixPattern(text: string): string {
  return `${escapeLike(text)}%`
}

/** `count(*)` as a JavaScript number on both engines. */
export const countAll = sql<number>`count(*)::int`

/** Lists count their matches up to here; past it they say "10,000+" and page numbers stop. */
export const COUNT_CAP = 10_000

/**
 * How many rows a query matches, reading at most COUNT_CAP + 1 of them, so a list over a million
 * rows is never counted in full on a click.
 */
export async function cappedCount<TB extends keyof Database, O>(
  db: Kysely<Database>,
  matching: SelectQueryBuilder<Database, TB, O>,
): Promise<{ total: number; capped: boolean }> {
  const row = await db
    .selectFrom(
      matching
        .clearSelect()
        .select(sql`1`.as('one'))
        .limit(COUNT_CAP + 1)
        .as('matching'),
    )
    .select(countAll.as('n'))
    .executeTakeFirstOrThrow()
  return row.n > COUNT_CAP ? { total: COUNT_CAP, capped: true } : { total: row.n, capped: false }
}
