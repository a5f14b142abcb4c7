/**
 * cards-list: seeds BENCH_CARDS cards into PostgreSQL, then times GET /api/v1/cards (first page, a deep
 * page, ten filter/sort combinations) and the same statements replayed as raw SQL. It prints figures;
 * it asserts nothing. See bench/README.md.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildApp } from '@simops/api'
import ctwing from '@simops/carrier-ctwing'
import onelink from '@simops/carrier-onelink'
import unicom from '@simops/carrier-unicom'
import { CarrierRegistry, createCore, SecretBox, systemContext } from '@simops/core'
import pg from 'pg'
import {
  capture,
  explain,
  getMe,
  getPage,
  replay,
  replayPool,
  replaySequential,
  time,
  type CardPageBody,
  type Timings,
} from './measure.js'
import { startApi } from '../shared/api-process.js'
import { report, TARGET_P95_MS, type ScenarioResult } from './report.js'
import { scenarios, type Scenario } from './scenarios.js'
import { seed, type SeedTimings } from './seed.js'

const DATABASE = 'simops_bench_cards'
const ADMIN_PASSWORD = 'bench-admin-password'
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const cards = positive('BENCH_CARDS', 1_000_000)
const iterations = positive('BENCH_ITERATIONS', 50)
const reuse = process.env.BENCH_REUSE === '1'
const log = (line: string) => console.log(line)

function positive(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback)
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`)
  return value
}

function benchUrl(): string {
  const url = new URL(serverUrl)
  url.pathname = `/${DATABASE}`
  return url.toString()
}

/** The version in a plugin's package.json (its exports do not include the manifest). */
async function versionOf(name: string): Promise<string> {
  let dir = dirname(fileURLToPath(import.meta.resolve(name)))
  for (;;) {
    try {
      const manifest = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as Record<string, string>
      if (manifest.name === name) return manifest.version ?? 'unknown'
    } catch {
      // no package.json here
    }
    if (dirname(dir) === dir) return 'unknown'
    dir = dirname(dir)
  }
}

/** Whether the bench database already holds the cards (BENCH_REUSE=1); otherwise drops and recreates it. */
async function prepareDatabase(): Promise<{ fresh: boolean; secretKey: string }> {
  if (reuse) {
    const client = new pg.Client({ connectionString: benchUrl() })
    const existing = await client
      .connect()
      .then(async () => {
        const count = await client.query<{ n: string }>('select count(*) as n from cards')
        const key = await client.query<{ value: string }>(
          `select value from bench_meta where key = 'secret_key'`,
        )
        return Number(count.rows[0]?.n) === cards ? key.rows[0]?.value : undefined
      })
      .catch(() => undefined)
      .finally(() => client.end().catch(() => undefined))
    if (existing) return { fresh: false, secretKey: existing }
    log(`BENCH_REUSE=1 but ${DATABASE} does not hold ${cards} cards: seeding afresh`)
  }
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  try {
    await admin.query(`drop database if exists ${DATABASE} with (force)`)
    await admin.query(`create database ${DATABASE}`)
  } finally {
    await admin.end()
  }
  return { fresh: true, secretKey: SecretBox.generateKeyText() }
}

/**
 * One scenario: the API (its own process) timed, one request to the in-process twin captured, its
 * statements replayed and timed.
 */
async function runScenario(
  api: { timed: string; captured: string },
  token: string,
  pool: pg.Pool,
  scenario: Scenario,
) {
  let body: CardPageBody | undefined
  const apiTimings = await time(iterations, async () => {
    body = await getPage(api.timed, token, scenario.query)
  })
  const captured = await capture(() => getPage(api.captured, token, scenario.query))
  const sql = await time(iterations, () => replay(pool, captured))
  const result: ScenarioResult = {
    ...scenario,
    api: apiTimings,
    sql,
    rows: body?.items.length ?? 0,
    total: body?.total ?? 0,
    totalCapped: body?.totalCapped ?? false,
    plans: apiTimings.p95 > TARGET_P95_MS ? await explain(pool, captured) : [],
  }
  // Only the hook's reads: its sliding-expiry UPDATE (at most once a minute) is not replayed.
  return { result, authReads: captured.auth.filter((s) => /^select/.test(s.text)) }
}

