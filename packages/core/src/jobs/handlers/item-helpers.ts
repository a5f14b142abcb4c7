import { sql, type Kysely } from 'kysely'
import type { Database, JobItemRow } from '../../db/schema.js'
import { isDomainError } from '../../errors.js'
import { failedOutcome, type ItemOutcome } from '../job-results.js'

/**
 * Refusals that mean "nothing to do for this card now" rather than "it went wrong": the item is
 * skipped with the reason. Everything else (carrier errors, disabled platforms…) fails.
 */
const skipCodes: ReadonlySet<string> = new Set([
  'ACTION_NOT_ALLOWED',
  'CARD_CHANGE_PENDING',
  'CARD_NOT_FOUND',
  'CARD_ALREADY_BOUND',
])

export function outcomeOfError(seq: number, error: unknown): ItemOutcome {
  if (isDomainError(error) && skipCodes.has(error.code))
    return { seq, result: 'skipped', code: error.code, message: error.message }
  return failedOutcome(seq, error)
}

/** Records that work on these items is about to start, so a resumed job can tell it may have happened. */
export async function markAttempted(db: Kysely<Database>, items: readonly JobItemRow[]): Promise<void> {
  const first = items[0]
  if (!first) return
  await db
    .updateTable('jobItems')
    .set({ attemptedAt: sql`now()` })
    .where('jobId', '=', first.jobId)
    .where(
      'seq',
      'in',
      items.map((i) => i.seq),
    )
    .where('attemptedAt', 'is', null)
    .execute()
}
