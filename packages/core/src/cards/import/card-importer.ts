import { sql, type Kysely } from 'kysely'
import type { OperationContext } from '../../actor.js'
import { isUuid } from '../../auth/users.js'
import type { CarrierRegistry } from '../../carriers/registry.js'
import type { DatabaseHandle } from '../../db/database.js'
import type { Database, PlatformRow } from '../../db/schema.js'
import { DomainError, invalidField } from '../../errors.js'
import type { Job } from '../../jobs/job.js'
import type { JobService } from '../../jobs/job-service.js'
import { detectTableFormat, readTableRows } from '../../tabular/index.js'
import { declaredPrefixes } from '../card-identity.js'
import { locateColumns, type ColumnPositions } from './import-columns.js'
import { checkImportRow, type PlatformChoice } from './import-row.js'

export interface ImportRequest {
  /** The file's bytes as they arrive. */
  source: AsyncIterable<Uint8Array>
  fileName: string
  /** The platform of every row; without it the file needs a 平台/platform column. */
  platformId?: string
  /** Check every row and report, without creating any card. */
  dryRun: boolean
  signal?: AbortSignal
}

/** Rows written to the job per statement while the file is read. */
const STAGE_BATCH = 5000

interface StagedRow {
  seq: number
  subject: string
  input: string | null
  result: 'pending' | 'failed'
  code: string | null
  message: string | null
}

/**
 * 导入: reads an uploaded csv/xlsx as it arrives and stores each row as an item of an import job,
 * checked as far as one row allows (formats, platform, carrier of the ICCID, type…). Nothing is
 * created here: the job's worker checks duplicates across the file and against the database and
 * creates the cards in transactional chunks. A file that cannot be read at all (wrong format or
 * encoding, missing columns, no rows) is refused whole and leaves no job behind.
 */
