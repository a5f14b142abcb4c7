import { sql, type Kysely } from 'kysely'

// Cards and the devices they are bound to. Every column a list can sort on has an index ending in
// `id`, so keyset paging (ORDER BY col, id) reads a page from the index at any depth. Nullable
// sort columns are indexed through coalesce() with a sentinel, which keeps keyset comparisons
// simple row comparisons.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('devices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('product', 'text')
    .addColumn('state', 'text', (c) =>
      c
        .notNull()
        .defaultTo('offline')
        .check(sql`state in ('online', 'offline', 'disabled')`),
    )
    .addColumn('registered_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await sql`create index devices_registered_at_idx on devices (registered_at desc, id)`.execute(db)
  await sql`create index devices_name_idx on devices (lower(name) text_pattern_ops)`.execute(db)

  await db.schema
    .createTable('cards')
    // Identity, so ids grow with creation: "newest first" is id order and needs no extra index.
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    // Identifiers are digit strings: the "C" collation lets one plain index serve equality, prefix
    // search (LIKE 'x%') and ORDER BY alike.
    .addColumn('number', sql`text collate "C"`, (c) => c.notNull())
    .addColumn('iccid', sql`text collate "C"`, (c) => c.notNull())
    .addColumn('iccid19', 'text', (c) => c.notNull())
    .addColumn('imsi', 'text')
    .addColumn('imei', 'text')
    // Restrict: a platform config with cards cannot be deleted (PLATFORM_IN_USE).
    .addColumn('platform_id', 'uuid', (c) => c.notNull().references('platforms.id').onDelete('restrict'))
    .addColumn('carrier_id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull().check(sql`type in ('year', 'season', 'month', 'other')`))
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('tags', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('expires_on', 'date')
    .addColumn('device_id', 'text', (c) => c.references('devices.id').onDelete('set null'))
    .addColumn('bound_at', 'timestamptz')
    .addColumn('lifecycle', 'text', (c) => c.notNull().defaultTo('unknown'))
    .addColumn('carrier_status_code', 'text')
    .addColumn('carrier_status_label', 'jsonb')
    .addColumn('block', 'text')
    .addColumn('platform_type', 'text')
    .addColumn('activated_at', 'timestamptz')
    .addColumn('usage_total_bytes', 'bigint')
    .addColumn('usage_used_bytes', 'bigint')
    .addColumn('usage_remaining_bytes', 'bigint')
    .addColumn('usage_as_of', 'timestamptz')
    .addColumn('pending_action', 'text')
    .addColumn('pending_since', 'timestamptz')
    .addColumn('pending_ref', 'text')
    .addColumn('sync_state', 'text', (c) =>
      c
        .notNull()
        .defaultTo('never')
        .check(sql`sync_state in ('never', 'waiting', 'running', 'ok', 'failed')`),
    )
    .addColumn('synced_at', 'timestamptz')
    .addColumn('sync_error_code', 'text')
    .addColumn('sync_error_message', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()

  const indexes = [
    // Identity, prefix search and sort (C collation; see above).
    `create unique index cards_number_key on cards (number)`,
    `create unique index cards_iccid_key on cards (iccid)`,
    // Number prefixes follow the carrier, so "one carrier, sorted by number" needs its own index.
    `create index cards_carrier_number_idx on cards (carrier_id, number, id)`,
    `create index cards_iccid19_idx on cards (iccid19)`,
    `create index cards_imsi_idx on cards (imsi text_pattern_ops) where imsi is not null`,
    `create unique index cards_device_id_key on cards (device_id) where device_id is not null`,
    `create index cards_tags_idx on cards using gin (tags)`,
    // Sort keys (each also serves equality and range filters on its column).
    `create index cards_updated_at_idx on cards (updated_at, id)`,
    `create index cards_device_sort_idx on cards ((coalesce(device_id, '')), id)`,
    `create index cards_platform_idx on cards (platform_id, id)`,
    `create index cards_carrier_idx on cards (carrier_id, id)`,
    `create index cards_type_idx on cards (type, id)`,
    `create index cards_lifecycle_idx on cards (lifecycle, id)`,
    `create index cards_carrier_status_idx on cards (carrier_id, (coalesce(carrier_status_code, '')), id)`,
    `create index cards_sync_state_idx on cards (sync_state, id)`,
    `create index cards_activated_at_idx on cards ((coalesce(activated_at, '-infinity')), id)`,
    `create index cards_total_bytes_idx on cards ((coalesce(usage_total_bytes, -1)), id)`,
    `create index cards_used_bytes_idx on cards ((coalesce(usage_used_bytes, -1)), id)`,
    `create index cards_remaining_bytes_idx on cards ((coalesce(usage_remaining_bytes, -1)), id)`,
  ]
  for (const statement of indexes) await sql.raw(statement).execute(db)

  // Operation records are looked up by card number or ICCID as well as by card id.
  await sql`create index operations_target_name_idx on operations (target_type, target_name, id desc)`.execute(
    db,
  )
  await sql`create index operations_details_iccid_idx on operations ((details ->> 'iccid'), id desc)`.execute(
    db,
  )
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index operations_details_iccid_idx`.execute(db)
  await sql`drop index operations_target_name_idx`.execute(db)
  await db.schema.dropTable('cards').execute()
  await db.schema.dropTable('devices').execute()
}
