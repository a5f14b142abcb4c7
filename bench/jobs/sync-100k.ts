import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import { join } from 'node:path'
import ctwing from '@simops/carrier-ctwing'
import { startCtwingSimulator } from '@simops/carrier-ctwing/simulator'
import onelink from '@simops/carrier-onelink'
import { startOneLinkSimulator } from '@simops/carrier-onelink/simulator'
import unicom from '@simops/carrier-unicom'
import { startUnicomSimulator } from '@simops/carrier-unicom/simulator'
import {
  cancelJob,
  createPlatform,
  login,
  progressPrinter,
  startSync,
  waitForJob,
  type Api,
  type JobBody,
} from './api.js'
import { CSV_HEADER, writeCsv } from './csv.js'
import { ADMIN_PASSWORD, apiEnv, freshDatabase, jobFromDatabase, withClient } from './database.js'
import { importFile } from './import-1m.js'
import { cpuLine, memoryLine, perSecond, seconds, thousands } from './report.js'
import { startApi } from '../shared/api-process.js'
import { watchMemory, type MemoryFigures } from './server.js'

export const SYNC_DATABASE = 'simops_bench_jobs_sync'
export type SimulatorClock = 'real' | 'manual'
export const syncSection = (clock: SimulatorClock) =>
  clock === 'real' ? 'sync-100k' : 'sync-100k-manual-clock'

interface Account {
  carrierId: 'onelink' | 'ctwing' | 'unicom'
  config: Record<string, unknown>
  cards: Array<{ iccid: string; msisdn: string }>
  limits: { requestsPerSecond: number; batchSize: { getCards: number } }
  close(): Promise<void>
}

/**
 * The three bundled simulators in this process with the demo's settings (changes applied after 5 s,
 * OneLink's lock 10 s; no injected faults or latency, Unicom's rate limit off), on the wall clock
 * (`real`: usage accrues, as in `simops demo`) or on a clock that stands still (`manual`, the
 * simulators' default for tests). CTWing serves its legacy m2m_ec generation, as in the demo.
 */
async function startSimulators(total: number, clock: SimulatorClock): Promise<Account[]> {
  const real = clock === 'real'
  const counts = [Math.round(total * 0.34), Math.round(total * 0.33)]
  const o = await startOneLinkSimulator({
    cards: counts[0],
    clock: real ? 'real' : 'manual',
    applyDelayMs: 5_000,
    lockSeconds: 10,
  })
  const c = await startCtwingSimulator({ cards: counts[1], realTime: real, applyDelayMs: 5_000 })
  const rest = total - (counts[0] ?? 0) - (counts[1] ?? 0)
  const u = await startUnicomSimulator({
    cards: rest,
    clock: real ? 'real' : 'simulated',
    applyDelayMs: 5_000,
  })
  return [
    {
      carrierId: 'onelink',
      config: { ...o.handle().config },
      cards: o.state.allCards().map(({ iccid, msisdn }) => ({ iccid, msisdn })),
      limits: onelink.limits,
      close: () => o.close(),
    },
    {
      carrierId: 'ctwing',
      config: { ...c.handle('legacy').config },
      cards: c.state.cards().map(({ iccid, accessNumber }) => ({ iccid, msisdn: accessNumber })),
      limits: ctwing.limits,
      close: () => c.close(),
    },
    {
      carrierId: 'unicom',
      config: { ...u.handle().config },
      cards: u.state.cards().map(({ iccid, msisdn }) => ({ iccid, msisdn })),
      limits: unicom.limits,
      close: () => u.close(),
    },
  ]
}

/** Cards/s one platform allows at its declared rate: one getCards per batch plus one getUsage per card. */
const declaredRate = (a: Account) =>
  a.limits.requestsPerSecond / (1 + 1 / Math.max(1, a.limits.batchSize.getCards))

interface CarrierRow {
  carrier: string
  result: string
  code: string | null
  n: number
  first: Date | null
  last: Date | null
}

/**
 * One platform per simulator account and its cards imported through the import API. The imports run on
 * an API process of their own with `enable_nestloop = off` set on the bench database: the import
 * worker's duplicate check over a just-staged, never analysed job_items can be planned as a nested loop
 * whose cost grows with the square of the rows (69 s for 5,000 rows measured; see bench/README.md). The
 * sync runs on a fresh process without the setting.
 */
