import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/schema.js'

/** Items deleted per statement: a million-row import goes in short steps, not one long transaction. */
const DELETE_CHUNK = 10_000

export interface PurgeReport {
  jobs: number
  items: number
}

/**
 * 任务保留期: finished jobs (completed, cancelled, failed) older than the retention period go, with
 * their items — a 1,000,000-row import keeps about a gigabyte of item rows. The audit trail stays:
 * operations keep the job id they were written under. Unfinished jobs are never touched.
 */
export class JobRetention {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly days: number,
  ) {}

  /**
   * Deletes expired jobs, oldest first, until none is left or `maxItems` item rows have gone (so a
   * periodic caller stays short; the rest goes next time). Safe to run from several servers at once.
   */
  async purge(maxItems = 100_000): Promise<PurgeReport> {
    const report: PurgeReport = { jobs: 0, items: 0 }
    if (this.days <= 0) return report
    const expired = await this.db
      .selectFrom('jobs')
      .select('id')
      .where('state', 'in', ['completed', 'cancelled', 'failed'])
      .where('finishedAt', '<', sql<Date>`now() - make_interval(days => ${this.days})`)
      .orderBy('finishedAt')
      .execute()
    for (const { id } of expired) {
      for (;;) {
        if (report.items >= maxItems) return report
        const deleted = await sql`
          delete from job_items where job_id = ${id}
            and seq in (select seq from job_items where job_id = ${id} order by seq limit ${DELETE_CHUNK})`.execute(
          this.db,
        )
        const count = Number(deleted.numAffectedRows ?? 0)
        report.items += count
        if (count < DELETE_CHUNK) break
      }
      const gone = await this.db.deleteFrom('jobs').where('id', '=', id).executeTakeFirst()
      report.jobs += Number(gone.numDeletedRows)
    }
    return report
  }
}