export class CardImporter {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly jobs: JobService,
    private readonly registry: CarrierRegistry,
    /** COPY into the server when there is one (several times faster than INSERT for big files). */
    private readonly copyFrom: DatabaseHandle['copyFrom'],
  ) {}

  async stage(ctx: OperationContext, request: ImportRequest): Promise<Job> {
    const fixed = request.platformId === undefined ? null : await this.chosenPlatform(request.platformId)
    const { head, rest } = await splitHead(request.source)
    const format = detectTableFormat(head, request.fileName)
    const job = await this.jobs.insert(
      ctx,
      'import',
      {
        kind: 'file',
        fileName: request.fileName,
        format,
        platformId: fixed?.id ?? null,
        dryRun: request.dryRun,
      },
      { state: 'staging', platformId: fixed?.id ?? null, options: { dryRun: request.dryRun } },
    )
    try {
      const counts = await this.readRows(job.id, joinHead(head, rest), format, fixed, request.signal)
      if (counts.rows === 0)
        throw new DomainError('invalid', 'IMPORT_EMPTY', 'file: the file has a header row but no cards', {
          fields: [{ field: 'file', message: 'no rows' }],
        })
      // Fresh statistics keep the worker's plans on the indexes after a big file lands.
      if (counts.rows >= 10_000) await sql`analyze job_items`.execute(this.db)
      await this.db
        .updateTable('jobs')
        .set({
          state: 'queued',
          itemsReady: true,
          total: counts.rows,
          failed: counts.failed,
          updatedAt: sql`now()`,
        })
        .where('id', '=', job.id)
        .execute()
    } catch (error) {
      // A refused file leaves nothing half-imported: the job and its rows go.
      await this.db.deleteFrom('jobs').where('id', '=', job.id).execute()
      throw error
    }
    await this.jobs.dispatchNow(job.id)
    return this.jobs.get(job.id)
  }

  private async readRows(
    jobId: string,
    source: AsyncIterable<Uint8Array>,
    format: ReturnType<typeof detectTableFormat>,
    fixed: PlatformRow | null,
    signal: AbortSignal | undefined,
  ): Promise<{ rows: number; failed: number }> {
    const platforms = await this.platformChoice(fixed)
    const prefixes = declaredPrefixes(this.registry)
    let columns: ColumnPositions | undefined
    let staged: StagedRow[] = []
    let rows = 0
    let failed = 0
    for await (const batch of readTableRows(source, format, signal ? { signal } : {})) {
      batch.rows.forEach((cells, index) => {
        const rowNumber = batch.firstRow + index
        if (!columns) {
          columns = locateColumns(cells, fixed !== null)
          return
        }
        const check = checkImportRow(cells, columns, platforms, prefixes)
        const subject = (columns.number === undefined ? '' : cells[columns.number]?.trim()) || `#${rowNumber}`
        rows += 1
        if (check.ok) {
          staged.push({
            seq: rowNumber,
            subject,
            input: JSON.stringify(check.card),
            result: 'pending',
            code: null,
            message: null,
          })
        } else {
          failed += 1
          staged.push({
            seq: rowNumber,
            subject,
            input: null,
            result: 'failed',
            code: check.code,
            message: check.message,
          })
        }
      })
      if (staged.length >= STAGE_BATCH) {
        await this.write(jobId, staged)
        staged = []
      }
    }
    if (!columns)
      throw new DomainError('invalid', 'TABLE_EMPTY', 'file: the file is empty', {
        fields: [{ field: 'file', message: 'empty' }],
      })
    await this.write(jobId, staged)
    return { rows, failed }
  }

  private async write(jobId: string, rows: readonly StagedRow[]): Promise<void> {
    if (rows.length === 0) return
    if (this.copyFrom) {
      const finishedAt = new Date().toISOString()
      const lines = rows.map((r) =>
        [
          jobId,
          String(r.seq),
          r.subject,
          r.input,
          r.result,
          r.code,
          r.message,
          r.result === 'failed' ? finishedAt : null,
        ]
          .map(copyText)
          .join('\t'),
      )
      await this.copyFrom(
        'copy job_items (job_id, seq, subject, input, result, code, message, finished_at) from stdin',
        lines.join('\n') + '\n',
      )
      return
    }
    const column = <T>(pick: (row: StagedRow) => T) => sql.val(rows.map(pick))
    await sql`
      insert into job_items (job_id, seq, subject, input, result, code, message, finished_at)
      select ${jobId}, r.seq, r.subject, r.input::jsonb, r.result, r.code, r.message,
             case when r.result = 'failed' then now() end
      from unnest(${column((r) => r.seq)}::int[], ${column((r) => r.subject)}::text[], ${column((r) => r.input)}::text[],
                  ${column((r) => r.result)}::text[], ${column((r) => r.code)}::text[], ${column((r) => r.message)}::text[])
           as r(seq, subject, input, result, code, message)`.execute(this.db)
  }

  private async chosenPlatform(id: string): Promise<PlatformRow> {
    const platform = isUuid(id)
      ? await this.db.selectFrom('platforms').selectAll().where('id', '=', id).executeTakeFirst()
      : undefined
    if (!platform) throw invalidField('platformId', `platform ${id} does not exist`, 'PLATFORM_NOT_FOUND')
    const unusable = this.unusable(platform)
    if (unusable) throw invalidField('platformId', unusable, 'PLATFORM_DISABLED')
    return platform
  }

  private async platformChoice(fixed: PlatformRow | null): Promise<PlatformChoice> {
    const all = await this.db.selectFrom('platforms').selectAll().execute()
    const byKey = new Map<string, PlatformRow>()
    for (const platform of all) {
      byKey.set(platform.id, platform)
      byKey.set(platform.name, platform)
    }
    return { fixed, byKey, usable: (platform) => this.unusable(platform) }
  }

  private unusable(platform: PlatformRow): string | null {
    if (platform.state !== 'enabled') return `platform "${platform.name}" is disabled`
    if (!this.registry.find(platform.carrierId)) return `the ${platform.carrierId} plugin is not installed`
    return null
  }
}

/** A value in COPY's text format: \N for null, backslash escapes for the characters COPY gives meaning. */
function copyText(value: string | null): string {
  if (value === null) return '\\N'
  return value.replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  )
}

/** The first bytes (for sniffing the format) and the iterator positioned after them. */
async function splitHead(
  source: AsyncIterable<Uint8Array>,
): Promise<{ head: Uint8Array; rest: AsyncIterator<Uint8Array> }> {
  const iterator = source[Symbol.asyncIterator]()
  const first = await iterator.next()
  if (first.done || first.value.length === 0)
    throw new DomainError('invalid', 'TABLE_EMPTY', 'file: the file is empty', {
      fields: [{ field: 'file', message: 'empty' }],
    })
  return { head: first.value, rest: iterator }
}

async function* joinHead(head: Uint8Array, rest: AsyncIterator<Uint8Array>): AsyncGenerator<Uint8Array> {
  yield head
  for (;;) {
    const next = await rest.next()
    if (next.done) return
    yield next.value
  }
}
