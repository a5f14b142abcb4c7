import type { Job, JobItem } from './job-types'

// Test data for the job views' unit tests (imported only by *.test.ts files).

export function makeJob(overrides: Partial<Job> = {}): Job {
  return {
    id: '00000000-0000-4000-8000-00000000b001',
    action: 'suspend',
    state: 'running',
    origin: 'request',
    selector: { kind: 'ids', cardIds: ['1001', '1002'] },
    options: {},
    platformId: null,
    counts: { total: 10, ok: 0, skipped: 0, failed: 0, pending: 10 },
    error: null,
    cancelRequested: false,
    createdBy: { type: 'user', id: '00000000-0000-4000-8000-000000000001', name: 'ops-li' },
    createdAt: '2025-03-01T00:00:00.000Z',
    startedAt: '2025-03-01T00:00:01.000Z',
    finishedAt: null,
    updatedAt: '2025-03-01T00:00:01.000Z',
    ...overrides,
  }
}

/** `job` moved on: counts, a later `updatedAt`, and a finish time once it is over. */
export function progressed(job: Job, counts: Partial<Job['counts']>, changes: Partial<Job> = {}): Job {
  const next = { ...job.counts, ...counts }
  next.pending = Math.max(0, next.total - next.ok - next.skipped - next.failed)
  const step = new Date(new Date(job.updatedAt).getTime() + 1000).toISOString()
  return { ...job, counts: next, updatedAt: step, ...changes }
}

export function makeJobItem(overrides: Partial<JobItem> = {}): JobItem {
  return {
    seq: 1,
    cardId: '1001',
    subject: '1440123456789',
    result: 'ok',
    code: null,
    message: null,
    input: null,
    finishedAt: '2025-03-01T00:00:02.000Z',
    ...overrides,
  }
}

/** An event stream the test writes to, as `GET /jobs/{id}/events` would send it. */
export function eventStream() {
  const encoder = new TextEncoder()
  let controller: ReadableStreamDefaultController<Uint8Array> | null = null
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c
    },
  })
  return {
    response: () =>
      new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream; charset=utf-8' } }),
    /** Raw text, e.g. half an event. */
    write: (text: string) => controller?.enqueue(encoder.encode(text)),
    send: (event: 'progress' | 'end', job: Job) =>
      controller?.enqueue(encoder.encode(`event: ${event}\ndata: ${JSON.stringify(job)}\n\n`)),
    close: () => controller?.close(),
  }
}

/** An event stream that ends the job at once. */
export function endedStream(job: Job): Response {
  return new Response(`event: end\ndata: ${JSON.stringify(job)}\n\n`, {
    status: 200,
    headers: { 'content-type': 'text/event-stream; charset=utf-8' },
  })
}
