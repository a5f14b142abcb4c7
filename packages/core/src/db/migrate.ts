import { Migrator, type MigrationResultSet } from 'kysely'
import { migrations } from '../../migrations/index.js'
import type { DatabaseHandle } from './database.js'

export interface MigrationReport {
  applied: string[]
}

function migratorFor(handle: DatabaseHandle): Migrator {
  return new Migrator({
    db: handle.db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
  })
}

function unwrap(result: MigrationResultSet): MigrationReport {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')
    const name = failed ? ` (${failed.migrationName})` : ''
    throw new Error(
      `Migration failed${name}: ${String(result.error instanceof Error ? result.error.message : result.error)}`,
      {
        cause: result.error,
      },
    )
  }
  return { applied: (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) }
}

/** Brings the schema up to date. Safe to call on every start: applied migrations are skipped. */
export async function migrateToLatest(handle: DatabaseHandle): Promise<MigrationReport> {
  return unwrap(await migratorFor(handle).migrateToLatest())
}

/** Undoes the most recent migration (development aid). */
export async function migrateDown(handle: DatabaseHandle): Promise<MigrationReport> {
  return unwrap(await migratorFor(handle).migrateDown())
}
