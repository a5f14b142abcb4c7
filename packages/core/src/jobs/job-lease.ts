import { sql, type Kysely } from 'kysely'
import type { Database, JobRow } from '../db/schema.js'

export type LeaseState = 'held' | 'lost' | 'cancel'

/**
 * A worker's hold on a job: taken when the job waits or its holder's lease ran out, renewed while
 * the work goes on. A worker that dies stops renewing, and after `seconds` another may take over.
 */
export class JobLease {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly workerId: string,
    private readonly seconds: number,
  ) {}

  /** Takes the job when it is waiting or its worker's lease ran out. */
  async claim(jobId: string): Promise<JobRow | undefined> {
    return this.db
      .updateTable('jobs')
      .set({
        leaseOwner: this.workerId,
        leaseExpiresAt: this.end(),
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

  /** Extends the hold; says whether it is still this worker's and whether a cancel was asked for. */
  async renew(jobId: string): Promise<LeaseState> {
    const row = await this.db
      .updateTable('jobs')
      .set({ leaseExpiresAt: this.end() })
      .where('id', '=', jobId)
      .where('leaseOwner', '=', this.workerId)
      .returning('cancelRequested')
      .executeTakeFirst()
    return !row ? 'lost' : row.cancelRequested ? 'cancel' : 'held'
  }

  private end() {
    return sql<Date>`now() + make_interval(secs => ${this.seconds})`
  }
}