async function importAccounts(
  url: string,
  secretKey: string,
  accounts: Account[],
  dir: string,
  log: (line: string) => void,
): Promise<string[]> {
  const database = new URL(url).pathname.slice(1)
  await withClient(url, (c) => c.query(`alter database ${database} set enable_nestloop = off`))
  const server = await startApi(url, apiEnv(secretKey))
  const lines: string[] = []
  try {
    const api = await login(server.url, ADMIN_PASSWORD)
    for (const account of accounts) {
      const platformId = await createPlatform(
        api,
        account.carrierId,
        `${account.carrierId} simulator`,
        account.config,
      )
      const file = join(dir, `${account.carrierId}.csv`)
      await writeCsv(
        file,
        CSV_HEADER,
        account.cards.map((c) => [c.msisdn, c.iccid, 'month', `${account.carrierId} simulator`]),
      )
      const t = await importFile(api, file, platformId, `import ${account.carrierId}`)
      const failed = await withClient(url, (c) =>
        c.query<{ code: string; n: number }>(
          `select code, count(*)::int as n from job_items where job_id = $1 and result <> 'ok' group by code`,
          [t.job.id],
        ),
      )
      const line = `${account.carrierId}: ${thousands(t.job.counts.total)} rows, ${thousands(t.job.counts.ok)} ok, ${thousands(t.job.counts.failed)} failed${failed.rows.map((r) => ` (${r.code} × ${r.n})`).join('')}, ${seconds(t.endToEndMs)}`
      lines.push(line)
      log(`  import ${line}`)
    }
  } finally {
    await server.stop()
    await withClient(url, (c) => c.query(`alter database ${database} reset enable_nestloop`))
  }
  return lines
}

