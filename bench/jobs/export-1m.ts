import { login, type Api } from './api.js'
import { ADMIN_PASSWORD, apiEnv } from './database.js'
import { cpuLine, mb, memoryLine, perSecond, seconds, thousands } from './report.js'
import { startApi } from '../shared/api-process.js'
import { watchMemory, type MemoryFigures } from './server.js'

const TARGET_CSV_ROWS_PER_SECOND = 100_000

interface ExportRun {
  format: 'csv' | 'xlsx'
  status: number
  bytes: number
  /** Data rows (lines less the header); csv only. */
  rows: number | undefined
  firstByteMs: number
  totalMs: number
  memory: MemoryFigures
}

/** GET /cards/export?format=…, read to the end as fast as the client can, counting bytes and line breaks. */
async function download(api: Api, pid: number, format: 'csv' | 'xlsx'): Promise<ExportRun> {
  const watch = await watchMemory(pid)
  const started = performance.now()
  const response = await fetch(`${api.url}/api/v1/cards/export?format=${format}`, {
    headers: { authorization: `Bearer ${api.token}` },
  })
  let firstByteMs = 0
  let bytes = 0
  let lines = 0
  if (response.body) {
    for await (const chunk of response.body) {
      if (bytes === 0) firstByteMs = performance.now() - started
      bytes += chunk.byteLength
      if (format === 'csv') for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) lines += 1
    }
  }
  const totalMs = performance.now() - started
  const memory = await watch.stop()
  if (response.status !== 200) throw new Error(`export ${format} answered ${response.status}`)
  return {
    format,
    status: response.status,
    bytes,
    rows: format === 'csv' ? lines - 1 : undefined,
    firstByteMs,
    totalMs,
    memory,
  }
}

export async function runExport(
  database: { url: string; secretKey: string; cards: number },
  log: (line: string) => void,
): Promise<string> {
  const server = await startApi(database.url, apiEnv(database.secretKey))
  const runs: ExportRun[] = []
  try {
    const api = await login(server.url, ADMIN_PASSWORD)
    for (const format of ['csv', 'xlsx'] as const) {
      const run = await download(api, server.pid, format)
      runs.push(run)
      log(
        `  export ${format}: ${seconds(run.totalMs)}, ${mb(run.bytes / 2 ** 20)}, peak RSS ${mb(run.memory.sampledMaxMb)}`,
      )
    }
  } finally {
    await server.stop()
  }
  const cards = database.cards
  const lines = [
    '## export-1m',
    '',
    `\`GET /api/v1/cards/export?format=csv|xlsx\` (no filter: all ${thousands(cards)} cards of the import), one request`,
    'at a time on a fresh API process, read to the end by the bench with `fetch` (bytes counted; csv line breaks',
    'counted too). rows/s = cards in the database / time from request to last byte.',
    '',
    '| format | time | first byte | size | rows read | rows/s | max VmRSS | VmHWM | target |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|',
    ...runs.map((r) => {
      const rate = cards / (r.totalMs / 1000)
      const target =
        r.format === 'csv'
          ? `≥ ${thousands(TARGET_CSV_ROWS_PER_SECOND)} rows/s ${rate >= TARGET_CSV_ROWS_PER_SECOND ? 'PASS' : 'FAIL'}`
          : 'bounded memory'
      return `| ${r.format} | ${seconds(r.totalMs)} | ${(r.firstByteMs / 1000).toFixed(2)} s | ${mb(r.bytes / 2 ** 20)} | ${r.rows === undefined ? '—' : thousands(r.rows)} | ${perSecond(cards, r.totalMs)} | ${mb(r.memory.sampledMaxMb)} | ${mb(r.memory.hwmMb)} | ${target} |`
    }),
    '',
    ...runs.map((r) => `- ${memoryLine(`API memory during the ${r.format} export`, r.memory)}.`),
    ...runs.map((r) => `- ${cpuLine(`CPU during the ${r.format} export`, r.memory)}.`),
  ]
  return lines.join('\n')
}
