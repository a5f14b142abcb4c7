import { sql, type Kysely, type Transaction } from 'kysely'
import type { OperationContext } from '../../actor.js'
import { actorColumns } from '../../audit/operation-log.js'
import type { Database, JobRow } from '../../db/schema.js'
import type { ItemBatch, ItemHandler } from '../../jobs/item-handler.js'

/** Rows created per transaction: big enough for speed, small enough that a crash loses little. */
const COMMIT_CHUNK = 5000

/**
 * The worker's half of an import: duplicates across the whole file first (the later copy fails,
 * naming the row of the first), then chunks of rows, each in one transaction that creates the
 * cards, settles the rows and writes their audit rows — so a chunk is in or out as a whole, and a
 * resumed import never creates a card twice. Rows whose number or ICCID is already registered fail.
 * A dry run does all the checks and creates nothing.
 */
export class CardImportHandler implements ItemHandler {
  /**
   * Two chunks in flight: the database does nearly all the work of an import, and a second
   * transaction lets it use a second core. Chunks cannot collide — duplicates within the file were
   * failed in `prepare` — and each touches the job row only as its last statement.
   */
  readonly parallelRounds = 2

  constructor(private readonly db: Kysely<Database>) {}

  chunkSize(): Promise<number> {
    return Promise.resolve(COMMIT_CHUNK)
  }

