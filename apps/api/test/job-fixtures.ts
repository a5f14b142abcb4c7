import type { Harness } from './harness.js'

export interface JobBody {
  id: string
  state: string
  counts: { total: number; ok: number; skipped: number; failed: number; pending: number }
}

/**
 * Polls a job until it has finished (or the time runs out, failing the test with its last state). A job
 * of minutes is polled less often (`pollMs`), since each poll is work taken from the job itself.
 */
export async function waitForJob(
  h: Harness,
  token: string,
  id: string,
  timeoutMs = 60_000,
  pollMs = 100,
): Promise<JobBody> {
  const started = Date.now()
  for (;;) {
    const response = await h.request({ method: 'GET', url: `/api/v1/jobs/${id}`, token })
    const job = response.json<JobBody>()
    if (['completed', 'cancelled', 'failed'].includes(job.state)) return job
    if (Date.now() - started > timeoutMs) throw new Error(`job ${id} did not finish: ${response.body}`)
    await new Promise((resolve) => setTimeout(resolve, pollMs))
  }
}
