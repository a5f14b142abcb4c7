import type { FastifyReply, FastifyRequest } from 'fastify'
import { isFinished, type Core, type Job } from '@simops/core'
import { jobBody } from './schemas.js'

/** How often the stream looks at the job; progress lives in the database, whichever process runs it. */
const POLL_MS = 500
const KEEPALIVE_MS = 15_000

/**
 * Server-Sent Events for one job: `progress` whenever its state or counts change, then `end` with
 * the finished job, and the stream closes. Reading the job row (not an in-process emitter) means
 * any server can serve the stream of a job another server runs.
 */
export async function streamJobEvents(core: Core, request: FastifyRequest, reply: FastifyReply, id: string) {
  let job: Job = await core.jobs.get(id)
  reply.hijack()
  const raw = reply.raw
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  })
  let closed = false
  request.raw.on('close', () => (closed = true))
  const send = (event: string, data: Job) =>
    raw.write(`event: ${event}\ndata: ${JSON.stringify(jobBody(data))}\n\n`)
  const fingerprint = (j: Job) =>
    `${j.state}|${j.counts.total}|${j.counts.ok}|${j.counts.skipped}|${j.counts.failed}|${j.cancelRequested}`
  send('progress', job)
  let last = fingerprint(job)
  let quietSince = Date.now()
  try {
    while (!closed && !isFinished(job.state)) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS))
      job = await core.jobs.get(id)
      if (fingerprint(job) !== last) {
        last = fingerprint(job)
        send('progress', job)
        quietSince = Date.now()
      } else if (Date.now() - quietSince > KEEPALIVE_MS) {
        // A comment line keeps proxies from closing an idle stream.
        raw.write(': keep-alive\n\n')
        quietSince = Date.now()
      }
    }
    if (!closed) send('end', job)
  } catch (error) {
    request.log.warn({ err: error, jobId: id }, 'job event stream stopped')
  } finally {
    raw.end()
  }
}
