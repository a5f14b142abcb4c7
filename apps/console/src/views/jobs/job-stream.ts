import { api, fetchRaw, inlineErrors } from '@/api/client'
import { isFinished } from './job-labels'
import type { Job } from './job-types'

/** One Server-Sent Event. */
export interface StreamEvent {
  event: string
  data: string
}

/**
 * Reads a `text/event-stream` body event by event (`event:` and `data:` lines, a blank line ends
 * one; `:` lines are comments). Stops when the body ends or `signal` aborts.
 */
export async function* readEvents(
  body: ReadableStream<Uint8Array>,
  signal?: AbortSignal,
): AsyncGenerator<StreamEvent> {
  const reader = body.getReader()
  const decoder = new TextDecoder()
  const stop = (): void => void reader.cancel().catch(() => {})
  signal?.addEventListener('abort', stop, { once: true })
  let buffer = ''
  let event = 'message'
  let data: string[] = []
  try {
    while (!signal?.aborted) {
      const { done, value } = await reader.read()
      if (done) return
      buffer += decoder.decode(value, { stream: true })
      let newline = buffer.search(/\r?\n/)
      while (newline >= 0) {
        const line = buffer.slice(0, newline)
        buffer = buffer.slice(newline + (buffer[newline] === '\r' ? 2 : 1))
        newline = buffer.search(/\r?\n/)
        if (line === '') {
          if (data.length > 0) yield { event, data: data.join('\n') }
          event = 'message'
          data = []
        } else if (!line.startsWith(':')) {
          const colon = line.indexOf(':')
          const field = colon < 0 ? line : line.slice(0, colon)
          const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '')
          if (field === 'event') event = value
          else if (field === 'data') data.push(value)
        }
      }
    }
  } finally {
    // Also when the reader stops early (the job ended): the connection is let go.
    signal?.removeEventListener('abort', stop)
    stop()
  }
}

function parseJob(text: string): Job | null {
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' &&
      value !== null &&
      'id' in value &&
      'state' in value &&
      'counts' in value
      ? (value as Job)
      : null
  } catch {
    return null
  }
}

export interface FollowOptions {
  signal: AbortSignal
  /** Every new state of the job, the last one finished. */
  onUpdate(job: Job): void
  /** Polling interval when the event stream cannot be used. */
  pollMs?: number
}

/** Follows the job's event stream; the finished job, or null when the stream failed or ended early. */
async function streamJob(id: string, { signal, onUpdate }: FollowOptions): Promise<Job | null> {
  try {
    const path = `/api/v1/jobs/${encodeURIComponent(id)}/events`
    const { response, error } = await fetchRaw(path, { headers: { accept: 'text/event-stream' }, signal })
    if (error || !response.body) return null
    for await (const { event, data } of readEvents(response.body, signal)) {
      if (event !== 'progress' && event !== 'end') continue
      const job = parseJob(data)
      if (!job) continue
      onUpdate(job)
      if (event === 'end' || isFinished(job.state)) return job
    }
  } catch {
    // Aborted, or the connection dropped: polling takes over unless we were told to stop.
  }
  return null
}

function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms)
    function done(): void {
      clearTimeout(timer)
      signal.removeEventListener('abort', done)
      resolve()
    }
    signal.addEventListener('abort', done, { once: true })
  })
}

/** Asks for the job every `pollMs` until it finishes; null when aborted or the job is gone. */
async function pollJob(id: string, { signal, onUpdate, pollMs = 2_000 }: FollowOptions): Promise<Job | null> {
  while (!signal.aborted) {
    const { data, response } = await api.GET('/api/v1/jobs/{id}', {
      params: { path: { id } },
      middleware: [inlineErrors],
    })
    if (signal.aborted) return null
    if (data) {
      onUpdate(data)
      if (isFinished(data.state)) return data
    } else if (response.status === 404) return null
    await delay(pollMs, signal)
  }
  return null
}

/**
 * Follows a job until it finishes: by its event stream (fetch with the bearer token; EventSource
 * cannot send it), falling back to polling `GET /jobs/{id}` when the stream fails or breaks off.
 * Resolves with the finished job, or null when stopped through `signal` or the job does not exist.
 */
export async function followJob(id: string, options: FollowOptions): Promise<Job | null> {
  const streamed = await streamJob(id, options)
  if (streamed || options.signal.aborted) return streamed
  return pollJob(id, options)
}
