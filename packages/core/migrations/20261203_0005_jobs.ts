import { sql, type Kysely } from 'kysely'

// Bulk work. A job is one request to do something to many cards (activate, suspend, resume, sync,
// delete, bind, import); its items are the cards (or file rows) it covers, each ending ok, skipped
// or failed. Items are written when the job starts, so a job killed half-way resumes from its
// items and never repeats a finished one. A worker holds a job through a lease it keeps renewing;
// an expired lease means the worker died and another may take the job over.
// Also: each platform's sync schedule, the per-day usage history, and the job id on audit rows.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('action', 'text', (c) =>
      c.notNull().check(sql`action in ('activate', 'suspend', 'resume', 'sync', 'delete', 'bind', 'import')`),
    )
    .addColumn('state', 'text', (c) =>
      c
        .notNull()
        .defaultTo('queued')
        .check(sql`state in ('staging', 'queued', 'running', 'completed', 'cancelled', 'failed')`),
    )
    // What was asked for, as the caller said it (ids, a filter, pairs, a file), for display.
    .addColumn('selector', 'jsonb', (c) => c.notNull())
    .addColumn('options', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('origin', 'text', (c) => c.notNull().check(sql`origin in ('request', 'schedule')`))
    .addColumn('platform_id', 'uuid', (c) => c.references('platforms.id').onDelete('set null'))
    // Items are written by the worker for selector jobs (a filter may match a million cards).
    .addColumn('items_ready', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('ok', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('skipped', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('cancel_requested', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('error_code', 'text')
    .addColumn('error_message', 'text')
    .addColumn('lease_owner', 'text')
    .addColumn('lease_expires_at', 'timestamptz')
    .addColumn('created_by_type', 'text', (c) =>
      c.notNull().check(sql`created_by_type in ('user', 'api_key', 'system')`),
    )
    .addColumn('created_by_id', 'uuid')
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('created_by_api_key_id', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('started_at', 'timestamptz')
    .addColumn('finished_at', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await sql`create index jobs_created_idx on jobs (created_at desc, id desc)`.execute(db)
  await sql`create index jobs_unfinished_idx on jobs (state, lease_expires_at) where state in ('queued', 'running')`.execute(
    db,
  )
  await sql`create index jobs_platform_idx on jobs (platform_id, created_at desc)`.execute(db)

  await db.schema
    .createTable('job_items')
    .addColumn('job_id', 'uuid', (c) => c.notNull().references('jobs.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    // No foreign key: a delete job removes the card its item names, and the item must stay.
    .addColumn('card_id', 'bigint')
    // The card's number, or for an import the row number, for people reading the results.
    .addColumn('subject', 'text', (c) => c.notNull())
    // Items of one platform are processed together; null for work that calls no carrier.
    .addColumn('platform_id', 'uuid')
    // Per-item input: the device for a bind, the row for an import.
    .addColumn('input', 'jsonb')
    .addColumn('result', 'text', (c) =>
      c
        .notNull()
        .defaultTo('pending')
        .check(sql`result in ('pending', 'ok', 'skipped', 'failed')`),
    )
    .addColumn('code', 'text')
    .addColumn('message', 'text')
    // Set when a carrier call for the item is about to be made: a resumed job checks such items
    // before calling again, so a change the carrier accepted is not sent twice.
    .addColumn('attempted_at', 'timestamptz')
    .addColumn('finished_at', 'timestamptz')
    .addPrimaryKeyConstraint('job_items_pkey', ['job_id', 'seq'])
    .execute()
  await sql`create index job_items_pending_idx on job_items (job_id, platform_id, seq) where result = 'pending'`.execute(
    db,
  )
  await sql`create index job_items_result_idx on job_items (job_id, result, seq)`.execute(db)

  await db.schema
    .alterTable('platforms')
    .addColumn('sync_enabled', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('sync_interval_minutes', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(360)
        .check(sql`sync_interval_minutes between 5 and 10080`),
    )
    .addColumn('next_sync_at', 'timestamptz')
    .execute()

  // Data used per card per day (China time), as the carrier reported it or as derived from the
  // period-to-date figure between two syncs.
  await db.schema
    .createTable('usage_daily')
    .addColumn('card_id', 'bigint', (c) => c.notNull().references('cards.id').onDelete('cascade'))
    .addColumn('day', 'date', (c) => c.notNull())
    .addColumn('bytes', 'bigint', (c) => c.notNull())
    // Period-to-date usage when the day was last observed: the base for the next day's difference.
    .addColumn('period_used_bytes', 'bigint')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('usage_daily_pkey', ['card_id', 'day'])
    .execute()
  await sql`create index usage_daily_day_idx on usage_daily (day)`.execute(db)

  await db.schema.alterTable('operations').addColumn('job_id', 'uuid').execute()
  await sql`create index operations_job_idx on operations (job_id, id desc) where job_id is not null`.execute(
    db,
  )
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('operations').dropColumn('job_id').execute()
  await db.schema.dropTable('usage_daily').execute()
  await db.schema
    .alterTable('platforms')
    .dropColumn('sync_enabled')
    .dropColumn('sync_interval_minutes')
    .dropColumn('next_sync_at')
    .execute()
  await db.schema.dropTable('job_items').execute()
  await db.schema.dropTable('jobs').execute()
}
