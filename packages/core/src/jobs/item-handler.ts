import type { OperationContext } from '../actor.js'
import type { Transaction } from 'kysely'
import type { Database, JobItemRow, JobRow } from '../db/schema.js'
import type { Executor, ItemOutcome } from './job-results.js'

/** A chunk of one job's pending items, all of one platform (or all carrier-free work). */
export interface ItemBatch {
  job: JobRow
  platformId: string | null
  items: JobItemRow[]
  /** The job's creator, with the job id, for the audit rows the work writes. */
  ctx: OperationContext
  /** Aborted when the job is cancelled or the worker stops: leave the rest pending and return. */
  signal: AbortSignal
  /** Stores outcomes (with the executor of a transaction that must include them, if any). */
  settle(outcomes: readonly ItemOutcome[], executor?: Executor): Promise<void>
}

/** What one job action does to its items. */
export interface ItemHandler {
  /** Items taken per round for a platform: its plugin's batch size for the operation. */
  chunkSize(platformId: string | null): Promise<number>
  /**
   * Rounds of one platform run side by side (default 1). Only for work whose rounds cannot touch
   * each other's rows (an import's rows are unique across the file once prepared).
   */
  readonly parallelRounds?: number
  /** Work to do once before the items (e.g. checks across a whole import file); must be repeatable. */
  prepare?(job: JobRow, ctx: OperationContext): Promise<void>
  /** Processes the items, settling each one; items left pending after an abort are resumed later. */
  handle(batch: ItemBatch): Promise<void>
  /** Runs in the transaction that marks the job finished (so at most once), unless it was cancelled. */
  finish?(trx: Transaction<Database>, job: JobRow, ctx: OperationContext): Promise<void>
}
