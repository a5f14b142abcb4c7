import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const apiCli = fileURLToPath(new URL('../../api/dist/cli.js', import.meta.url))
const consoleDist = fileURLToPath(new URL('../dist', import.meta.url))

export interface RunningServer {
  baseUrl: string
  stop: () => Promise<void>
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

async function waitUntilReady(baseUrl: string, child: ChildProcess, output: () => string): Promise<void> {
  // The embedded database needs several seconds on its first start.
  const deadline = Date.now() + 90_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The SimOps server exited early:\n${output()}`)
    const ready = await fetch(`${baseUrl}/readyz`).then(
      (response) => response.status === 200,
      () => false,
    )
    if (ready) return
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`The SimOps server did not become ready:\n${output()}`)
}

/** Starts the real API (serving the built console) on a free port with a fresh data directory. */
export async function startServer(adminPassword: string): Promise<RunningServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'simops-console-e2e-'))
  const port = await freePort()
  const baseUrl = `http://127.0.0.1:${port}`
  const child = spawn(process.execPath, [apiCli, 'start'], {
    env: {
      ...process.env,
      SIMOPS_DATA_DIR: dataDir,
      SIMOPS_ADMIN_PASSWORD: adminPassword,
      PORT: String(port),
      HOST: '127.0.0.1',
      SIMOPS_CONSOLE_DIR: consoleDist,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let log = ''
  const collect = (chunk: Buffer): void => {
    log = (log + chunk.toString()).slice(-20_000)
  }
  child.stdout?.on('data', collect)
  child.stderr?.on('data', collect)

  const stop = async (): Promise<void> => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
    }
    await rm(dataDir, { recursive: true, force: true })
  }

  try {
    await waitUntilReady(baseUrl, child, () => log)
  } catch (error) {
    await stop()
    throw error
  }
  return { baseUrl, stop }
}

/** The API as the console uses it, for set-up a journey does not cover (platforms, devices). */
export async function callApi(
  server: RunningServer,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<Record<string, unknown>> {
  const response = await fetch(`${server.baseUrl}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`)
  return response.json() as Promise<Record<string, unknown>>
}

/** A session token for the administrator the server was started with. */
export async function adminToken(server: RunningServer, adminPassword: string): Promise<string> {
  const { token } = (await callApi(server, '', 'POST', '/auth/login', {
    username: 'admin',
    password: adminPassword,
  })) as { token: string }
  return token
}
