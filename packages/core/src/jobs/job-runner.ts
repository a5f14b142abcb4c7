import { sql, type Kysely } from 'kysely'
import type { OperationContext } from '../actor.js'
import type { Database, JobAction, JobItemRow, JobRow } from '../db/schema.js'
import type { CoreLogger } from '../logger.js'
import type { ItemHandler } from './item-handler.js'
import { writeJobItems } from './job-items.js'
import type { StoredSelector } from './job-request.js'
import { JobLease } from './job-lease.js'
import { pause } from './pause.js'
import { localWorkerId } from './worker-id.js'
import { jobContext } from './job-context.js'
import { failedOutcome, settleItems, skipPending, type ItemOutcome } from './job-results.js'

export interface JobRunnerOptions {
  /** How long a worker's hold on a job lasts without renewal; a dead worker's jobs are taken over after it. */
  leaseSeconds: number
  /** Identifies this worker in the lease column. */
  workerId?: string
}

export type RunOutcome = 'finished' | 'not-claimed' | 'stopped'

/**
 * Tries of a round that throws (a lost connection, a deadlock, a number registered meanwhile by
 * someone else): the round is read again and retried before its unfinished items fail.
 */
const ROUND_ATTEMPTS = 3
const ROUND_RETRY_DELAY_MS = 500

/**
 * Runs jobs: takes a job's lease, writes its items if the worker has not yet, then works through
 * the pending items platform by platform (platforms in parallel, each in chunks of its plugin's
 * batch size) until none is left, the job is cancelled, or the worker stops. Progress lives in the
 * items, so a job taken over after a crash continues where the dead worker's last stored result is.
 */
export class JobRunner {
  readonly workerId: string
  private readonly lease: JobLease
  private readonly running = new Set<string>()

  constructor(
    private readonly db: Kysely<Database>,
    private readonly handlers: Record<JobAction, ItemHandler>,
    private readonly logger: CoreLogger,
    private readonly options: JobRunnerOptions,
  ) {
    this.workerId = options.workerId ?? localWorkerId()
    this.lease = new JobLease(db, this.workerId, options.leaseSeconds)
  }

  async run(jobId: string, stop?: AbortSignal): Promise<RunOutcome> {
    // Every run in this process shares the worker id, so the lease cannot tell two local runs of one
    // job apart (a second "run job X" message while the first still runs): they are kept apart here.
    if (this.running.has(jobId)) return 'not-claimed'
    this.running.add(jobId)
    try {
      return await this.claimAndRun(jobId, stop)
    } finally {
      this.running.delete(jobId)
    }
  }

  private async claimAndRun(jobId: string, stop: AbortSignal | undefined): Promise<RunOutcome> {
    const job = await this.lease.claim(jobId)
    if (!job) return 'not-claimed'
    const abort = new AbortController()
    const onStop = () => abort.abort()
    if (stop?.aborted) abort.abort()
    stop?.addEventListener('abort', onStop)
    const heartbeat = setInterval(
      () => {
        void this.lease.renew(jobId).then(
          (state) => {
            if (state === 'lost' || state === 'cancel') abort.abort()
          },
          (error: unknown) => this.logger.warn({ err: error, jobId }, 'job lease renewal failed'),
        )
      },
      Math.max(200, (this.options.leaseSeconds * 1000) / 3),
    )
    try {
      const handler = this.handlers[job.action]
      const ctx = jobContext(job)
      const ready = job.itemsReady ? job : await this.writeItems(job)
      await handler.prepare?.(ready, ctx)
      const groups = await this.db
        .selectFrom('jobItems')
        .select('platformId')
        .distinct()
        .where('jobId', '=', jobId)
        .where('result', '=', 'pending')
        .execute()
      await Promise.all(
        groups.map((group) => this.runGroup(ready, group.platformId, handler, ctx, abort.signal)),
      )
      return await this.finish(jobId, stop?.aborted === true, handler)
    } catch (error) {
      this.logger.error({ err: error, jobId }, 'job failed')
      await this.db
        .updateTable('jobs')
        .set({
          state: 'failed',
          errorCode: 'INTERNAL',
          errorMessage: error instanceof Error ? error.message : String(error),
          finishedAt: new Date(),
          updatedAt: new Date(),
          leaseOwner: null,
          leaseExpiresAt: null,
        })
        .where('id', '=', jobId)
        .where('leaseOwner', '=', this.workerId)
        .execute()
      return 'finished'
    } finally {
      clearInterval(heartbeat)
      stop?.removeEventListener('abort', onStop)
    }
  }

  private async writeItems(job: JobRow): Promise<JobRow> {
    return this.db.transaction().execute(async (trx) => {
      const total = await writeJobItems(trx, job.id, job.action, job.selector as StoredSelector)
      if (job.action === 'sync') {
        // Cards show they are queued for a sync until their turn comes.
        await sql`update cards set sync_state = 'waiting'
                  where id in (select card_id from job_items where job_id = ${job.id})`.execute(trx)
      }
      return trx
        .updateTable('jobs')
        .set({ itemsReady: true, total, updatedAt: sql`now()` })
        .where('id', '=', job.id)
        .returningAll()
        .executeTakeFirstOrThrow()
    })
  }

