import { readFile, writeFile } from 'node:fs/promises'

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
