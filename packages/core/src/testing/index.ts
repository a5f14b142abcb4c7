import { createHash, randomBytes } from 'node:crypto'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { migrations } from '../../migrations/index.js'
import { openDatabase, type DatabaseHandle } from '../db/database.js'
import { migrateToLatest } from '../db/migrate.js'

/**
 * Test databases: every test file gets a fresh, migrated database of its own, on embedded PGlite
 * and, when `TEST_DATABASE_URL` is given, on that PostgreSQL server too.
 */
export type TestBackend = 'pglite' | 'postgres'

export interface TestDatabase {
  readonly backend: TestBackend
  readonly handle: DatabaseHandle
  /** Closes the connection and removes the database. */
  destroy(): Promise<void>
}

/** The backends a test run covers. Asking for PostgreSQL means it must be reachable: it is never skipped. */
export function testBackends(postgresUrl: string | undefined): TestBackend[] {
  return postgresUrl ? ['pglite', 'postgres'] : ['pglite']
}

export async function openTestDatabase(backend: TestBackend, postgresUrl?: string): Promise<TestDatabase> {
  if (backend === 'pglite') {
    const handle = await openDatabase({ kind: 'embedded', snapshot: await migratedSnapshot() })
    return { backend, handle, destroy: () => handle.close() }
  }
  if (!postgresUrl) throw new Error('TEST_DATABASE_URL is required for the postgres test backend')
  return openPostgresTestDatabase(postgresUrl)
}

async function openPostgresTestDatabase(serverUrl: string): Promise<TestDatabase> {
  const name = `simops_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect().catch((error: unknown) => {
    throw new Error(`TEST_DATABASE_URL is set but PostgreSQL cannot be reached: ${String(error)}`, {
      cause: error,
    })
  })
  try {
    await admin.query(`create database ${name}`)
  } finally {
    await admin.end()
  }
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  const handle = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 4 })
  await migrateToLatest(handle)
  return {
    backend: 'postgres',
    handle,
    async destroy() {
      await handle.close()
      const cleanup = new pg.Client({ connectionString: serverUrl })
      await cleanup.connect()
      try {
        await cleanup.query(`drop database if exists ${name} with (force)`)
      } finally {
        await cleanup.end()
      }
    },
  }
}

/**
 * A fresh PGlite costs seconds to initialise and migrate; loading a dumped data directory costs well
 * under one. The migrated snapshot is cached on disk, keyed by the migrations' source, and shared by
 * all test files and workers.
 */
async function migratedSnapshot(): Promise<Blob> {
  const fingerprint = createHash('sha256')
  for (const [name, migration] of Object.entries(migrations))
    fingerprint.update(name).update(migration.up.toString())
  const dir = join(tmpdir(), 'simops-test-snapshots')
  const file = join(dir, `${fingerprint.digest('hex').slice(0, 16)}.tar.gz`)
  try {
    return new Blob([await readFile(file)])
  } catch {
    const handle = await openDatabase({ kind: 'embedded' })
    try {
      await migrateToLatest(handle)
      const pglite = handle.embedded?.pglite
      if (!pglite) throw new Error('embedded database expected')
      const dump = await pglite.dumpDataDir('gzip')
      const bytes = Buffer.from(await dump.arrayBuffer())
      await mkdir(dir, { recursive: true })
      // Write then rename, so a parallel worker never reads a half-written snapshot.
      const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`
      await writeFile(partial, bytes)
      await rename(partial, file)
      return new Blob([bytes])
    } finally {
      await handle.close()
    }
  }
}
