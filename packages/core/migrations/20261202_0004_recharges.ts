import { sql, type Kysely } from 'kysely'

// 充值: account top-up orders placed through a carrier plugin. A row exists only for an order the
// carrier issued, except for the short-lived `creating` placeholder that makes an Idempotency-Key
// hold while the carrier is being called (it is removed if the call fails).

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('recharges')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('platform_id', 'uuid', (c) => c.notNull().references('platforms.id').onDelete('restrict'))
    .addColumn('carrier_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'integer', (c) => c.notNull().check(sql`amount_fen > 0`))
    .addColumn('payment_method', 'text', (c) => c.notNull())
    .addColumn('order_no', 'text')
    .addColumn('payment_url', 'text')
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('creating', 'pending', 'paid', 'failed', 'expired')`),
    )
    // Who settled the status: the carrier's answer, an administrator's confirmation, or the link's lifetime.
    .addColumn('status_source', 'text', (c) =>
      c.check(sql`status_source in ('carrier', 'manual', 'timeout')`),
    )
    .addColumn('expires_at', 'timestamptz')
    .addColumn('paid_at', 'timestamptz')
    .addColumn('checked_at', 'timestamptz')
    .addColumn('note', 'text')
    .addColumn('created_by_id', 'uuid')
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text')
    .addColumn('request_hash', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await sql`create unique index recharges_idempotency_key on recharges (coalesce(created_by_id::text, created_by_name), idempotency_key) where idempotency_key is not null`.execute(
    db,
  )
  await sql`create unique index recharges_order_no_key on recharges (carrier_id, order_no) where order_no is not null`.execute(
    db,
  )
  await sql`create index recharges_created_idx on recharges (created_at desc, id)`.execute(db)
  await sql`create index recharges_pending_idx on recharges (status, checked_at) where status = 'pending'`.execute(
    db,
  )
  await sql`create index recharges_platform_idx on recharges (platform_id, created_at desc)`.execute(db)
  await sql`create index recharges_account_idx on recharges (account_id, created_at desc)`.execute(db)
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('recharges').execute()
}
