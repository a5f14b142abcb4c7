import { mkdtemp, rm, stat } from 'node:fs/promises'
import os from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { from as copyFrom } from 'pg-copy-streams'
import {
  cancelJob,
  createPlatform,
  login,
  progressPrinter,
  uploadImport,
  waitForJob,
  type Api,
  type JobBody,
} from './api.js'
import { CSV_HEADER, copyRows, generatedRows, writeCsv } from './csv.js'
import { ADMIN_PASSWORD, apiEnv, freshDatabase, withClient } from './database.js'
import { cpuLine, mb, memoryLine, perSecond, seconds, thousands } from './report.js'
import { startApi } from '../shared/api-process.js'
import { watchMemory, type MemoryFigures } from './server.js'

export const IMPORT_DATABASE = 'simops_bench_jobs'
const TARGET_ROWS_PER_SECOND = 50_000
const TARGET_RSS_MB = 300

export interface ImportTiming {
  job: JobBody
  /** The deadline passed before the job finished; it was cancelled, and `job` is its last poll. */
  timedOut: boolean
  uploadMs: number
  /** Request start (client) → the job's finishedAt (server; same machine, same clock). */
  endToEndMs: number
  /** The job's startedAt → finishedAt: the worker's duplicate checks and card creation. */
  workerMs: number
  /** The 202 → the job's startedAt: queueing between staging and the worker taking the job. */
  queuedMs: number
}

/**
 * Uploads one file for one platform and waits for its import job to finish, or until `minutes` have
 * passed: then the job is cancelled and the figures are those of the rows created by then.
 */
export async function importFile(
  api: Api,
  path: string,
  platformId: string,
  label: string,
  minutes = 60,
): Promise<ImportTiming> {
  const wallStart = Date.now()
  const upload = await uploadImport(api, path, platformId)
  const deadline = upload.startedAt + minutes * 60_000
  const waited = await waitForJob(api, upload.jobId, { deadline, onPoll: progressPrinter(label) })
  const { job } = waited
  let finished = Date.parse(job.finishedAt ?? '')
  if (waited.timedOut) {
    finished = Date.now()
    await cancelJob(api, job.id)
    await waitForJob(api, job.id)
  } else if (job.state !== 'completed')
    throw new Error(`the import job ended ${job.state}: ${JSON.stringify(job.error)}`)
  const started = Date.parse(job.startedAt ?? '') || finished
  return {
    job,
    timedOut: waited.timedOut,
    uploadMs: upload.uploadMs,
    endToEndMs: finished - wallStart,
    workerMs: finished - started,
    queuedMs: started - (wallStart + upload.uploadMs),
  }
}

/** A OneLink platform config of the right shape; no carrier is contacted by an import. */
const oneLinkConfig = {
  appId: 'C5010100A0000001',
  password: 'bench-password',
  baseUrl: 'https://api.iot.10086.cn/v5/ec',
}

