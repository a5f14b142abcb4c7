import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { invalidField, type Core, type JobRequest } from '@simops/core'
import { Type, type Static } from 'typebox'
import { contextOf } from '../../plugins/auth.js'
import { errorResponses } from '../../schemas/common.js'
import { cardFilterOf } from '../cards/schemas.js'
import { fileStamp, sendTable } from '../table-download.js'
import { streamJobEvents } from './events.js'
import {
  CreateJobBody,
  JobAccepted,
  JobItemSchema,
  JobItemsExportQuery,
  JobItemsQuery,
  JobListQuery,
  JobSchema,
  jobBody,
  jobItemBody,
} from './schemas.js'

const tags = ['jobs']
const operator = { access: 'operator' as const }
const JobParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) })

/** 任务: bulk work over any number of cards of any carriers, run by workers, resumable. */
const jobRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const core: Core = app.core

  app.post(
    '/jobs',
    {
      config: operator,
      // A hundred thousand card ids fit; larger selections go by filter.
      bodyLimit: 4 * 1024 * 1024,
      schema: {
        tags,
        operationId: 'createJob',
        summary: 'Start a bulk job (activate, suspend, resume, sync, delete, bind)',
        description:
          'Select cards by `cardIds` or by `filter` (the card list filter), or give `pairs` for bind — exactly one. Items are grouped by platform and sent in chunks of each plugin’s batch size within its rate limit. Answers 202; follow progress at /jobs/{id}/events.',
        body: CreateJobBody,
        response: { 202: JobAccepted, ...errorResponses(403) },
      },
    },
    async (request, reply) => {
      const job = await core.jobs.create(contextOf(request), jobRequestOf(request.body))
      return reply.code(202).send({ jobId: job.id, job: jobBody(job) })
    },
  )

  app.get(
    '/jobs',
    {
      schema: {
        tags,
        operationId: 'listJobs',
        summary: 'List jobs, newest first',
        querystring: JobListQuery,
        response: {
          200: Type.Object({ items: Type.Array(JobSchema), total: Type.Integer() }, { title: 'JobPage' }),
          ...errorResponses(),
        },
      },
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query
      const result = await core.jobs.list({ ...filter, page: page ?? 1, pageSize: pageSize ?? 20 })
      return { items: result.items.map(jobBody), total: result.total }
    },
  )

  app.get(
    '/jobs/:id',
    {
      schema: {
        tags,
        operationId: 'getJob',
        summary: 'A job with its counts',
        params: JobParams,
        response: { 200: JobSchema, ...errorResponses(404) },
      },
    },
    async (request) => jobBody(await core.jobs.get(request.params.id)),
  )

  app.get(
    '/jobs/:id/items',
    {
      schema: {
        tags,
        operationId: 'listJobItems',
        summary: 'The items of a job and how each ended',
        params: JobParams,
        querystring: JobItemsQuery,
        response: {
          200: Type.Object(
            { items: Type.Array(JobItemSchema), total: Type.Integer() },
            { title: 'JobItemPage' },
          ),
          ...errorResponses(404),
        },
      },
    },
    async (request) => {
      const { page, pageSize, result } = request.query
      const found = await core.jobs.items(request.params.id, {
        ...(result ? { result } : {}),
        page: page ?? 1,
        pageSize: pageSize ?? 50,
      })
      return { items: found.items.map(jobItemBody), total: found.total }
    },
  )

  app.get(
    '/jobs/:id/items/export',
    {
      schema: {
        tags,
        operationId: 'exportJobItems',
        summary: 'Download the items of a job as CSV (for an import with result=failed: the error report)',
        params: JobParams,
        querystring: JobItemsExportQuery,
        produces: ['text/csv'],
        response: {
          200: Type.Unsafe({ type: 'string', description: 'CSV, UTF-8 with BOM' }),
          ...errorResponses(404),
        },
      },
    },
    async (request, reply) => {
      const job = await core.jobs.get(request.params.id)
      const result = request.query.result
      const rows = async function* () {
        for await (const page of core.jobs.eachItem(job.id, result))
          yield page.map((item) => [
            item.seq,
            item.subject,
            item.cardId,
            item.result,
            item.code,
            item.message,
          ])
      }
      const header = job.action === 'import' ? '行号/row' : '序号/seq'
      return sendTable(
        reply,
        {
          format: 'csv',
          fileName: `job-${job.action}-${result ?? 'all'}-${fileStamp()}`,
          sheetName: 'items',
          columns: [header, '卡号/number', '卡ID/cardId', '结果/result', '代码/code', '说明/message'].map(
            (h) => ({ header: h }),
          ),
        },
        rows(),
      )
    },
  )

  app.get(
    '/jobs/:id/events',
    {
      schema: {
        tags,
        operationId: 'jobEvents',
        summary: 'Progress of a job as Server-Sent Events',
        description:
          '`event: progress` with the job (JSON) whenever its state or counts change, then `event: end` with the finished job; the stream then closes.',
        params: JobParams,
        produces: ['text/event-stream'],
        response: {
          200: Type.Unsafe({ type: 'string', description: 'text/event-stream' }),
          ...errorResponses(404),
        },
      },
    },
    async (request, reply) => streamJobEvents(core, request, reply, request.params.id),
  )

  app.post(
    '/jobs/:id/cancel',
    {
      config: operator,
      schema: {
        tags,
        operationId: 'cancelJob',
        summary: 'Cancel a job: items not reached end skipped (409 JOB_FINISHED when it has already ended)',
        params: JobParams,
        response: { 200: JobSchema, ...errorResponses(403, 404, 409) },
      },
    },
    async (request) => jobBody(await core.jobs.cancel(contextOf(request), request.params.id)),
  )
}

type CreateJob = Static<typeof CreateJobBody>

/** Exactly one way of choosing cards, suited to the action. */
function jobRequestOf(body: CreateJob): JobRequest {
  const given = (['cardIds', 'filter', 'pairs'] as const).filter((key) => body[key] !== undefined)
  if (given.length !== 1)
    throw invalidField(given[1] ?? 'cardIds', 'give exactly one of cardIds, filter or pairs')
  if (body.action === 'bind') {
    if (!body.pairs) throw invalidField('pairs', 'a bind job takes card↔device pairs')
    return { action: 'bind', pairs: body.pairs }
  }
  if (body.pairs) throw invalidField('pairs', 'only a bind job takes pairs')
  if (body.cardIds) return { action: body.action, cardIds: body.cardIds }
  return { action: body.action, filter: cardFilterOf(body.filter ?? {}) }
}

export default jobRoutes
