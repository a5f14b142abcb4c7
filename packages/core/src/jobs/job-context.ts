import type { Actor, OperationContext } from '../actor.js'
import type { JobRow } from '../db/schema.js'

/** The creator of a job as the actor of its items' audit rows, with the job id attached. */
export function jobContext(job: JobRow): OperationContext {
  const actor: Actor =
    job.createdByType === 'system' || job.createdById === null
      ? { type: 'system', name: job.createdByName }
      : {
          type: 'user',
          userId: job.createdById,
          username: job.createdByName,
          // Roles were checked when the job was accepted; the audit row needs only who it was.
          role: 'viewer',
          apiKeyId: job.createdByApiKeyId,
          sessionId: null,
        }
  return { actor, jobId: job.id }
}
