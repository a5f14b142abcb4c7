import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
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
 * The API as it is deployed: `simops start` (the built CLI) in its own process on the bench database,
 * so the load generator does not share the server's event loop. `env` adds to its environment
 * (SIMOPS_SECRET_KEY, SIMOPS_ADMIN_PASSWORD, SIMOPS_CARRIER_RATE_SCALE, …); the pid lets a bench read
 * its memory from /proc.
 */
export async function startApi(databaseUrl: string, env: Record<string, string>): Promise<ApiProcess> {
  const port = await freePort()
  // Only a lock and key file could land in the data directory; keep it out of the work tree.
  const dataDir = await mkdtemp(join(os.tmpdir(), 'simops-bench-api-'))
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
