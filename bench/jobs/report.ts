import { execFileSync } from 'node:child_process'
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import type pg from 'pg'
import type { MemoryFigures } from './server.js'

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`
export const perSecond = (count: number, ms: number) => Math.round(count / (ms / 1000)).toLocaleString('en')
export const thousands = (n: number) => n.toLocaleString('en')
export const mb = (value: number) => `${Math.round(value)} MB`

export function memoryLine(label: string, m: MemoryFigures): string {
  const hwm = m.hwmReset ? 'VmHWM (reset at the start of the phase)' : 'VmHWM (since the process started)'
  return `${label}: max sampled VmRSS ${mb(m.sampledMaxMb)} (${m.maxAtS.toFixed(0)} s into the phase), ${hwm} ${mb(m.hwmMb)}, at the start ${mb(m.startMb)}`
}

/** Who used the two cores during a phase (PostgreSQL and other sessions' work are in "the rest"). */
export function cpuLine(label: string, m: MemoryFigures): string {
  const { wallS, apiS, benchS, machineS } = m.cpu
  const cores = (s: number) => `${s.toFixed(0)} s (${(s / wallS).toFixed(2)} cores)`
  return `${label} (${wallS.toFixed(0)} s): API process ${cores(apiS)}, bench process ${cores(benchS)}, whole machine ${cores(machineS)}, so the rest (PostgreSQL and anything else running) ${cores(machineS - apiS - benchS)} of ${os.cpus().length}`
}

/** Which code a run measured: the commit under the working tree and when core's dist was built. */
export async function codeLine(): Promise<string> {
  const built = await stat(
    fileURLToPath(new URL('../../packages/core/dist/src/index.js', import.meta.url)),
  ).then(
    (s) => s.mtime.toISOString().slice(0, 16).replace('T', ' '),
    () => 'unknown',
  )
  let head = 'unknown'
  try {
    head = execFileSync('git', ['log', '-1', '--format=%h %ci'], { encoding: 'utf8' }).trim()
  } catch {
    // not a git checkout
  }
  const started = new Date().toISOString().slice(0, 16).replace('T', ' ')
  return `Run started ${started} UTC on the working tree over ${head}, core's dist built ${built} UTC.`
}

export async function environment(client: pg.Client): Promise<string> {
  const settings = await client.query<{
    version: string
    shared_buffers: string
    work_mem: string
    autovacuum: string
  }>(
    `select current_setting('server_version') as version, current_setting('shared_buffers') as shared_buffers,
       current_setting('work_mem') as work_mem, current_setting('autovacuum') as autovacuum`,
  )
  const pgInfo = settings.rows[0]
  const cpus = os.cpus()
  return [
    `- Machine: ${cpus.length} cores (${cpus[0]?.model ?? 'unknown CPU'}), ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, Node ${process.version}, ${os.platform()}`,
    `- PostgreSQL ${pgInfo?.version} on the same machine, shared_buffers ${pgInfo?.shared_buffers}, work_mem ${pgInfo?.work_mem}, autovacuum ${pgInfo?.autovacuum}`,
    '- The API runs as `simops start` (apps/api/dist/cli.js) in its own process; the load generator, the carrier',
    '  simulators (sync) and PostgreSQL share the same two cores with it.',
  ].join('\n')
}

const resultsFile = () =>
  fileURLToPath(new URL(`../results/jobs-${new Date().toISOString().slice(0, 10)}.md`, import.meta.url))

/**
 * Writes one benchmark's section into bench/results/jobs-<date>.md, replacing that section from an
 * earlier run of the same day and keeping the others, so the three can be run separately.
 */
export async function writeSection(name: string, env: string, body: string): Promise<string> {
  const file = resultsFile()
  const existing = await readFile(file, 'utf8').catch(() => '')
  const sections = new Map<string, string>()
  for (const match of existing.matchAll(/<!-- begin (\S+) -->\n([\s\S]*?)<!-- end \1 -->/g))
    if (match[1] && match[2] !== undefined) sections.set(match[1], match[2])
  sections.set(name, `${body.trimEnd()}\n`)
  const order = ['import-1m', 'export-1m', 'sync-100k', 'sync-100k-manual-clock']
  // Sections of other names (added by hand) keep their place after these.
  const rank = (name: string) => order.indexOf(name) + 1 || order.length + 1
  const names = [...sections.keys()].sort((a, b) => rank(a) - rank(b))
  const text = [
    `# Job benchmarks, ${new Date().toISOString().slice(0, 10)}`,
    '',
    'Figures printed by `bench/jobs` (see bench/README.md); nothing here is asserted.',
    '',
    env,
    '',
    ...names.map((n) => `<!-- begin ${n} -->\n${sections.get(n)}<!-- end ${n} -->\n`),
  ].join('\n')
  await mkdir(dirname(file), { recursive: true })
  await writeFile(file, text)
  return file
}
