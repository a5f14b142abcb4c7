/**
 * Job benchmarks: import-1m (1,000,000-row CSV through the import API, and a raw COPY of the same
 * file), export-1m (csv and xlsx export of those cards) and sync-100k (a sync job over 100,000 cards
 * held by the three carrier simulators). They print figures; they assert nothing. See bench/README.md.
 *
 *   tsx jobs/run.ts import|export|sync|all
 */
import { existingDatabase, serverUrl, withClient } from './database.js'
import { runExport } from './export-1m.js'
import { IMPORT_DATABASE, runImport } from './import-1m.js'
import { codeLine, environment, writeSection } from './report.js'
import { runSync, syncSection } from './sync-100k.js'

const log = (line: string) => console.log(line)

function positive(name: string, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const value = Number(process.env[name] ?? fallback)
  if (!Number.isFinite(value) || value <= 0 || value > max)
    throw new Error(`${name} must be a number from 1 to ${max}`)
  return value
}

const importRows = positive('BENCH_IMPORT_ROWS', 1_000_000, 10_000_000)
const syncCards = positive('BENCH_SYNC_CARDS', 100_000, 1_000_000)
const rateScale = positive('BENCH_RATE_SCALE', 100, 1000)
const syncMinutes = positive('BENCH_SYNC_MINUTES', 15, 120)
const importMinutes = positive('BENCH_IMPORT_MINUTES', 30, 240)
const simulatorClock = process.env.BENCH_SIM_CLOCK === 'manual' ? 'manual' : 'real'

async function report(name: string, code: string, body: string): Promise<void> {
  const env = await withClient(serverUrl, environment)
  const text = `${body}\n- ${code}`
  console.log(`\n${text}\n`)
  log(`Written to ${await writeSection(name, env, text)}`)
}

async function importBench(): Promise<void> {
  log(`import-1m: ${importRows.toLocaleString('en')} rows`)
  const code = await codeLine()
  await report('import-1m', code, await runImport(importRows, importMinutes, log))
}

async function exportBench(): Promise<void> {
  let database = await existingDatabase(IMPORT_DATABASE)
  if (!database || database.cards !== importRows) {
    log(
      `export-1m needs ${IMPORT_DATABASE} with ${importRows.toLocaleString('en')} cards: running import-1m first`,
    )
    await importBench()
    database = await existingDatabase(IMPORT_DATABASE)
    if (!database) throw new Error(`${IMPORT_DATABASE} is missing after the import`)
  }
  log(`export-1m: ${database.cards.toLocaleString('en')} cards`)
  const code = await codeLine()
  await report('export-1m', code, await runExport(database, log))
}

async function syncBench(): Promise<void> {
  log(
    `sync-100k: ${syncCards.toLocaleString('en')} cards, ${simulatorClock} clock, SIMOPS_CARRIER_RATE_SCALE=${rateScale}, at most ${syncMinutes} min`,
  )
  const code = await codeLine()
  await report(
    syncSection(simulatorClock),
    code,
    await runSync({ total: syncCards, rateScale, minutes: syncMinutes, clock: simulatorClock }, log),
  )
}

const benches: Record<string, () => Promise<void>> = {
  import: importBench,
  export: exportBench,
  sync: syncBench,
  all: async () => {
    await importBench()
    await exportBench()
    await syncBench()
  },
}

const selector = process.argv[2] ?? 'all'
const bench = benches[selector]
if (!bench) {
  console.error(`usage: tsx jobs/run.ts ${Object.keys(benches).join('|')}`)
  process.exitCode = 2
} else {
  bench().catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
}
