import { sql, type Kysely } from 'kysely'
import type { OperationContext } from '../actor.js'
import type { Database, JobAction, JobRow } from '../db/schema.js'
import type { CoreLogger } from '../logger.js'
import type { ItemHandler } from './item-handler.js'
import { writeJobItems } from './job-items.js'
import type { StoredSelector } from './job-request.js'
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
  private readonly running = new Set<string>()

  constructor(
    private readonly db: Kysely<Database>,
    private readonly handlers: Record<JobAction, ItemHandler>,
    private readonly logger: CoreLogger,
    private readonly options: JobRunnerOptions,
  ) {
    this.workerId = options.workerId ?? localWorkerId()
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
    const job = await this.claim(jobId)
    if (!job) return 'not-claimed'
    const abort = new AbortController()
    const onStop = () => abort.abort()
    if (stop?.aborted) abort.abort()
    stop?.addEventListener('abort', onStop)
    const heartbeat = setInterval(
      () => {
        void this.renew(jobId).then(
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

  /** Takes the job when it is waiting or its worker's lease ran out. */
  private async claim(jobId: string): Promise<JobRow | undefined> {
    return this.db
      .updateTable('jobs')
      .set({
        leaseOwner: this.workerId,
        leaseExpiresAt: this.leaseEnd(),
        state: 'running',
        startedAt: sql`coalesce(started_at, now())`,
        updatedAt: sql`now()`,
      })
      .where('id', '=', jobId)
      .where('state', 'in', ['queued', 'running'])
      .where((eb) => eb.or([eb('leaseOwner', 'is', null), eb('leaseExpiresAt', '<', sql<Date>`now()`)]))
      .returningAll()
      .executeTakeFirst()
  }

  private leaseEnd() {
    return sql<Date>`now() + make_interval(secs => ${this.options.leaseSeconds})`
  }

  private async renew(jobId: string): Promise<'held' | 'lost' | 'cancel'> {
    const row = await this.db
      .updateTable('jobs')
      .set({ leaseExpiresAt: this.leaseEnd() })
      .where('id', '=', jobId)
      .where('leaseOwner', '=', this.workerId)
      .returning('cancelRequested')
      .executeTakeFirst()
    return !row ? 'lost' : row.cancelRequested ? 'cancel' : 'held'
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
    // Items before the last round are all settled: starting after it keeps each round an index range
    // read, instead of stepping again over every settled item's stale "pending" index entry.
    let after = 0
    let failedTries = 0
    while (!signal.aborted) {
      // Each round renews the hold and notices a cancel before taking more items.
      if ((await this.renew(job.id)) !== 'held') return
      const items = await this.db
        .selectFrom('jobItems')
        .selectAll()
        .where('jobId', '=', job.id)
        .where((eb) =>
          platformId === null ? eb('platformId', 'is', null) : eb('platformId', '=', platformId),
        )
        .where('result', '=', 'pending')
        .where('seq', '>', after)
        // The partial index's own order: with `platform_id is null` the planner does not count the
        // platform as fixed, and ordering by seq alone would sort every remaining item.
        .orderBy('platformId')
        .orderBy('seq')
        .limit(size)
        .execute()
      if (items.length === 0) return
      const roundStart = items[0]?.seq ?? after + 1
      after = items.at(-1)?.seq ?? after
      const settled = new Set<number>()
      const settle = async (outcomes: readonly ItemOutcome[], executor = this.db) => {
        await settleItems(executor, job.id, outcomes)
        for (const outcome of outcomes) settled.add(outcome.seq)
      }
      try {
        await handler.handle({ job, platformId, items, ctx, signal, settle })
        failedTries = 0
      } catch (error) {
        failedTries += 1
        if (failedTries < ROUND_ATTEMPTS && !signal.aborted) {
          // Read the round again: what it settled stays settled, the rest is tried once more (a
          // resumed state change first checks whether it was already made).
          this.logger.warn(
            { err: error, jobId: job.id, attempt: failedTries },
            'job round failed; retrying it',
          )
          after = roundStart - 1
          await pause(ROUND_RETRY_DELAY_MS * failedTries, signal)
          continue
        }
        // A round that keeps failing still ends: each of its unsettled items fails with the reason.
        this.logger.error({ err: error, jobId: job.id }, 'job round failed')
        failedTries = 0
        await settle(items.filter((i) => !settled.has(i.seq)).map((i) => failedOutcome(i.seq, error)))
      }
      if (!signal.aborted) {
        // Every item ends with a result; one a handler passed over would otherwise be retried forever.
        const missed = await this.db
          .selectFrom('jobItems')
          .select('seq')
          .where('jobId', '=', job.id)
          .where('seq', '>=', items[0]?.seq ?? 0)
          .where('seq', '<=', after)
          .where('result', '=', 'pending')
          .execute()
        if (missed.length > 0)
          await settle(missed.map((i) => failedOutcome(i.seq, new Error('the item was not processed'))))
      }
    }
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

/** Waits, or less if the job is stopped meanwhile. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer)
      signal.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    signal.addEventListener('abort', done)
  })
}
