import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { MultipartFile } from '@fastify/multipart'
import { importColumns, invalidField, DomainError, type Core } from '@simops/core'
import { Type } from 'typebox'
import { contextOf } from '../../plugins/auth.js'
import { sendError } from '../../plugins/errors.js'
import { errorResponses, Uuid } from '../../schemas/common.js'
import { JobAccepted, jobBody } from '../jobs/schemas.js'
import { fileStamp, sendTable } from '../table-download.js'
import { CardFilterQuery, cardFilterOf } from './schemas.js'

const tags = ['cards']
const operator = { access: 'operator' as const }
const Format = Type.Optional(Type.Enum(['csv', 'xlsx'] as const, { default: 'csv' }))

export interface CardFileOptions {
  /** Largest upload accepted, in bytes. */
  importMaxBytes: number
}

const ExportQuery = Type.Object(
  {
    ...CardFilterQuery,
    format: Format,
    lang: Type.Optional(
      Type.Enum(['zh-CN', 'en'] as const, { default: 'zh-CN', description: 'Header and label language' }),
    ),
    ids: Type.Optional(
      Type.String({
        pattern: '^[1-9][0-9]{0,14}(,[1-9][0-9]{0,14})*$',
        maxLength: 100_000,
        description: 'Comma-separated card ids: export exactly these (the selection) instead of the filter',
      }),
    ),
  },
  { additionalProperties: false },
)

const ImportQuery = Type.Object(
  {
    platformId: Type.Optional(Uuid),
    dryRun: Type.Optional(Type.Boolean({ description: 'Check every row and report; create nothing' })),
  },
  { additionalProperties: false },
)

/** 导入 / 导出 and their template; the count a bulk confirmation shows. */
const cardFileRoutes: FastifyPluginAsyncTypebox<CardFileOptions> = async (app, options) => {
  const core: Core = app.core

  app.get(
    '/cards/count',
    {
      schema: {
        tags,
        operationId: 'countCards',
        summary: 'Exact number of cards matching a filter (what a bulk job on the filter would touch)',
        querystring: Type.Object(CardFilterQuery, { additionalProperties: false }),
        response: {
          200: Type.Object({ count: Type.Integer() }, { title: 'CardCount' }),
          ...errorResponses(),
        },
      },
    },
    async (request) => ({ count: await core.cards.count(cardFilterOf(request.query)) }),
  )

  app.get(
    '/cards/export',
    {
      schema: {
        tags,
        operationId: 'exportCards',
        summary: 'Download cards as csv or xlsx: the given ids, or every card matching the filter',
        description:
          'Every list column, streamed page by page in bounded memory. The headers of importable columns are the import template’s, so an export can be imported again.',
        querystring: ExportQuery,
        produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: { 200: Type.Unsafe({ type: 'string', format: 'binary' }), ...errorResponses() },
      },
    },
    async (request, reply) => {
      const { format, lang, ids, ...filterQuery } = request.query
      const filter = ids ? { ids: [...new Set(ids.split(','))] } : cardFilterOf(filterQuery)
      const language = lang ?? 'zh-CN'
      const csv = (format ?? 'csv') === 'csv'
      return sendTable(
        reply,
        {
          format: format ?? 'csv',
          fileName: `cards-${fileStamp()}`,
          sheetName: language === 'en' ? 'cards' : '物联卡',
          columns: core.cardExport.columns(language),
        },
        csv
          ? { csvLines: core.cardExport.csvLines(filter, language) }
          : core.cardExport.rows(filter, language),
      )
    },
  )

  app.get(
    '/cards/import-template',
    {
      schema: {
        tags,
        operationId: 'cardImportTemplate',
        summary: 'The import template (bilingual headers), csv or xlsx',
        querystring: Type.Object({ format: Format }, { additionalProperties: false }),
        produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: { 200: Type.Unsafe({ type: 'string', format: 'binary' }), ...errorResponses() },
      },
    },
    async (request, reply) => {
      const none = async function* (): AsyncGenerator<never[][]> {}
      return sendTable(
        reply,
        {
          format: request.query.format ?? 'csv',
          fileName: 'card-import-template',
          sheetName: '物联卡导入',
          columns: importColumns.map((c) => ({ header: c.header, text: c.text, width: c.width })),
        },
        none(),
      )
    },
  )

  app.post(
    '/cards/import',
    {
      config: operator,
      schema: {
        tags,
        operationId: 'importCards',
        summary: 'Import cards from a csv or xlsx file (multipart/form-data)',
        description: `Send the file in the form field \`file\`; \`platformId\` and \`dryRun\` may come as form fields before the file or in the query. Without a platform the file needs a 平台/platform column (platform name or id). CSV in UTF-8 or GBK (detected). At most ${options.importMaxBytes / 1024 / 1024} MB (413 FILE_TOO_LARGE). A file that cannot be read is refused whole (400); otherwise 202 with a job whose items are the rows (seq = row number).`,
        consumes: ['multipart/form-data'],
        querystring: ImportQuery,
        response: { 202: JobAccepted, ...errorResponses(403, 413, 415) },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart())
        throw new DomainError(
          'invalid',
          'IMPORT_NOT_MULTIPART',
          'file: send the file as multipart/form-data in the field "file"',
          {
            fields: [{ field: 'file', message: 'missing' }],
          },
        )
      const fields: Record<string, string> = {}
      let file: MultipartFile | undefined
      for await (const part of request.parts()) {
        if (part.type === 'field') {
          fields[part.fieldname] = String(part.value)
          continue
        }
        if (part.fieldname !== 'file')
          throw invalidField(part.fieldname, 'unexpected file field; send the file as "file"')
        file = part
        break
      }
      if (!file) throw invalidField('file', 'no file was sent (form field "file")')
      const platformId = request.query.platformId ?? (fields.platformId || undefined)
      const dryRun = request.query.dryRun ?? fields.dryRun === 'true'
      const upload = file
      try {
        const job = await core.cardImport.stage(contextOf(request), {
          source: whole(upload.file),
          fileName: upload.filename,
          ...(platformId ? { platformId } : {}),
          dryRun,
        })
        return await reply.code(202).send({ jobId: job.id, job: jobBody(job) })
      } catch (error) {
        if (
          error instanceof UploadTooLarge ||
          (error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE'
        ) {
          const limitMb = Math.round(options.importMaxBytes / 1024 / 1024)
          return sendError(reply, 413, {
            code: 'FILE_TOO_LARGE',
            message: `file: larger than the upload limit of ${limitMb} MB; split it into smaller files`,
            details: {
              fields: [{ field: 'file', message: 'too large' }],
              limitBytes: options.importMaxBytes,
            },
          })
        }
        throw error
      } finally {
        // Whatever happened, the rest of the upload is drained so the connection can answer.
        upload.file.resume()
      }
    },
  )
}

/** The upload went past the size limit (the multipart parser cut it short). */
class UploadTooLarge extends Error {}

/**
 * The file's bytes, failing at the end when the parser truncated them at the size limit: the import
 * then refuses the file whole instead of importing its first part.
 */
async function* whole(file: MultipartFile['file']): AsyncGenerator<Uint8Array> {
  for await (const chunk of file) yield chunk as Uint8Array
  if (file.truncated) throw new UploadTooLarge('the upload exceeded the size limit')
}

export default cardFileRoutes
