import { JobRetention, systemContext } from '@simops/core'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { readConfig } from '../src/config.js'
import { backends, useApp } from './harness.js'

describe.each(backends)('job retention on %s', (backend) => {
  const h = useApp(backend)

  /** A job in `state`, finished `daysAgo` (null: not finished), with `items` item rows and one audit row. */
  const jobWith = async (state: string, daysAgo: number | null, items: number) => {
    const db = h().core.database.db
    const job = await h().core.jobs.create(systemContext('test'), { action: 'sync', cardIds: ['1'] })
    await sql`update jobs set state = ${state}, items_ready = true, total = ${items},
              finished_at = case when ${daysAgo}::int is null then null
                                 else now() - make_interval(days => ${daysAgo}::int) end
              where id = ${job.id}`.execute(db)
    await sql`insert into job_items (job_id, seq, subject, result)
              select ${job.id}, s, 'card ' || s, 'ok' from generate_series(1, ${items}::int) s`.execute(db)
    await h().core.operations.record(
      db,
      { ...systemContext('test'), jobId: job.id },
      { action: 'card.sync', targetType: 'card', targetId: '1', targetName: 'card 1' },
      { result: 'success' },
    )
    return job.id
  }
  const itemCount = async (jobId: string) =>
    (
      await h()
        .core.database.db.selectFrom('jobItems')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('jobId', '=', jobId)
        .executeTakeFirstOrThrow()
    ).n

  it('deletes finished jobs past the retention period with their items, in bounded steps, and keeps the audit', async () => {
    const expired = await jobWith('completed', 40, 25_000)
    const failedLongAgo = await jobWith('failed', 31, 3)
    const recent = await jobWith('completed', 5, 10)
    const stillRunning = await jobWith('running', null, 10)
    const retention = new JobRetention(h().core.database.db, 30)

    // A short pass stops at its budget; the job goes once its last items have.
    expect(await retention.purge(15_000)).toEqual({ jobs: 0, items: 20_000 })
    expect(await itemCount(expired)).toBe(5_000)
    expect(await h().core.jobs.get(expired)).toMatchObject({ state: 'completed' })
    expect(await retention.purge()).toEqual({ jobs: 2, items: 5_003 })
    await expect(h().core.jobs.get(expired)).rejects.toMatchObject({ code: 'JOB_NOT_FOUND' })
    await expect(h().core.jobs.get(failedLongAgo)).rejects.toMatchObject({ code: 'JOB_NOT_FOUND' })
    expect(await itemCount(recent)).toBe(10)
    expect(await itemCount(stillRunning)).toBe(10)
    expect(await retention.purge()).toEqual({ jobs: 0, items: 0 })

    // The operations written under the job stay, still naming it.
    const audit = await h().core.operations.list({ jobId: expired, limit: 10 })
    expect(audit.items).toHaveLength(1)
  })

  it('keeps everything when the retention is 0, and reads its setting from SIMOPS_JOB_RETENTION_DAYS', async () => {
    const old = await jobWith('completed', 400, 5)
    expect(await new JobRetention(h().core.database.db, 0).purge()).toEqual({ jobs: 0, items: 0 })
    expect(await itemCount(old)).toBe(5)
    expect(readConfig({}, '/srv').jobRetentionDays).toBe(30)
    expect(readConfig({ SIMOPS_JOB_RETENTION_DAYS: '0' }, '/srv').jobRetentionDays).toBe(0)
    expect(() => readConfig({ SIMOPS_JOB_RETENTION_DAYS: '-3' }, '/srv')).toThrow(/SIMOPS_JOB_RETENTION_DAYS/)
  })
})