export async function runImport(rows: number, minutes: number, log: (line: string) => void): Promise<string> {
  const dir = await mkdtemp(join(os.tmpdir(), 'simops-bench-import-'))
  const file = join(dir, 'cards.csv')
  try {
    const t = performance.now()
    await writeCsv(file, CSV_HEADER, generatedRows(rows))
    const bytes = (await stat(file)).size
    log(`  generated ${thousands(rows)} rows (${mb(bytes / 2 ** 20)}) in ${seconds(performance.now() - t)}`)
    const { url, secretKey } = await freshDatabase(IMPORT_DATABASE)
    const server = await startApi(url, apiEnv(secretKey))
    let timing: ImportTiming
    let platformId: string
    let memory: MemoryFigures
    const load = [os.loadavg()[0] ?? 0]
    try {
      const api = await login(server.url, ADMIN_PASSWORD)
      platformId = await createPlatform(api, 'onelink', 'OneLink bench', oneLinkConfig)
      const watch = await watchMemory(server.pid)
      timing = await importFile(api, file, platformId, 'import', minutes)
      memory = await watch.stop()
      load.push(os.loadavg()[0] ?? 0)
    } finally {
      await server.stop()
    }
    const { job } = timing
    const done = job.counts.ok + job.counts.failed
    log(
      `  API import: ${seconds(timing.endToEndMs)} (${job.counts.ok} ok, ${job.counts.failed} failed)${timing.timedOut ? ', stopped at the deadline' : ''}`,
    )
    const copy = await rawCopy(url, file, platformId)
    log(`  raw COPY: ${seconds(copy.ms)} (${thousands(copy.copied)} rows)`)

    const rate = done / (timing.endToEndMs / 1000)
    const peak = Math.max(memory.sampledMaxMb, memory.hwmMb)
    const pass = (ok: boolean) => (ok ? 'PASS' : 'FAIL')
    return [
      '## import-1m',
      '',
      `${thousands(rows)} generated rows (${mb(bytes / 2 ** 20)} CSV: number, ICCID, type, description; one OneLink platform)`,
      'uploaded as `POST /api/v1/cards/import?platformId=…` with a chunked multipart body streamed from disk,',
      `then \`GET /api/v1/jobs/{id}\` every 250 ms until \`completed\` (at most ${minutes} min, then cancelled). Fresh`,
      `database \`${IMPORT_DATABASE}\`, default server settings (SIMOPS_JOB_WORKERS 2, SIMOPS_IMPORT_MAX_MB 200).`,
      '',
      '| figure | value | target |',
      '|---|--:|--:|',
      timing.timedOut
        ? `| **did not finish**: stopped and cancelled after | ${seconds(timing.endToEndMs)} | |`
        : `| end to end (first byte sent → job finishedAt) | ${seconds(timing.endToEndMs)} | |`,
      `| **rows/s end to end** (rows settled / time) | **${perSecond(done, timing.endToEndMs)}** | ≥ ${thousands(TARGET_ROWS_PER_SECOND)} ${pass(rate >= TARGET_ROWS_PER_SECOND && !timing.timedOut)} |`,
      `| upload + staging (→ 202) | ${seconds(timing.uploadMs)} (${perSecond(rows, timing.uploadMs)} rows/s) | |`,
      `| 202 → worker started | ${seconds(Math.max(0, timing.queuedMs))} | |`,
      `| worker (startedAt → finishedAt) | ${seconds(timing.workerMs)} (${perSecond(done, timing.workerMs)} rows/s) | |`,
      `| ok / failed / skipped / pending | ${[job.counts.ok, job.counts.failed, job.counts.skipped, job.counts.pending].map(thousands).join(' / ')} | ${thousands(rows)} ok |`,
      `| cards in the table afterwards | ${thousands(copy.cards)} | |`,
      `| **peak RSS of the API process** | **${mb(peak)}** | ≤ ${TARGET_RSS_MB} MB ${pass(peak <= TARGET_RSS_MB)} |`,
      `| raw COPY of the same file | ${seconds(copy.ms)} (${perSecond(copy.copied, copy.ms)} rows/s) | |`,
      `| **API / COPY** | **${(timing.endToEndMs / copy.ms).toFixed(1)}×**${timing.timedOut ? ' (at least)' : ''} | |`,
      '',
      `- ${memoryLine('API memory during the import', memory)}.`,
      `- ${cpuLine('CPU during the import', memory)}.`,
      `- Load average (1 min) at the start / end of the import: ${load.map((l) => l.toFixed(1)).join(' / ')}.`,
      `- COPY: \`create table cards_copy (like cards including all)\` (${copy.indexes} indexes, as cards), a checkpoint, then`,
      '  `COPY cards_copy (number, iccid, iccid19, platform_id, carrier_id, type, description) FROM STDIN` through',
      '  pg-copy-streams, fed by reading the same file and rewriting each line as tab-separated text',
      '  (iccid19 = the first 19 characters), with the API stopped. It writes only the cards; the API also stages',
      '  one job_items row per line, checks duplicates and writes one audit row (operations) per card.',
      `- Sizes afterwards: ${copy.sizes.map((s) => `${s.name} ${s.size}`).join(', ')}.`,
    ].join('\n')
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** The raw COPY of the same file into a table like cards (same columns and indexes), timed; then dropped. */
async function rawCopy(url: string, file: string, platformId: string) {
  return withClient(url, async (client) => {
    await client.query('create table cards_copy (like cards including all)')
    await client.query('checkpoint')
    const t = performance.now()
    const sink = client.query(
      copyFrom(
        'copy cards_copy (number, iccid, iccid19, platform_id, carrier_id, type, description) from stdin',
      ),
    )
    await pipeline(Readable.from(copyRows(file, platformId, 'onelink')), sink)
    const ms = performance.now() - t
    const indexes = await client.query<{ n: string }>(
      `select count(*) as n from pg_indexes where tablename = 'cards_copy'`,
    )
    const sizes = await client.query<{ name: string; size: string }>(
      `select relname as name, pg_size_pretty(pg_total_relation_size(oid)) as size from pg_class
       where relname in ('cards', 'job_items', 'operations', 'cards_copy') order by relname`,
    )
    const cards = await client.query<{ n: string }>('select count(*) as n from cards')
    await client.query('drop table cards_copy')
    return {
      ms,
      copied: Number(sink.rowCount),
      indexes: Number(indexes.rows[0]?.n),
      sizes: sizes.rows,
      cards: Number(cards.rows[0]?.n),
    }
  })
}
