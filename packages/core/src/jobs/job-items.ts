import { sql, type Transaction } from 'kysely'
import { applyCardFilter } from '../cards/card-query.js'
import type { Database, JobAction } from '../db/schema.js'
import { filterOf, type StoredSelector } from './job-request.js'

/** Actions that call no carrier: their items form one group instead of one per platform. */
const localActions: ReadonlySet<JobAction> = new Set(['delete', 'bind', 'import'])

/**
 * Writes a job's items from its selector, in one statement inside the caller's transaction, so a
 * job has either all its items or none. Items are numbered platform by platform, then by card id,
 * which keeps each platform's cards together for batching.
 */
export async function writeJobItems(
  trx: Transaction<Database>,
  jobId: string,
  action: JobAction,
  selector: StoredSelector,
): Promise<number> {
  const grouped = !localActions.has(action)
  const platform = grouped ? sql`c.platform_id` : sql`null::uuid`
  if (selector.kind === 'ids') {
    const result = await sql`
      insert into job_items (job_id, seq, card_id, subject, platform_id)
      select ${jobId}, row_number() over (order by c.platform_id nulls last, t.ord), t.id,
             coalesce(c.number, t.id::text), ${platform}
      from unnest(${sql.val(selector.cardIds)}::bigint[]) with ordinality as t(id, ord)
      left join cards c on c.id = t.id`.execute(trx)
    return Number(result.numAffectedRows ?? 0)
  } else if (selector.kind === 'pairs') {
    const numbers = selector.pairs.map((p) => p.number ?? null)
    const ids = selector.pairs.map((p) => p.cardId ?? null)
    const devices = selector.pairs.map((p) => p.deviceId)
    const result = await sql`
      insert into job_items (job_id, seq, card_id, subject, platform_id, input)
      select ${jobId}, p.ord, coalesce(byid.id, bynumber.id), coalesce(p.number, byid.number, p.card_id),
             null, jsonb_build_object('deviceId', p.device_id)
      from unnest(${sql.val(numbers)}::text[], ${sql.val(ids)}::text[], ${sql.val(devices)}::text[])
           with ordinality as p(number, card_id, device_id, ord)
      left join cards bynumber on bynumber.number = p.number
      left join cards byid on byid.id = p.card_id::bigint`.execute(trx)
    return Number(result.numAffectedRows ?? 0)
  } else if (selector.kind === 'filter') {
    const selected = applyCardFilter(
      trx
        .selectFrom('cards')
        .select([
          sql<string>`${jobId}::uuid`.as('jobId'),
          sql<number>`row_number() over (order by cards.platform_id, cards.id)`.as('seq'),
          'cards.id as cardId',
          'cards.number as subject',
          (grouped ? sql<string | null>`cards.platform_id` : sql<string | null>`null::uuid`).as('platformId'),
        ]),
      filterOf(selector.filter),
    )
    const result = await trx
      .insertInto('jobItems')
      .columns(['jobId', 'seq', 'cardId', 'subject', 'platformId'])
      .expression(selected)
      .executeTakeFirst()
    return Number(result.numInsertedOrUpdatedRows ?? 0)
  }
  // File rows are staged while the upload is read.
  return 0
}
