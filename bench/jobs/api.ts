import { randomBytes } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { basename } from 'node:path'

/** The parts of a job (GET /api/v1/jobs/{id}) the benchmarks read. */
export interface JobBody {
  id: string
  state: string
  counts: { total: number; ok: number; skipped: number; failed: number; pending: number }
  error: { code: string; message: string } | null
  createdAt: string
  startedAt: string | null
  finishedAt: string | null
}

export interface Api {
  url: string
  token: string
}

async function call<T>(api: Api, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${api.url}/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${api.token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const text = await response.text()
  if (response.status >= 300) throw new Error(`${method} ${path} answered ${response.status}: ${text}`)
  return JSON.parse(text) as T
}

export async function login(url: string, password: string): Promise<Api> {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password }),
  })
  if (response.status !== 200) throw new Error(`login answered ${response.status}: ${await response.text()}`)
  const { token } = (await response.json()) as { token: string }
  return { url, token }
}

export async function createPlatform(
  api: Api,
  carrierId: string,
  name: string,
  config: Record<string, unknown>,
): Promise<string> {
  const body = { carrierId, name, config, syncSchedule: { enabled: false } }
  return (await call<{ id: string }>(api, 'POST', '/platforms', body)).id
}

export const getJob = (api: Api, id: string) => call<JobBody>(api, 'GET', `/jobs/${id}`)

export async function startSync(api: Api): Promise<string> {
  return (await call<{ jobId: string }>(api, 'POST', '/jobs', { action: 'sync', filter: {} })).jobId
}

export const cancelJob = (api: Api, id: string) => call<unknown>(api, 'POST', `/jobs/${id}/cancel`, {})

/** multipart/form-data with the file streamed from disk: nothing but one read buffer is held in memory. */
async function* multipart(path: string, boundary: string): AsyncGenerator<Uint8Array> {
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${basename(path)}"\r\nContent-Type: text/csv\r\n\r\n`
  yield Buffer.from(head)
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) yield chunk as Buffer
  yield Buffer.from(`\r\n--${boundary}--\r\n`)
}

export interface Upload {
  jobId: string
  /** From the first byte sent to the 202 (the whole file read and staged as job items). */
  uploadMs: number
  /** performance.now() when the request started, to time the rest against. */
  startedAt: number
}

/** POST /cards/import?platformId=… with a streaming (chunked) multipart body; resolves at the 202. */
export async function uploadImport(api: Api, path: string, platformId: string): Promise<Upload> {
  const boundary = `----simops-bench-${randomBytes(8).toString('hex')}`
  const startedAt = performance.now()
  const response = await fetch(`${api.url}/api/v1/cards/import?platformId=${platformId}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${api.token}`,
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
    body: multipart(path, boundary),
    duplex: 'half',
  })
  const text = await response.text()
  if (response.status !== 202) throw new Error(`import answered ${response.status}: ${text}`)
  const uploadMs = performance.now() - startedAt
  return { jobId: (JSON.parse(text) as { jobId: string }).jobId, uploadMs, startedAt }
}

/**
 * Polls the job every `everyMs` until it has finished (completed, cancelled or failed) or the
 * deadline passes; `onPoll` sees each answer (progress lines).
 */
export async function waitForJob(
  api: Api,
  id: string,
  options: { everyMs?: number; deadline?: number; onPoll?: (job: JobBody) => void } = {},
): Promise<{ job: JobBody; seenAt: number; timedOut: boolean }> {
  for (;;) {
    const job = await getJob(api, id)
    const seenAt = performance.now()
    options.onPoll?.(job)
    if (['completed', 'cancelled', 'failed'].includes(job.state)) return { job, seenAt, timedOut: false }
    if (options.deadline !== undefined && seenAt >= options.deadline) return { job, seenAt, timedOut: true }
    await new Promise((resolve) => setTimeout(resolve, options.everyMs ?? 250))
  }
}

/** Prints a progress line at most every `everyMs`. */
export function progressPrinter(label: string, everyMs = 10_000): (job: JobBody) => void {
  let last = 0
  return (job) => {
    if (performance.now() - last < everyMs) return
    last = performance.now()
    const c = job.counts
    console.log(
      `    ${label}: ${job.state}, ok ${c.ok}, failed ${c.failed}, pending ${c.pending} of ${c.total}`,
    )
  }
}
