import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startReferenceSimulator, type ReferenceSimulator } from '@simops/carrier-testkit/reference'
import { openDatabase } from '@simops/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { backends } from './harness.js'
import { csv, multipartBody } from './import-fixtures.js'
import { startServerProcess, type ServerProcess } from './server-process.js'

const PASSWORD = 'resume-admin-1'
const CARDS = 300

interface JobBody {
  id: string
  state: string
  counts: { total: number; ok: number; skipped: number; failed: number; pending: number }
}

/** A database the two server processes share: a data folder (embedded) or a fresh server database. */
async function sharedDatabase(
  backend: string,
): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  if (backend === 'pglite') {
    const dir = await mkdtemp(join(tmpdir(), 'simops-resume-'))
    return { env: { SIMOPS_DATA_DIR: dir }, drop: () => rm(dir, { recursive: true, force: true }) }
  }
  const server = process.env.TEST_DATABASE_URL ?? ''
  const name = `simops_resume_${randomBytes(4).toString('hex')}`
  const onServer = async (statement: string) => {
    const admin = await openDatabase({ kind: 'postgres', url: server, poolSize: 1 })
    try {
      await admin.executeSql(statement)
    } finally {
      await admin.close()
    }
  }
  await onServer(`create database ${name}`)
  const url = new URL(server)
  url.pathname = `/${name}`
  return {
    env: { DATABASE_URL: url.toString() },
    drop: () => onServer(`drop database if exists ${name} with (force)`),
  }
}

describe.each(backends)('a job on %s when its worker is killed', (backend) => {
  let simulator: ReferenceSimulator
  let database: Awaited<ReturnType<typeof sharedDatabase>>
  const servers: ServerProcess[] = []
  /** Change requests the carrier received, per ICCID. */
  const changes = new Map<string, number>()
  beforeAll(async () => {
    simulator = await startReferenceSimulator({ cards: CARDS, applyDelayMs: 0, lockSeconds: 0 })
    const requestChange = simulator.state.requestChange.bind(simulator.state)
    simulator.state.requestChange = (iccid, action) => {
      changes.set(iccid, (changes.get(iccid) ?? 0) + 1)
      return requestChange(iccid, action)
    }
    database = await sharedDatabase(backend)
  })
  afterAll(async () => {
    for (const server of servers) await server.stop().catch(() => undefined)
    await simulator.close()
    await database.drop()
  })

  const start = async () => {
    const server = await startServerProcess({
      ...database.env,
      SIMOPS_ADMIN_PASSWORD: PASSWORD,
      SIMOPS_SECRET_KEY: 'ab'.repeat(32),
      SIMOPS_PLUGINS: '@simops/carrier-testkit/reference',
    })
    servers.push(server)
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: PASSWORD }),
    })
    const { token } = (await login.json()) as { token: string }
    const call = async <T>(
      method: string,
      path: string,
      body?: unknown,
      headers: Record<string, string> = {},
    ) => {
      const response = await fetch(`${server.url}/api/v1${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body !== undefined && !Buffer.isBuffer(body) ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
        ...(body !== undefined ? { body: Buffer.isBuffer(body) ? body : JSON.stringify(body) } : {}),
      })
      if (response.status >= 300)
        throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`)
      return (await response.json()) as T
    }
    const finished = async (id: string) => {
      for (let i = 0; i < 1200; i += 1) {
        const job = await call<JobBody>('GET', `/jobs/${id}`)
        if (['completed', 'cancelled', 'failed'].includes(job.state)) return job
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
      throw new Error(`job ${id} did not finish`)
    }
    return { server, call, finished }
  }

  it('resumes on restart, finishing every item once and never sending a change twice', async () => {
    const first = await start()
    const platform = await first.call<{ id: string }>('POST', '/platforms', {
      carrierId: 'reference',
      name: 'Reference',
      config: { baseUrl: simulator.url, apiKey: simulator.apiKey },
      syncSchedule: { enabled: false },
    })
    const rows = simulator.state.cards().map((card) => [card.msisdn, card.iccid, 'month'])
    const upload = multipartBody(
      { platformId: platform.id },
      { name: 'cards.csv', content: csv([['卡号', 'ICCID', '类型'], ...rows]) },
    )
    const imported = await first.call<{ jobId: string }>(
      'POST',
      '/cards/import',
      upload.payload,
      upload.headers,
    )
    expect((await first.finished(imported.jobId)).counts.ok).toBe(CARDS)
    const synced = await first.call<{ jobId: string }>('POST', '/jobs', { action: 'sync', filter: {} })
    expect((await first.finished(synced.jobId)).counts.ok).toBe(CARDS)
    const active = simulator.state.cards().filter((card) => card.status === 'ACTIVE').length
    expect(active).toBeGreaterThan(60)

    const { jobId } = await first.call<{ jobId: string }>('POST', '/jobs', { action: 'suspend', filter: {} })
    let atKill: JobBody | undefined
    for (let i = 0; i < 600 && !atKill; i += 1) {
      const job = await first.call<JobBody>('GET', `/jobs/${jobId}`)
      if (job.counts.ok >= 20) atKill = job
      else await new Promise((resolve) => setTimeout(resolve, 20))
    }
    await first.server.kill()
    expect(atKill?.state).toBe('running')
    expect(atKill?.counts.ok).toBeLessThan(active)
    const second = await start()
    const job = await second.finished(jobId)
    expect(job.state).toBe('completed')
    expect(job.counts).toEqual({ total: CARDS, ok: active, skipped: CARDS - active, failed: 0, pending: 0 })
    // The carrier saw one request per card that was active, none twice.
    expect([...changes.values()].filter((n) => n > 1)).toEqual([])
    expect(changes.size).toBe(active)
    expect(
      simulator.state.cards().filter((card) => card.status === 'SUSPENDED').length,
    ).toBeGreaterThanOrEqual(active)
    // Every suspended card's change is in the audit log under the job, once.
    const audit = await second.call<{ items: { target: { id: string } }[] }>(
      'GET',
      `/operations?jobId=${jobId}&result=success&limit=500`,
    )
    expect(audit.items).toHaveLength(active)
    expect(new Set(audit.items.map((row) => row.target.id)).size).toBe(active)
  }, 240_000)
})
