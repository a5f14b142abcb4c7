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

/** Items a cancelled job never reached end skipped, counted in one statement. */
export async function skipPending(executor: Kysely<Database>, jobId: string): Promise<void> {
  await sql`
    with skipped as (
      update job_items set result = 'skipped', code = 'JOB_CANCELLED',
             message = 'the job was cancelled before this item was reached', finished_at = now()
      where job_id = ${jobId} and result = 'pending'
      returning 1
    )
    update jobs set skipped = skipped + (select count(*) from skipped), updated_at = now()
    where id = ${jobId}`.execute(executor)
  // Cards a cancelled sync never reached stop showing "waiting" and go back to what they last were.
  await sql`
    update cards set sync_state = case when synced_at is null then 'never'
                                       when sync_error_code is null then 'ok' else 'failed' end
    where sync_state = 'waiting'
      and id in (select card_id from job_items where job_id = ${jobId} and code = 'JOB_CANCELLED')
      and exists (select 1 from jobs where id = ${jobId} and action = 'sync')`.execute(executor)
}
