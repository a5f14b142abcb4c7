import { sql, type Kysely } from 'kysely'
import type { OperationContext } from '../actor.js'
import { actorColumns, type OperationLog } from '../audit/operation-log.js'
import { isUuid } from '../auth/users.js'
import { countAll } from '../db/query-helpers.js'
import type { Database, JobAction, JobItemResult, JobOrigin, JobState } from '../db/schema.js'
import { DomainError } from '../errors.js'
import { isFinished, jobNotFound, toJob, toJobItem, type Job, type JobItem } from './job.js'
import { selectorOf, type JobRequest, type StoredSelector } from './job-request.js'
import { skipPending } from './job-results.js'

export interface JobListFilter {
  action?: JobAction
  state?: JobState
  origin?: JobOrigin
  page: number
  pageSize: number
}

export interface JobItemFilter {
  result?: JobItemResult
  page: number
  pageSize: number
}

/** Called after a job is stored, to have a worker pick it up (the queue, once started). */
export type JobDispatch = (jobId: string) => Promise<void>

/** 任务: bulk jobs as callers see them — create, read, list, cancel. Workers run them (JobRunner). */
export class JobService {
  private dispatch: JobDispatch = async () => undefined

  constructor(
    private readonly db: Kysely<Database>,
    private readonly log: OperationLog,
  ) {}

  /** Set by the job queue when it starts; jobs created before wait for its next sweep. */
  onCreated(dispatch: JobDispatch): void {
    this.dispatch = dispatch
  }

  async create(ctx: OperationContext, request: JobRequest, origin: JobOrigin = 'request'): Promise<Job> {
    const { action, selector } = selectorOf(request)
    const platformIds = 'filter' in request ? request.filter.platformIds : undefined
    const platformId = platformIds?.length === 1 ? (platformIds[0] ?? null) : null
    const job = await this.insert(ctx, action, selector, { origin, platformId })
    await this.dispatch(job.id)
    return job
  }

  /** Stores a job row (import staging creates its job this way before its items exist). */
  async insert(
    ctx: OperationContext,
    action: JobAction,
    selector: StoredSelector,
    extra: {
      origin?: JobOrigin
      platformId?: string | null
      state?: JobState
      options?: Record<string, unknown>
    } = {},
  ): Promise<Job> {
    const actor = actorColumns(ctx.actor)
    return this.log.run(
      ctx,
      { action: `job.${action}`, targetType: 'job', details: { selector: selector.kind } },
      async (trx) => {
        const row = await trx
          .insertInto('jobs')
          .values({
            action,
            selector: JSON.stringify(selector),
            options: JSON.stringify(extra.options ?? {}),
            origin: extra.origin ?? 'request',
            platformId: extra.platformId ?? null,
            ...(extra.state ? { state: extra.state } : {}),
            createdByType: actor.actorType,
            createdById: actor.actorId,
            createdByName: actor.actorName,
            createdByApiKeyId: actor.apiKeyId,
          })
          .returningAll()
          .executeTakeFirstOrThrow()
        return toJob(row)
      },
      (job) => ({ targetId: job.id }),
    )
  }

  /** Hands a stored job to the workers (import staging calls this once its rows are in). */
  async dispatchNow(jobId: string): Promise<void> {
    await this.dispatch(jobId)
  }

  async get(id: string): Promise<Job> {
    if (!isUuid(id)) throw jobNotFound(id)
    const row = await this.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst()
    if (!row) throw jobNotFound(id)
    return toJob(row)
  }

  async list(filter: JobListFilter): Promise<{ items: Job[]; total: number }> {
    let query = this.db.selectFrom('jobs')
    if (filter.action) query = query.where('action', '=', filter.action)
    if (filter.state) query = query.where('state', '=', filter.state)
    if (filter.origin) query = query.where('origin', '=', filter.origin)
    const [rows, count] = await Promise.all([
      query
        .selectAll()
        .orderBy('createdAt', 'desc')
        .orderBy('id', 'desc')
        .limit(filter.pageSize)
        .offset((filter.page - 1) * filter.pageSize)
        .execute(),
      query.select(countAll.as('n')).executeTakeFirstOrThrow(),
    ])
    return { items: rows.map(toJob), total: count.n }
  }

  async items(jobId: string, filter: JobItemFilter): Promise<{ items: JobItem[]; total: number }> {
    const job = await this.get(jobId)
    let query = this.db.selectFrom('jobItems').where('jobId', '=', jobId)
    if (filter.result) query = query.where('result', '=', filter.result)
    const rows = await query
      .selectAll()
      .orderBy('seq')
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize)
      .execute()
    // The job's counters hold the totals, so paging never counts a million items.
    const total = filter.result
      ? filter.result === 'pending'
        ? job.counts.pending
        : job.counts[filter.result]
      : job.counts.total
    return { items: rows.map(toJobItem), total }
  }

  /** Every item (or those with one result), in order, a page at a time: for downloads of any size. */
  async *eachItem(jobId: string, result?: JobItemResult, pageSize = 2000): AsyncGenerator<JobItem[]> {
    await this.get(jobId)
    let after = 0
    for (;;) {
      let query = this.db
        .selectFrom('jobItems')
        .selectAll()
        .where('jobId', '=', jobId)
        .where('seq', '>', after)
      if (result) query = query.where('result', '=', result)
      const rows = await query.orderBy('seq').limit(pageSize).execute()
      if (rows.length === 0) return
      yield rows.map(toJobItem)
      after = rows.at(-1)?.seq ?? after
    }
  }

  /**
   * Stops a job: a job no worker holds yet ends at once; a running one stops after the items in
   * flight, and every item it did not reach ends skipped. A finished job cannot be cancelled.
   */
  async cancel(ctx: OperationContext, id: string): Promise<Job> {
    const current = await this.get(id)
    return this.log.run(
      ctx,
      { action: 'job.cancel', targetType: 'job', targetId: id, details: { jobAction: current.action } },
      async (trx) => {
        const row = await trx
          .selectFrom('jobs')
          .selectAll()
          .where('id', '=', id)
          .forUpdate()
          .executeTakeFirstOrThrow()
        if (isFinished(row.state))
          throw new DomainError(
            'conflict',
            'JOB_FINISHED',
            `Job ${id} has already ${row.state}; nothing to cancel`,
            {
              state: row.state,
            },
          )
        const unheld =
          row.leaseOwner === null || (row.leaseExpiresAt !== null && row.leaseExpiresAt < new Date())
        if (unheld && row.state !== 'running') {
          await skipPending(trx, id)
          await trx
            .updateTable('jobs')
            .set({ state: 'cancelled', cancelRequested: true, finishedAt: sql`now()`, updatedAt: sql`now()` })
            .where('id', '=', id)
            .execute()
        } else {
          await trx
            .updateTable('jobs')
            .set({ cancelRequested: true, updatedAt: sql`now()` })
            .where('id', '=', id)
            .execute()
        }
        return toJob(await trx.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow())
      },
    )
  }
}
