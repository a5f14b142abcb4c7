import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database, JobItemResult } from '../db/schema.js'
import { isDomainError } from '../errors.js'

export type Executor = Kysely<Database> | Transaction<Database>

/** How one item ended. */
export interface ItemOutcome {
  seq: number
  result: Exclude<JobItemResult, 'pending'>
  code?: string | null
  message?: string | null
  /** The card the item made or found (imports), when the item did not know it before. */
  cardId?: number | null
}

/**
 * Stores item results and adds them to the job's counts in one statement. Only items still pending
 * change, so settling an item twice (a retried chunk, a resumed job) never counts it twice.
 */
export async function settleItems(executor: Executor, jobId: string, outcomes: readonly ItemOutcome[]) {
  if (outcomes.length === 0) return
  const column = <T>(pick: (o: ItemOutcome) => T) => sql.val(outcomes.map(pick))
  await sql`
    with outcome as (
      select * from unnest(
        ${column((o) => o.seq)}::int[], ${column((o) => o.result)}::text[], ${column((o) => o.code ?? null)}::text[],
        ${column((o) => o.message ?? null)}::text[], ${column((o) => o.cardId ?? null)}::bigint[]
      ) as o(seq, result, code, message, card_id)
    ), settled as (
      update job_items i
      set result = o.result, code = o.code, message = o.message,
          card_id = coalesce(o.card_id, i.card_id), finished_at = now()
      from outcome o
      where i.job_id = ${jobId} and i.seq = o.seq and i.result = 'pending'
      returning i.result
    )
    update jobs set
      ok = ok + (select count(*) from settled where result = 'ok'),
      skipped = skipped + (select count(*) from settled where result = 'skipped'),
      failed = failed + (select count(*) from settled where result = 'failed'),
      updated_at = now()
    where id = ${jobId}`.execute(executor)
}

/** An item that failed with an error: its code and message, whatever kind of error it was. */
export function failedOutcome(seq: number, error: unknown): ItemOutcome {
  if (isDomainError(error)) return { seq, result: 'failed', code: error.code, message: error.message }
  return {
    seq,
    result: 'failed',
    code: 'INTERNAL',
    message: error instanceof Error ? error.message : String(error),
  }
}