  private async runGroup(
    job: JobRow,
    platformId: string | null,
    handler: ItemHandler,
    ctx: OperationContext,
    signal: AbortSignal,
  ): Promise<void> {
    const size = await handler.chunkSize(platformId)
    // Items up to the last round taken are settled or in hand: reading after it keeps each round an
    // index range read, instead of stepping again over every settled item's stale "pending" entry.
    let after = 0
    let taking: Promise<unknown> = Promise.resolve()
    /** The next round's items; lanes take rounds one at a time, so no two get the same items. */
    const nextRound = (): Promise<JobItemRow[]> => {
      const next = taking.then(async () => {
        const items = await this.pendingItems(job.id, platformId, after, { limit: size })
        after = items.at(-1)?.seq ?? after
        return items
      })
      taking = next.catch(() => undefined)
      return next
    }
    const lane = async () => {
      while (!signal.aborted) {
        // Each round renews the hold and notices a cancel before taking more items.
        if ((await this.lease.renew(job.id)) !== 'held') return
        const items = await nextRound()
        if (items.length === 0) return
        await this.runRound(job, platformId, handler, ctx, signal, items)
      }
    }
    const lanes = await Promise.allSettled(
      Array.from({ length: Math.max(1, handler.parallelRounds ?? 1) }, lane),
    )
    const failure = lanes.find((outcome) => outcome.status === 'rejected')
    if (failure) throw failure.reason
  }

  /**
   * One round: handled, and when the handler throws, tried again (up to ROUND_ATTEMPTS) with those of
   * its items still pending; what the round did not end, fails. Items are left pending only when the
   * job is stopped or cancelled meanwhile.
   */
  private async runRound(
    job: JobRow,
    platformId: string | null,
    handler: ItemHandler,
    ctx: OperationContext,
    signal: AbortSignal,
    items: JobItemRow[],
  ): Promise<void> {
    const first = items[0]?.seq ?? 0
    const last = items.at(-1)?.seq ?? 0
    const settled = new Set<number>()
    const settle = async (outcomes: readonly ItemOutcome[], executor = this.db) => {
      await settleItems(executor, job.id, outcomes)
      for (const outcome of outcomes) settled.add(outcome.seq)
    }
    let round = items
    for (let attempt = 1; round.length > 0 && !signal.aborted; attempt += 1) {
      try {
        await handler.handle({ job, platformId, items: round, ctx, signal, settle })
        break
      } catch (error) {
        if (attempt >= ROUND_ATTEMPTS) {
          this.logger.error({ err: error, jobId: job.id }, 'job round failed')
          await settle(round.filter((i) => !settled.has(i.seq)).map((i) => failedOutcome(i.seq, error)))
          break
        }
        this.logger.warn({ err: error, jobId: job.id, attempt }, 'job round failed; retrying it')
        await pause(ROUND_RETRY_DELAY_MS * attempt, signal)
        // Read the round again: what it settled stays settled, the rest is tried once more (a resumed
        // state change first checks whether it was already made).
        round = await this.pendingItems(job.id, platformId, first - 1, { upTo: last })
      }
    }
    if (signal.aborted) return
    // Every item ends with a result; one a handler passed over would otherwise be retried forever.
    const missed = await this.pendingItems(job.id, platformId, first - 1, { upTo: last })
    if (missed.length > 0)
      await settle(missed.map((i) => failedOutcome(i.seq, new Error('the item was not processed'))))
  }

  /** A platform's pending items after `after`, in order: up to `limit` of them, or up to seq `upTo`. */
  private async pendingItems(
    jobId: string,
    platformId: string | null,
    after: number,
    range: { limit?: number; upTo?: number },
  ): Promise<JobItemRow[]> {
    let query = this.db
      .selectFrom('jobItems')
      .selectAll()
      .where('jobId', '=', jobId)
      .where((eb) => (platformId === null ? eb('platformId', 'is', null) : eb('platformId', '=', platformId)))
      .where('result', '=', 'pending')
      .where('seq', '>', after)
    if (range.upTo !== undefined) query = query.where('seq', '<=', range.upTo)
    // The partial index's own order: with `platform_id is null` the planner does not count the
    // platform as fixed, and ordering by seq alone would sort every remaining item.
    query = query.orderBy('platformId').orderBy('seq')
    if (range.limit !== undefined) query = query.limit(range.limit)
    return query.execute()
  }

  private async finish(jobId: string, stopping: boolean, handler: ItemHandler): Promise<RunOutcome> {
    return this.db.transaction().execute(async (trx) => {
      const job = await trx
        .selectFrom('jobs')
        .selectAll()
        .where('id', '=', jobId)
        .forUpdate()
        .executeTakeFirstOrThrow()
      if (job.leaseOwner !== this.workerId) return 'stopped'
      const pending = await trx
        .selectFrom('jobItems')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('jobId', '=', jobId)
        .where('result', '=', 'pending')
        .executeTakeFirstOrThrow()
      if (pending.n > 0 && (stopping || !job.cancelRequested)) {
        // Stopping, or lease trouble cut the run short: hand the job over at once rather than after
        // the lease runs out; the next run picks up the rest.
        await trx
          .updateTable('jobs')
          .set({ leaseOwner: null, leaseExpiresAt: null })
          .where('id', '=', jobId)
          .execute()
        return 'stopped'
      }
      const cancelled = job.cancelRequested && pending.n > 0
      // A cancel that came after the last item changes nothing: the job completed.
      if (cancelled) await skipPending(trx, jobId)
      else await handler.finish?.(trx, job, jobContext(job))
      await trx
        .updateTable('jobs')
        .set({
          state: cancelled ? 'cancelled' : 'completed',
          finishedAt: sql`now()`,
          updatedAt: sql`now()`,
          leaseOwner: null,
          leaseExpiresAt: null,
        })
        .where('id', '=', jobId)
        .execute()
      return 'finished'
    })
  }
}
