import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'
import { DataDirInUseError } from '../src/db/data-dir-lock.js'
import { DatabaseUnreachableError, openDatabase, redactUrl } from '../src/db/database.js'

describe('embedded database', () => {
  const dirs: string[] = []
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true })
  })

  it('keeps data in its folder, refuses a second owner, and recovers from a stale lock', async () => {
    const root = await mkdtemp(join(tmpdir(), 'simops-embedded-'))
    dirs.push(root)
    const dataDir = join(root, 'pgdata')
    const first = await openDatabase({ kind: 'embedded', dataDir })
    await sql`create table kept (v int)`.execute(first.db)
    await sql`insert into kept values (42)`.execute(first.db)
    await expect(openDatabase({ kind: 'embedded', dataDir })).rejects.toBeInstanceOf(DataDirInUseError)
    await first.close()

    // A crashed owner leaves its lock behind; a pid that no longer runs does not block the next start.
    await writeFile(`${dataDir}.lock`, '999999999')
    const second = await openDatabase({ kind: 'embedded', dataDir })
    const { rows } = await sql<{ v: number }>`select v from kept`.execute(second.db)
    expect(rows).toEqual([{ v: 42 }])
    await second.close()
  }, 120_000)

  it('answers concurrent parameterised queries and transactions without mixing them up', async () => {
    const handle = await openDatabase({ kind: 'embedded' })
    try {
      await sql`create table counters (id int primary key, n int not null)`.execute(handle.db)
      await sql`insert into counters select g, 0 from generate_series(1, 10) g`.execute(handle.db)
      // Large parameters make the client's Parse/Bind/Execute arrive in several socket reads.
      const padding = 'x'.repeat(200_000)
      const reads = Array.from({ length: 60 }, (_, i) =>
        sql<{ v: number }>`select ${i}::int + 1 + 0 * length(${padding}) as v`
          .execute(handle.db)
          .then((r) => r.rows[0]?.v),
      )
      const writes = Array.from({ length: 20 }, (_, i) =>
        handle.db.transaction().execute(async (trx) => {
          await sql`update counters set n = n + 1 where id = ${(i % 10) + 1}`.execute(trx)
          await sql`select pg_sleep(0.001)`.execute(trx)
        }),
      )
      const [values] = await Promise.all([Promise.all(reads), Promise.all(writes)])
      expect(values).toEqual(Array.from({ length: 60 }, (_, i) => i + 1))
      const { rows } = await sql<{ total: number }>`select sum(n)::int as total from counters`.execute(
        handle.db,
      )
      expect(rows[0]?.total).toBe(20)
    } finally {
      await handle.close()
    }
  })
})

describe('PostgreSQL connection errors', () => {
  it('say which server could not be reached, without its password', async () => {
    const error = await openDatabase({
      kind: 'postgres',
      url: 'postgres://app:s3cret@127.0.0.1:1/simops',
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DatabaseUnreachableError)
    expect((error as Error).message).toContain('postgres://app:***@127.0.0.1:1/simops')
    expect((error as Error).message).not.toContain('s3cret')
    expect(redactUrl('not a url')).toBe('<invalid DATABASE_URL>')
  })
})
