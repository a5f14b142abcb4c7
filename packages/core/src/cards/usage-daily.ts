import { CHINA_UTC_OFFSET_MS, type UsageResult } from '@simops/carrier-sdk'
import { sql, type Transaction } from 'kysely'
import type { Database } from '../db/schema.js'

/** YYYY-MM-DD of an instant in China time, the day carriers bill by. */
export function chinaDay(instant: Date): string {
  return new Date(instant.getTime() + CHINA_UTC_OFFSET_MS).toISOString().slice(0, 10)
}

/**
 * Keeps `usage_daily` for a card from one usage reading. Carriers that report per-day figures are
 * stored as given. For the others the day's figure is the period-to-date total minus the total at
 * the last reading of an earlier day in the same period; on the first day of a period it is the
 * total itself. A card first read in the middle of a period has no base, so that day records 0
 * and sets the base — the history undercounts that one day rather than crediting a month to it.
 */
export async function recordDailyUsage(
  trx: Transaction<Database>,
  cardId: number,
  usage: UsageResult,
): Promise<void> {
  if (usage.daily) {
    if (usage.daily.length === 0) return
    await sql`
      insert into usage_daily (card_id, day, bytes)
      select ${cardId}, d.day::date, d.bytes
      from unnest(${sql.val(usage.daily.map((d) => d.day))}::text[], ${sql.val(usage.daily.map((d) => d.bytes))}::bigint[])
           as d(day, bytes)
      on conflict (card_id, day) do update set bytes = excluded.bytes, updated_at = now()`.execute(trx)
    return
  }
  const day = chinaDay(usage.asOf)
  const periodStart = chinaDay(usage.periodStart)
  const base = await trx
    .selectFrom('usageDaily')
    .select('periodUsedBytes')
    .where('cardId', '=', cardId)
    .where('day', '<', day)
    .where('day', '>=', periodStart)
    .where('periodUsedBytes', 'is not', null)
    .orderBy('day', 'desc')
    .limit(1)
    .executeTakeFirst()
  const bytes =
    base?.periodUsedBytes != null
      ? Math.max(0, usage.usedBytes - base.periodUsedBytes)
      : day === periodStart
        ? usage.usedBytes
        : 0
  await trx
    .insertInto('usageDaily')
    .values({ cardId, day, bytes, periodUsedBytes: usage.usedBytes })
    .onConflict((oc) =>
      oc
        .columns(['cardId', 'day'])
        .doUpdateSet({ bytes, periodUsedBytes: usage.usedBytes, updatedAt: new Date() }),
    )
    .execute()
}