export async function runSync(
  options: { total: number; rateScale: number; minutes: number; clock: SimulatorClock },
  log: (line: string) => void,
): Promise<string> {
  const { total, rateScale, minutes, clock } = options
  const dir = await mkdtemp(join(os.tmpdir(), 'simops-bench-sync-'))
  const accounts = await startSimulators(total, clock)
  try {
    const { url, secretKey } = await freshDatabase(SYNC_DATABASE)
    const imports = await importAccounts(url, secretKey, accounts, dir, log)
    const server = await startApi(url, apiEnv(secretKey, { SIMOPS_CARRIER_RATE_SCALE: String(rateScale) }))
    let sync: { job: JobBody; timedOut: boolean; wallStart: number }
    let memory: MemoryFigures
    let jobId = ''
    let interrupted: string | undefined
    const load = [os.loadavg()[0] ?? 0]
    try {
      const api: Api = await login(server.url, ADMIN_PASSWORD)
      const watch = await watchMemory(server.pid)
      const wallStart = Date.now()
      jobId = await startSync(api)
      const deadline = performance.now() + minutes * 60_000
      let job: JobBody
      let timedOut = false
      try {
        const first = await waitForJob(api, jobId, {
          everyMs: 1000,
          deadline,
          onPoll: progressPrinter('sync', 30_000),
        })
        job = first.job
        timedOut = first.timedOut
        if (timedOut) {
          await cancelJob(api, jobId)
          job = (await waitForJob(api, jobId, { everyMs: 500 })).job
        }
      } catch (error) {
        // The API went away (on a shared machine something may kill it): report what the job got done.
        interrupted =
          error instanceof Error
            ? String((error.cause as Error | undefined)?.message ?? error.message)
            : String(error)
        log(`  the API stopped answering (${interrupted}); figures from the database`)
        job = await jobFromDatabase(url, jobId)
      }
      memory = await watch.stop()
      load.push(os.loadavg()[0] ?? 0)
      sync = { job, timedOut, wallStart }
    } finally {
      await server.stop()
    }
    const { job } = sync
    const startedAt = Date.parse(job.startedAt ?? '')
    const byCarrier = await withClient(url, async (client) => {
      const rows = await client.query<CarrierRow>(
        `select p.carrier_id as carrier, i.result, i.code, count(*)::int as n, min(i.finished_at) as first, max(i.finished_at) as last
         from job_items i join platforms p on p.id = i.platform_id
         where i.job_id = $1 group by 1, 2, 3 order by 1, 2, 3`,
        [jobId],
      )
      return rows.rows
    })
    const firstItem = Math.min(...byCarrier.filter((r) => r.first).map((r) => r.first?.getTime() ?? Infinity))
    const lastItem = Math.max(...byCarrier.map((r) => r.last?.getTime() ?? 0))
    const finishedAt = Date.parse(job.finishedAt ?? '') || lastItem
    const elapsed = finishedAt - startedAt
    const done = job.counts.ok + job.counts.failed
    log(
      `  sync: ${job.state}, ${thousands(job.counts.ok)} ok, ${thousands(job.counts.failed)} failed in ${seconds(elapsed)}`,
    )

    const perCarrier = accounts.map((a) => {
      const rows = byCarrier.filter((r) => r.carrier === a.carrierId)
      const ok = rows.filter((r) => r.result === 'ok').reduce((s, r) => s + r.n, 0)
      const failed = rows.filter((r) => r.result === 'failed').reduce((s, r) => s + r.n, 0)
      const last = Math.max(...rows.filter((r) => r.result !== 'skipped').map((r) => r.last?.getTime() ?? 0))
      const span = last - startedAt
      const rate = declaredRate(a)
      return `| ${a.carrierId} | ${thousands(a.cards.length)} | ${thousands(ok)} | ${thousands(failed)} | ${seconds(span)} | ${perSecond(ok + failed, span)} | ${a.limits.requestsPerSecond} × ${rateScale} | ${a.limits.batchSize.getCards} | ${rate.toFixed(2)} | ${seconds((a.cards.length / rate) * 1000)} |`
    })
    const failures = byCarrier.filter((r) => r.result !== 'ok')
    const declaredTotal = accounts.reduce((s, a) => s + declaredRate(a), 0)
    const declaredJobMs = Math.max(...accounts.map((a) => (a.cards.length / declaredRate(a)) * 1000))
    return [
      `## ${syncSection(clock)}`,
      '',
      `The three bundled simulators started in the bench process (${accounts.map((a) => `${a.carrierId} ${thousands(a.cards.length)}`).join(', ')} cards;`,
      `${clock === 'real' ? 'on the wall clock' : 'on a clock that stands still (manual)'}, the demo’s settings, no faults, no added latency; CTWing through its legacy m2m_ec API). One platform`,
      'per simulator account, their cards imported through the import API (csv: msisdn, ICCID, type month), then',
      '`POST /api/v1/jobs {action:"sync", filter:{}}` and `GET /api/v1/jobs/{id}` every second until it finished',
      `(at most ${minutes} min, then cancelled). Server: SIMOPS_CARRIER_RATE_SCALE=${rateScale}, SIMOPS_JOB_WORKERS 2 (default).`,
      '',
      'Imports:',
      '',
      ...imports.map((l) => `- ${l}`),
      '',
      '| figure | value |',
      '|---|--:|',
      `| job state | ${job.state}${sync.timedOut ? ` (cancelled after ${minutes} min)` : ''}${interrupted ? ` — **interrupted**: the API process stopped answering (${interrupted}); counts from the database, worker time up to the last item settled` : ''} |`,
      `| items | ${thousands(job.counts.total)} |`,
      `| ok / failed / skipped | ${thousands(job.counts.ok)} / ${thousands(job.counts.failed)} / ${thousands(job.counts.skipped)} |`,
      `| POST → worker started | ${seconds(startedAt - sync.wallStart)} |`,
      `| worker (startedAt → finishedAt) | ${seconds(elapsed)} |`,
      `| startedAt → first card settled (items listed, cards marked waiting) | ${seconds(firstItem - startedAt)} |`,
      `| **cards/s overall** (ok + failed) / worker time | **${perSecond(done, elapsed)}** |`,
      `| declared limits alone (scale 1): sum of the per-platform rates | ${declaredTotal.toFixed(1)} cards/s |`,
      `| declared limits alone: this job would take | ${seconds(declaredJobMs)} (${(declaredJobMs / 3_600_000).toFixed(1)} h, bound by the slowest platform) |`,
      '',
      'Per carrier (items of the job by platform; span = job startedAt → the carrier’s last item finished):',
      '',
      '| carrier | cards | ok | failed | span | cards/s | rps (declared × scale) | getCards batch | declared cards/s | at declared rate |',
      '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
      ...perCarrier,
      '',
      'Declared cards/s = requestsPerSecond / (1 + 1 / getCards batch size): one getCards call per batch and one',
      'getUsage call per card, all through the platform’s token bucket.',
      '',
      failures.length === 0
        ? '- No item failed or was skipped.'
        : `- Items not ok: ${failures.map((f) => `${f.carrier} ${f.result} ${f.code ?? '—'} × ${thousands(f.n)}`).join('; ')}.`,
      `- ${memoryLine('API memory during the sync', memory)}.`,
      `- ${cpuLine('CPU during the sync', memory)}.`,
      `- Load average (1 min) at the start / end of the sync: ${load.map((l) => l.toFixed(1)).join(' / ')}.`,
    ].join('\n')
  } finally {
    for (const account of accounts) await account.close()
    await rm(dir, { recursive: true, force: true })
  }
}