  async prepare(job: JobRow): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      for (const [key, label] of [
        ['number', 'number'],
        ['iccid19', 'ICCID'],
      ] as const) {
        await sql`
          with dup as materialized (
            -- Only the later copies, found by one sort of the file's rows; usually none.
            select seq, first_seq from (
              select seq, first_value(seq) over (partition by input ->> ${key} order by seq) as first_seq
              from job_items where job_id = ${job.id} and input is not null
            ) ranked
            where first_seq <> seq
          ), failed as (
            update job_items i set result = 'failed', code = 'DUPLICATE_IN_FILE',
                   message = ${label} || ' ' || (i.input ->> ${key === 'iccid19' ? 'iccid' : 'number'}) || ' is also on row ' || d.first_seq,
                   finished_at = now()
            from dup d
            where i.job_id = ${job.id} and i.seq = d.seq and i.result = 'pending'
            returning 1
          )
          update jobs set failed = failed + (select count(*) from failed), updated_at = now()
          where id = ${job.id}`.execute(trx)
      }
    })
  }

  async handle(batch: ItemBatch): Promise<void> {
    const dryRun = batch.job.options.dryRun === true
    // The round's items are the pending ones of a seq range (they come in order, after the last
    // round's): a range on the primary key stays a short index read whatever the planner's statistics.
    const seqs = batch.items.map((item) => item.seq)
    await this.db.transaction().execute(async (trx) => {
      await this.failRegistered(trx, batch.job.id, seqs)
      if (dryRun) {
        await settleRest(trx, batch.job.id, seqs, 'ok', 'DRY_RUN', 'valid; would be created')
        return
      }
      await this.create(trx, batch, seqs)
      // Only a race with another import or a card created meanwhile leaves a row here.
      await settleRest(
        trx,
        batch.job.id,
        seqs,
        'failed',
        'CARD_EXISTS',
        'number or ICCID registered meanwhile',
      )
    })
  }

  /** Rows that failed go to the audit log too, as refused registrations under the job (one statement). */
  async finish(trx: Transaction<Database>, job: JobRow, ctx: OperationContext): Promise<void> {
    if (job.options.dryRun === true) return
    const { actorType, actorId, actorName, apiKeyId } = actorColumns(ctx.actor)
    await sql`
      insert into operations (actor_type, actor_id, actor_name, api_key_id, action, target_type, target_name,
                              result, error_code, error_message, details, job_id)
      select ${actorType}, ${actorId}::uuid, ${actorName}, ${apiKeyId}::uuid, 'card.create', 'card', i.subject,
             'failure', i.code, i.message, jsonb_build_object('row', i.seq, 'iccid', i.input ->> 'iccid'), ${job.id}::uuid
      from job_items i where i.job_id = ${job.id} and i.result = 'failed'`.execute(trx)
  }

  /** Rows whose number or ICCID (first 19 digits) is already registered fail, naming the card. */
  private async failRegistered(trx: Transaction<Database>, jobId: string, seqs: number[]): Promise<void> {
    await sql`
      with taken as materialized (
        -- Only the rows that clash, each found through the cards' unique indexes.
        select * from (
          select i.seq, i.input ->> 'iccid' as iccid,
                 (select c.number from cards c where c.number = (i.input ->> 'number') collate "C") as by_number,
                 (select c.number from cards c where c.iccid19 = i.input ->> 'iccid19' limit 1) as by_iccid
          from job_items i
          where i.job_id = ${jobId} and i.seq between ${seqs[0] ?? 0} and ${seqs.at(-1) ?? 0} and i.result = 'pending'
        ) checked
        where by_number is not null or by_iccid is not null
      ), failed as (
        update job_items i set result = 'failed', finished_at = now(),
               code = case when t.by_number is not null then 'NUMBER_TAKEN' else 'ICCID_TAKEN' end,
               message = case when t.by_number is not null
                              then 'number: card number ' || t.by_number || ' is already registered'
                              else 'iccid: ICCID ' || t.iccid || ' is already registered (card ' || t.by_iccid || ')' end
        from taken t
        where i.job_id = ${jobId} and i.seq = t.seq
        returning 1
      )
      -- Only when something failed: a lock on the job row taken here would be held for the whole chunk
      -- and keep the other chunk in flight waiting.
      update jobs set failed = failed + (select count(*) from failed), updated_at = now()
      where id = ${jobId} and exists (select 1 from failed)`.execute(trx)
  }

  private async create(trx: Transaction<Database>, batch: ItemBatch, seqs: number[]): Promise<void> {
    const jobId = batch.job.id
    const { actorType, actorId, actorName, apiKeyId } = actorColumns(batch.ctx.actor)
    const [first, last] = [seqs[0] ?? 0, seqs.at(-1) ?? 0]
    await sql`
      with looked as materialized (
        -- The round's rows one by one through the primary key, from the list of their numbers: the
        -- planner then knows how many there are. Estimated from statistics instead (a seq range whose
        -- rows were staged after the last ANALYZE looks like one row), the join below became a nested
        -- loop over 5000 × 5000 rows and took seconds per round.
        select s.seq, (select i.input from job_items i
                       where i.job_id = ${jobId} and i.seq = s.seq and i.result = 'pending') as input
        from unnest(${sql.val(seqs)}::int[]) as s(seq)
      ), rows as materialized (
        select seq, input, (input ->> 'number') collate "C" as number from looked where input is not null
      ), created as (
        insert into cards (number, iccid, iccid19, platform_id, carrier_id, type, description, tags, imsi, imei, expires_on)
        select input ->> 'number', input ->> 'iccid', input ->> 'iccid19', (input ->> 'platformId')::uuid,
               input ->> 'carrierId', input ->> 'type', input ->> 'description',
               array(select jsonb_array_elements_text(input -> 'tags')), input ->> 'imsi', input ->> 'imei',
               (input ->> 'expiresOn')::date
        from rows order by seq
        on conflict do nothing
        returning id, number, iccid, platform_id
      ), matched as materialized (
        -- Rows and created cards meet by number (unique in both); the items are then updated by
        -- primary key, never by searching their JSON.
        select r.seq, c.id, c.number, c.iccid, c.platform_id from created c join rows r on r.number = c.number
      ), settled as (
        update job_items i set result = 'ok', card_id = m.id, finished_at = now()
        from matched m
        -- The range keeps the read of job_items to the round whatever join the planner picks.
        where i.job_id = ${jobId} and i.seq = m.seq and i.seq between ${first} and ${last}
        returning m.seq, m.id, m.number, m.iccid, m.platform_id
      ), audited as (
        -- Data-modifying parts of a WITH always run to completion, read or not.
        insert into operations (actor_type, actor_id, actor_name, api_key_id, action, target_type, target_id,
                                target_name, result, details, job_id)
        select ${actorType}, ${actorId}::uuid, ${actorName}, ${apiKeyId}::uuid, 'card.create', 'card', s.id::text,
               s.number, 'success',
               jsonb_build_object('number', s.number, 'iccid', s.iccid, 'platformId', s.platform_id, 'row', s.seq),
               ${jobId}::uuid
        from settled s
        returning 1
      )
      update jobs set ok = ok + (select count(*) from settled), updated_at = now()
      where id = ${jobId}`.execute(trx)
  }
}

async function settleRest(
  trx: Transaction<Database>,
  jobId: string,
  seqs: number[],
  result: 'ok' | 'failed',
  code: string,
  message: string,
): Promise<void> {
  await sql`
    with rest as (
      update job_items set result = ${result}, code = ${code}, message = ${message}, finished_at = now()
      where job_id = ${jobId} and seq between ${seqs[0] ?? 0} and ${seqs.at(-1) ?? 0} and result = 'pending'
      returning 1
    )
    update jobs set ${sql.ref(result)} = ${sql.ref(result)} + (select count(*) from rest), updated_at = now()
    where id = ${jobId}`.execute(trx)
}
