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
