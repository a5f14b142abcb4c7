import type {
  ActorType,
  JobAction,
  JobItemResult,
  JobItemRow,
  JobOrigin,
  JobRow,
  JobState,
} from '../db/schema.js'
import { DomainError } from '../errors.js'

/** A bulk job as callers see it. */
export interface Job {
  id: string
  action: JobAction
  state: JobState
  origin: JobOrigin
  /** What was asked for (card ids, a list filter, card↔device pairs or a file), as given. */
  selector: Record<string, unknown>
  options: Record<string, unknown>
  platformId: string | null
  counts: JobCounts
  error: { code: string; message: string } | null
  cancelRequested: boolean
  createdBy: { type: ActorType; id: string | null; name: string }
  createdAt: Date
  startedAt: Date | null
  finishedAt: Date | null
  updatedAt: Date
}

export interface JobCounts {
  /** Items in the job; 0 until the worker has listed the cards a filter selects. */
  total: number
  ok: number
  skipped: number
  failed: number
  /** Items not finished yet. */
  pending: number
}

export interface JobItem {
  seq: number
  cardId: string | null
  /** The card's number, or `row N` for an import. */
  subject: string
  result: JobItemResult
  code: string | null
  message: string | null
  input: Record<string, unknown> | null
  finishedAt: Date | null
}

export const finishedJobStates: readonly JobState[] = ['completed', 'cancelled', 'failed']

export function isFinished(state: JobState): boolean {
  return finishedJobStates.includes(state)
}

export function toJob(row: JobRow): Job {
  return {
    id: row.id,
    action: row.action,
    state: row.state,
    origin: row.origin,
    selector: row.selector,
    options: row.options,
    platformId: row.platformId,
    counts: {
      total: row.total,
      ok: row.ok,
      skipped: row.skipped,
      failed: row.failed,
      pending: Math.max(0, row.total - row.ok - row.skipped - row.failed),
    },
    error: row.errorCode ? { code: row.errorCode, message: row.errorMessage ?? '' } : null,
    cancelRequested: row.cancelRequested,
    createdBy: { type: row.createdByType, id: row.createdById, name: row.createdByName },
    createdAt: row.createdAt,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    updatedAt: row.updatedAt,
  }
}

export function toJobItem(row: JobItemRow): JobItem {
  return {
    seq: row.seq,
    cardId: row.cardId === null ? null : String(row.cardId),
    subject: row.subject,
    result: row.result,
    code: row.code,
    message: row.message,
    input: row.input,
    finishedAt: row.finishedAt,
  }
}

export function jobNotFound(id: string): DomainError {
  return new DomainError('notFound', 'JOB_NOT_FOUND', `Job ${id} does not exist`)
}
