import PgBoss from 'pg-boss'
import type { DatabaseHandle } from '../db/database.js'
import type { CoreLogger } from '../logger.js'
import type { JobRunner } from './job-runner.js'
import { isDeadLocalWorker } from './worker-id.js'
import type { JobRetention } from './job-retention.js'
import type { JobService } from './job-service.js'
import type { SyncScheduler } from './sync-scheduler.js'

export interface JobQueueOptions {
  /** Jobs this process runs at once. Default 2. */
  workers?: number
  /** How often an idle worker looks for work, in seconds. Default 2. */
  pollingIntervalSeconds?: number
  /** How often to look for jobs nobody is running (a dead worker's, or ones queued while no queue ran). Default 30 s. */
  recoverEveryMs?: number
  /** Start scheduled platform syncs from the per-minute tick. Default true. */
  syncSchedule?: boolean
  /** Purge expired jobs from the per-minute tick (the retention period is the core's). Default true. */
  purgeJobs?: boolean
}

const RUN_QUEUE = 'simops-job-run'
const TICK_QUEUE = 'simops-tick'

/**
 * Runs jobs through pg-boss on the application's own database (its own `pgboss` schema). pg-boss
 * carries "run job X" messages between processes and keeps the per-minute schedule; what a job has
 * done lives in SimOps' own tables, so a message delivered twice or after a crash does no harm.
 */
export class JobQueue {
  private boss: PgBoss | undefined
  private readonly workerIds: string[] = []
  private readonly stopping = new AbortController()
  private recoverTimer: NodeJS.Timeout | undefined
  private readonly running = new Set<Promise<unknown>>()

  constructor(
    private readonly database: DatabaseHandle,
    private readonly jobs: JobService,
    private readonly runner: JobRunner,
    private readonly scheduler: SyncScheduler,
    private readonly retention: JobRetention,
    private readonly logger: CoreLogger,
    private readonly options: JobQueueOptions = {},
  ) {}

  async start(): Promise<void> {
    const syncSchedule = this.options.syncSchedule !== false
    const purgeJobs = this.options.purgeJobs !== false
    const boss = new PgBoss({
      db: { executeSql: (text, values) => this.database.executeSql(text, values as unknown[]) },
      schema: 'pgboss',
      schedule: syncSchedule || purgeJobs,
      // SimOps keeps the results; pg-boss's own records of delivered messages go after a day.
      deleteAfterDays: 1,
    })
    boss.on('error', (error) => this.logger.warn({ err: error }, 'job queue error'))
    await boss.start()
    this.boss = boss
    await boss.createQueue(RUN_QUEUE, { name: RUN_QUEUE, policy: 'short' })
    await boss.createQueue(TICK_QUEUE, { name: TICK_QUEUE, policy: 'short' })
    const polling = { pollingIntervalSeconds: this.options.pollingIntervalSeconds ?? 2, batchSize: 1 }
    for (let i = 0; i < (this.options.workers ?? 2); i += 1) {
      this.workerIds.push(
        await boss.work<{ jobId: string }>(RUN_QUEUE, polling, async ([message]) => {
          if (message) await this.track(this.runner.run(message.data.jobId, this.stopping.signal))
        }),
      )
    }
    if (syncSchedule || purgeJobs) {
      await boss.schedule(TICK_QUEUE, '* * * * *')
      await boss.work(TICK_QUEUE, polling, async () => {
        if (syncSchedule) await this.scheduler.run()
        if (purgeJobs) {
          const purged = await this.retention.purge()
          if (purged.jobs > 0 || purged.items > 0) this.logger.info({ ...purged }, 'expired jobs purged')
        }
      })
    }
    this.jobs.onCreated((jobId) => this.enqueue(jobId))
    await this.recover()
    this.recoverTimer = setInterval(() => {
      this.recover().catch((error: unknown) => this.logger.warn({ err: error }, 'job recovery failed'))
    }, this.options.recoverEveryMs ?? 30_000)
  }

  /** Asks a worker (any process) to run the job; the local workers are woken at once. */
  async enqueue(jobId: string): Promise<void> {
    const boss = this.boss
    if (!boss || this.stopping.signal.aborted) return
    await boss.send(RUN_QUEUE, { jobId }, { singletonKey: jobId, retryLimit: 2, expireInSeconds: 4 * 3600 })
    for (const id of this.workerIds) boss.notifyWorker(id)
  }

  /**
   * Queues jobs nobody holds: waiting ones, running ones whose worker's lease has run out, and ones
   * held by a process of this host that has died (a restart resumes them at once). Import uploads
   * cut off by a crash are marked failed.
   */
  async recover(): Promise<number> {
    await this.database.executeSql(
      `update jobs set state = 'failed', error_code = 'IMPORT_INTERRUPTED',
              error_message = 'the server stopped while the file was being uploaded; upload it again',
              finished_at = now(), updated_at = now()
       where state = 'staging' and updated_at < now() - interval '10 minutes'`,
    )
    const held = await this.database.executeSql(
      `select id, lease_owner from jobs where state in ('queued', 'running') and lease_expires_at >= now()`,
    )
    for (const row of held.rows) {
      const owner = String(row.lease_owner)
      if (isDeadLocalWorker(owner, this.runner.workerId))
        await this.database.executeSql(
          `update jobs set lease_owner = null, lease_expires_at = null where id = $1 and lease_owner = $2`,
          [row.id, owner],
        )
    }
    const orphans = await this.database.executeSql(
      `select id from jobs where state in ('queued', 'running')
         and (lease_owner is null or lease_expires_at < now())`,
    )
    for (const row of orphans.rows) await this.enqueue(String(row.id))
    return orphans.rows.length
  }

  /** Stops taking work and hands running jobs back (their items stay where they are). */
  async stop(): Promise<void> {
    if (this.recoverTimer) clearInterval(this.recoverTimer)
    this.stopping.abort()
    await Promise.allSettled([...this.running])
    await this.boss?.stop({ graceful: true, wait: true, timeout: 10_000 })
    this.boss = undefined
  }

  private async track<T>(work: Promise<T>): Promise<T> {
    this.running.add(work)
    try {
      return await work
    } finally {
      this.running.delete(work)
    }
  }
}
