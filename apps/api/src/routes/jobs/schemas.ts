import {
  cardJobActions,
  jobActions,
  jobItemResults,
  jobStates,
  MAX_JOB_CARD_IDS,
  MAX_JOB_PAIRS,
  type Job,
  type JobItem,
} from '@simops/core'
import { Type } from 'typebox'
import { isoOrNull, NullableTimestamp, Timestamp } from '../../schemas/common.js'
import { CardFilterQuery } from '../cards/schemas.js'

export const JobAction = Type.Enum(jobActions, { title: 'JobAction' })
export const JobState = Type.Enum(jobStates, { title: 'JobState' })
export const JobItemResult = Type.Enum(jobItemResults, { title: 'JobItemResult' })
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()])

export const JobSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    action: JobAction,
    state: JobState,
    origin: Type.Enum(['request', 'schedule'] as const, {
      description: 'Asked for, or started by a platform sync schedule',
    }),
    selector: Type.Object({}, { additionalProperties: true, description: 'What was selected, as given' }),
    options: Type.Object({}, { additionalProperties: true }),
    platformId: Nullable(Type.String({ format: 'uuid' })),
    counts: Type.Object(
      {
        total: Type.Integer({ description: 'Items in the job; 0 until the cards of a filter are listed' }),
        ok: Type.Integer(),
        skipped: Type.Integer(),
        failed: Type.Integer(),
        pending: Type.Integer(),
      },
      { title: 'JobCounts' },
    ),
    error: Nullable(Type.Object({ code: Type.String(), message: Type.String() })),
    cancelRequested: Type.Boolean(),
    createdBy: Type.Object({
      type: Type.Enum(['user', 'api_key', 'system'] as const),
      id: Nullable(Type.String()),
      name: Type.String(),
    }),
    createdAt: Timestamp,
    startedAt: NullableTimestamp,
    finishedAt: NullableTimestamp,
    updatedAt: Timestamp,
  },
  { title: 'Job' },
)

export const JobItemSchema = Type.Object(
  {
    seq: Type.Integer({
      description: 'Position in the job; for an import, the row of the file (header = 1)',
    }),
    cardId: Nullable(Type.String()),
    subject: Type.String({ description: 'The card number (as written, for an import)' }),
    result: JobItemResult,
    code: Nullable(
      Type.String({ description: 'Why an item was skipped or failed (e.g. ACTION_NOT_ALLOWED)' }),
    ),
    message: Nullable(Type.String()),
    input: Nullable(Type.Object({}, { additionalProperties: true })),
    finishedAt: NullableTimestamp,
  },
  { title: 'JobItem' },
)

export const CreateJobBody = Type.Object(
  {
    action: Type.Enum([...cardJobActions, 'bind'] as const, { description: 'What to do to each card' }),
    cardIds: Type.Optional(
      Type.Array(Type.String({ pattern: '^[1-9][0-9]{0,14}$' }), {
        minItems: 1,
        maxItems: MAX_JOB_CARD_IDS,
        description: `Explicit cards (at most ${MAX_JOB_CARD_IDS}); or give a filter`,
      }),
    ),
    filter: Type.Optional(
      Type.Object(CardFilterQuery, {
        additionalProperties: false,
        title: 'CardJobFilter',
        description: 'Every card matching the card list filter (same fields as GET /cards)',
      }),
    ),
    pairs: Type.Optional(
      Type.Array(
        Type.Object(
          {
            cardId: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,14}$' })),
            number: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
            deviceId: Type.String({ minLength: 1, maxLength: 64 }),
          },
          { additionalProperties: false, title: 'BindPair' },
        ),
        {
          minItems: 1,
          maxItems: MAX_JOB_PAIRS,
          description: 'For bind: each card (by id or number) and its device',
        },
      ),
    ),
  },
  { additionalProperties: false, title: 'CreateJob' },
)

export const JobAccepted = Type.Object(
  { jobId: Type.String({ format: 'uuid' }), job: JobSchema },
  { title: 'JobAccepted' },
)

export const JobListQuery = Type.Object(
  {
    action: Type.Optional(JobAction),
    state: Type.Optional(JobState),
    origin: Type.Optional(Type.Enum(['request', 'schedule'] as const)),
    page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
  },
  { additionalProperties: false },
)

export const JobItemsQuery = Type.Object(
  {
    result: Type.Optional(JobItemResult),
    page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  },
  { additionalProperties: false },
)

export const JobItemsExportQuery = Type.Object(
  { result: Type.Optional(JobItemResult) },
  { additionalProperties: false },
)

export function jobBody(job: Job) {
  return {
    ...job,
    createdAt: job.createdAt.toISOString(),
    startedAt: isoOrNull(job.startedAt),
    finishedAt: isoOrNull(job.finishedAt),
    updatedAt: job.updatedAt.toISOString(),
  }
}

export function jobItemBody(item: JobItem) {
  return { ...item, finishedAt: isoOrNull(item.finishedAt) }
}
