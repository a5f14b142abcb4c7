import { sql, type Kysely } from 'kysely'
import { systemContext } from '../actor.js'
import type { Database } from '../db/schema.js'
import type { JobService } from './job-service.js'

/**
 * 定时同步: each enabled platform with its schedule on gets a sync job for all its cards every
 * `sync_interval_minutes`. Claiming a platform moves its next time forward in the same statement,
 * so two servers ticking together start one job, and a platform whose previous sync job is still
 * running is not given a second.
 */
export class SyncScheduler {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly jobs: JobService,
  ) {}

  /** Starts the sync jobs that are due; returns their ids. */
  async run(): Promise<string[]> {
    const due = await sql<{ id: string }>`
      update platforms p set next_sync_at = now() + make_interval(mins => p.sync_interval_minutes)
      where p.state = 'enabled' and p.sync_enabled
        and (p.next_sync_at is null or p.next_sync_at <= now())
      returning p.id`.execute(this.db)
    const started: string[] = []
    for (const { id } of due.rows) {
      const busy = await this.db
        .selectFrom('jobs')
        .select('id')
        .where('platformId', '=', id)
        .where('action', '=', 'sync')
        .where('state', 'in', ['queued', 'running'])
        .executeTakeFirst()
      const hasCards = await this.db
        .selectFrom('cards')
        .select('id')
        .where('platformId', '=', id)
        .limit(1)
        .executeTakeFirst()
      if (busy || !hasCards) continue
      const job = await this.jobs.create(
        systemContext('sync-schedule'),
        { action: 'sync', filter: { platformIds: [id] } },
        'schedule',
      )
      started.push(job.id)
    }
    return started
  }
}
