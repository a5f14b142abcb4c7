import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { Operation } from '@simops/core'
import type { Readable } from 'node:stream'
import { errorResponses, queryTimeRange, Timestamp } from '../../schemas/common.js'
import { fileStamp, sendTable } from '../table-download.js'
import { operationColumns, operationRows } from './table.js'

const tags = ['operations']

const OperationSchema = Type.Object(
  {
    id: Type.Integer(),
    createdAt: Timestamp,
    actor: Type.Object({
      type: Type.Union([Type.Literal('user'), Type.Literal('api_key'), Type.Literal('system')]),
      id: Type.Union([Type.String(), Type.Null()]),
      name: Type.String(),
      apiKeyId: Type.Union([Type.String(), Type.Null()]),
    }),
    action: Type.String({ description: 'e.g. auth.login, user.create, api_key.revoke' }),
    target: Type.Object({
      type: Type.String(),
      id: Type.Union([Type.String(), Type.Null()]),
      name: Type.Union([Type.String(), Type.Null()]),
    }),
    result: Type.Union([Type.Literal('success'), Type.Literal('failure')]),
    error: Type.Union([
      Type.Object({
        code: Type.Union([Type.String(), Type.Null()]),
        message: Type.Union([Type.String(), Type.Null()]),
      }),
      Type.Null(),
    ]),
    details: Type.Union([Type.Object({}, { additionalProperties: true }), Type.Null()]),
    requestId: Type.Union([Type.String(), Type.Null()]),
    ip: Type.Union([Type.String(), Type.Null()]),
    jobId: Type.Union([Type.String(), Type.Null()], {
      description: 'The bulk job the action was an item of',
    }),
  },
  { title: 'Operation' },
)

const OperationPage = Type.Object(
  {
    items: Type.Array(OperationSchema),
    nextCursor: Type.Union([Type.String(), Type.Null()], {
      description: 'Pass as `cursor` for the next page; null at the end',
    }),
  },
  { title: 'OperationPage' },
)

const FilterFields = {
  card: Type.Optional(
    Type.String({ maxLength: 64, description: "A card's number or ICCID (its records outlive the card)" }),
  ),
  action: Type.Optional(Type.String({ maxLength: 64 })),
  actorId: Type.Optional(Type.String({ format: 'uuid' })),
  targetType: Type.Optional(Type.String({ maxLength: 32 })),
  targetId: Type.Optional(Type.String({ maxLength: 64 })),
  result: Type.Optional(Type.Union([Type.Literal('success'), Type.Literal('failure')])),
  jobId: Type.Optional(Type.String({ format: 'uuid', description: 'Records of the items of one bulk job' })),
  from: Type.Optional(Type.String({ format: 'date-time', description: 'Inclusive lower bound' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'Exclusive upper bound' })),
}

const ExportQuery = Type.Object(FilterFields, { additionalProperties: false })

const ListQuery = Type.Object(
  {
    ...FilterFields,
    cursor: Type.Optional(Type.String({ pattern: '^[0-9]{1,18}$' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  },
  { additionalProperties: false },
)

function operationBody(operation: Operation) {
  return { ...operation, createdAt: operation.createdAt.toISOString() }
}

/** The audit log, newest first, with keyset paging that stays fast however long the log grows. */
const operationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/operations',
    {
      schema: {
        tags,
        operationId: 'listOperations',
        summary: 'List recorded operations',
        querystring: ListQuery,
        response: { 200: OperationPage, ...errorResponses() },
      },
    },
    async (request) => {
      const { cursor, from, to, limit, ...filters } = request.query
      const page = await app.core.operations.list({
        ...filters,
        ...queryTimeRange(from, to),
        ...(cursor ? { beforeId: Number(cursor) } : {}),
        limit: limit ?? 50,
      })
      return {
        items: page.items.map(operationBody),
        nextCursor: page.nextBeforeId === null ? null : String(page.nextBeforeId),
      }
    },
  )

  app.get(
    '/operations/export',
    {
      schema: {
        tags,
        operationId: 'exportOperations',
        summary: 'Download the matching records as CSV (UTF-8 with BOM, opens in Excel)',
        description:
          'Streamed a thousand rows at a time, so any number of records downloads in bounded memory.',
        querystring: ExportQuery,
        produces: ['text/csv'],
        response: {
          200: Type.Unsafe<Readable>({ type: 'string', description: 'CSV, newest first' }),
          ...errorResponses(),
        },
      },
    },
    async (request, reply) => {
      const { from, to, ...filters } = request.query
      const records = app.core.operations.each({ ...filters, ...queryTimeRange(from, to) })
      return sendTable(
        reply,
        {
          format: 'csv',
          fileName: `operations-${fileStamp()}`,
          sheetName: 'operations',
          columns: operationColumns,
        },
        operationRows(records),
      )
    },
  )
}

export default operationRoutes
