import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import os from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const cli = fileURLToPath(new URL('../../apps/api/dist/cli.js', import.meta.url))

export interface ApiProcess {
  url: string
  pid: number
  stop(): Promise<void>
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
}

/**
 * `simops start` (the built CLI) in its own process on the bench database, with the given extra
 * environment (SIMOPS_ADMIN_PASSWORD, SIMOPS_CARRIER_RATE_SCALE, …), as cards-list starts it, plus
 * its pid so that its memory can be read from /proc.
 */
export async function startApi(databaseUrl: string, env: Record<string, string>): Promise<ApiProcess> {
  const port = await freePort()
  // Only a lock and key file could land in the data directory; keep it out of the work tree.
  const dataDir = await mkdtemp(join(os.tmpdir(), 'simops-bench-jobs-'))
  const child = spawn(process.execPath, [cli, 'start'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      SIMOPS_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let errors = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    errors = (errors + chunk.toString()).slice(-5000)
  })
  const url = `http://127.0.0.1:${port}`
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
    }
    await rm(dataDir, { recursive: true, force: true })
  }
  const deadline = Date.now() + 120_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the API process exited: ${errors}`)
    const ready = await fetch(`${url}/readyz`).then(
      (response) => response.ok,
      () => false,
    )
    if (ready && child.pid !== undefined) return { url, pid: child.pid, stop }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  await stop()
  throw new Error(`the API process did not become ready: ${errors}`)
}

/** VmRSS and VmHWM of a process, in MiB. */
export async function memoryOf(pid: number): Promise<{ rss: number; hwm: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8')
  const field = (name: string) =>
    Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) / 1024
  return { rss: field('VmRSS'), hwm: field('VmHWM') }
}

export interface MemoryFigures {
  /** Largest VmRSS seen, sampled every 250 ms. */
  sampledMaxMb: number
  /** VmHWM at the end: the kernel's own peak since the reset (or since the process started). */
  hwmMb: number
  /** Whether VmHWM was reset at the start (echo 5 > /proc/<pid>/clear_refs); else it covers the whole process. */
  hwmReset: boolean
  startMb: number
  /** Seconds from the start of the phase to the largest sample. */
  maxAtS: number
  /** CPU seconds over the phase: the API process, this (bench) process, and the whole machine (all processes). */
  cpu: { wallS: number; apiS: number; benchS: number; machineS: number }
}

const TICKS_PER_SECOND = 100

/** utime + stime of a process, in seconds (/proc/<pid>/stat fields 14 and 15). */
async function cpuSecondsOf(pid: number): Promise<number> {
  const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).replace(/^.*\) /s, '').split(' ')
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND
}

/** Busy CPU seconds of the whole machine (all cores, everything but idle and iowait) from /proc/stat. */
async function machineBusySeconds(): Promise<number> {
  const line = (await readFile('/proc/stat', 'utf8')).split('\n')[0] ?? ''
  const [, ...values] = line.trim().split(/\s+/).map(Number)
  const busy = values.reduce((sum, v, i) => (i === 3 || i === 4 ? sum : sum + v), 0)
  return busy / TICKS_PER_SECOND
}

/**
 * Samples the server's resident memory every 250 ms while a phase runs. At the start it resets the
 * kernel's peak (VmHWM) to the current RSS, so the final VmHWM belongs to this phase alone.
 */
export async function watchMemory(pid: number): Promise<{ stop(): Promise<MemoryFigures> }> {
  const hwmReset = await writeFile(`/proc/${pid}/clear_refs`, '5').then(
    () => true,
    () => false,
  )
  const start = await memoryOf(pid)
  const cpuStart = {
    api: await cpuSecondsOf(pid),
    bench: process.cpuUsage(),
    machine: await machineBusySeconds(),
  }
  const started = performance.now()
  let max = start.rss
  let maxAt = started
  const timer = setInterval(() => {
    memoryOf(pid).then(
      (m) => {
        if (m.rss > max) [max, maxAt] = [m.rss, performance.now()]
      },
      () => undefined,
    )
  }, 250)
  // Never what keeps the bench alive when a run fails half-way.
  timer.unref()
  return {
    async stop() {
      clearInterval(timer)
      // The process may be gone (killed from outside): the figures are then those sampled so far.
      const end = await memoryOf(pid).catch(() => ({ rss: max, hwm: NaN }))
      if (end.rss > max) [max, maxAt] = [end.rss, performance.now()]
      const bench = process.cpuUsage(cpuStart.bench)
      const cpu = {
        wallS: (performance.now() - started) / 1000,
        apiS: (await cpuSecondsOf(pid).catch(() => NaN)) - cpuStart.api,
        benchS: (bench.user + bench.system) / 1e6,
        machineS: (await machineBusySeconds()) - cpuStart.machine,
      }
      return {
        sampledMaxMb: max,
        hwmMb: end.hwm,
        hwmReset,
        startMb: start.rss,
        maxAtS: (maxAt - started) / 1000,
        cpu,
      }
    },
  }
}
