import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { tableColumns } from '../src/db/schema.js'
import { migrateDown, migrateToLatest } from '../src/db/migrate.js'
import { backends, useCore } from './setup.js'

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)

describe.each(backends)('schema on %s', (backend) => {
  const core = useCore(backend)

  it('matches the Database interface column for column', async () => {
    const { rows } = await sql<{ tableName: string; columnName: string }>`
      select table_name, column_name from information_schema.columns
      where table_schema = current_schema() and table_name not like 'kysely_%'`.execute(core().database.db)
    const actual: Record<string, string[]> = {}
    for (const row of rows) (actual[row.tableName] ??= []).push(row.columnName)
    const expected: Record<string, string[]> = {}
    for (const [table, columns] of Object.entries(tableColumns)) expected[snake(table)] = columns.map(snake)
    for (const list of [...Object.values(actual), ...Object.values(expected)]) list.sort()
    expect(actual).toEqual(expected)
  })

  it('is migrated once and can be rolled back and re-applied', async () => {
    const handle = core().database
    expect((await migrateToLatest(handle)).applied).toEqual([])
    const down = await migrateDown(handle)
    expect(down.applied).toHaveLength(1)
    expect((await migrateToLatest(handle)).applied).toEqual(down.applied)
  })
})