async function main() {
  const url = benchUrl()
  const { fresh, secretKey } = await prepareDatabase()
  const carriers = new CarrierRegistry()
  for (const [definition, name] of [
    [onelink, '@simops/carrier-onelink'],
    [ctwing, '@simops/carrier-ctwing'],
    [unicom, '@simops/carrier-unicom'],
  ] as const)
    carriers.register(definition, name, await versionOf(name))
  const core = await createCore({ database: { kind: 'postgres', url }, migrate: true, secretKey, carriers })
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  const pool = replayPool(url)
  try {
    let seedTimings: SeedTimings | 'reused' = 'reused'
    if (fresh) {
      // The key is kept with the throw-away data so that BENCH_REUSE=1 can open core on it again.
      await client.query('create table bench_meta (key text primary key, value text not null)')
      await client.query(`insert into bench_meta values ('secret_key', $1)`, [secretKey])
      log(`Seeding ${cards.toLocaleString('en')} cards into ${DATABASE}…`)
      seedTimings = await seed(core, url, { cards, devices: 100_000, chunk: 200_000, log })
      log(`Seeded in ${(seedTimings.totalMs / 1000).toFixed(1)} s`)
    } else log(`Reusing ${DATABASE} with ${cards.toLocaleString('en')} cards`)
    await core.users.ensureInitialAdmin(systemContext('bench'), ADMIN_PASSWORD)

    // The in-process app only serves the capture of each scenario's statements; the timed requests
    // go to the API running in its own process.
    const app = await buildApp({ core, logger: false })
    const address = await app.listen({ host: '127.0.0.1', port: 0 })
    const server = await startApi(url, { SIMOPS_SECRET_KEY: secretKey })
    try {
      const login = await fetch(`${address}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
      })
      if (login.status !== 200) throw new Error(`login answered ${login.status}: ${await login.text()}`)
      const { token } = (await login.json()) as { token: string }

      const floor = await time(iterations, () => getMe(server.url, token))
      log(`  API floor (GET /auth/me): p50 ${floor.p50.toFixed(1)} ms, p95 ${floor.p95.toFixed(1)} ms`)
      const results: ScenarioResult[] = []
      let auth: Timings | undefined
      for (const scenario of await scenarios(client, cards, new Date())) {
        const { result, authReads } = await runScenario(
          { timed: server.url, captured: address },
          token,
          pool,
          scenario,
        )
        results.push(result)
        auth ??=
          authReads.length > 0 ? await time(iterations, () => replaySequential(pool, authReads)) : undefined
        log(
          `  ${scenario.name}: API p95 ${result.api.p95.toFixed(1)} ms, SQL p95 ${result.sql.p95.toFixed(1)} ms`,
        )
      }

      const settings = await client.query<{ version: string; shared_buffers: string; work_mem: string }>(
        `select current_setting('server_version') as version, current_setting('shared_buffers') as shared_buffers,
           current_setting('work_mem') as work_mem`,
      )
      const pgInfo = settings.rows[0]
      const cpus = os.cpus()
      const text = report(
        {
          date: new Date().toISOString().slice(0, 10),
          cards,
          iterations,
          machine: `${cpus.length} cores (${cpus[0]?.model ?? 'unknown CPU'}), ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, Node ${process.version}, ${os.platform()}`,
          postgres: `${pgInfo?.version}, shared_buffers ${pgInfo?.shared_buffers}, work_mem ${pgInfo?.work_mem}, same machine`,
          seed: seedTimings,
          floor,
          auth,
        },
        results,
      )
      console.log(`\n${text}`)
      const file = fileURLToPath(
        new URL(`../results/cards-list-${new Date().toISOString().slice(0, 10)}.md`, import.meta.url),
      )
      await mkdir(dirname(file), { recursive: true })
      await writeFile(file, text)
      log(`Report written to ${file}`)
    } finally {
      await server.stop()
      await app.close()
    }
  } finally {
    await pool.end()
    await client.end()
    await core.close()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
