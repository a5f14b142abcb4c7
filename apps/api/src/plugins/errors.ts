import { isDomainError, type DomainError, type DomainErrorKind } from '@simops/core'
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify'
import fp from 'fastify-plugin'

export interface ErrorBody {
  code: string
  message: string
  details?: Record<string, unknown>
}

const statusOfKind: Record<DomainErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  notFound: 404,
  conflict: 409,
  rateLimited: 429,
  unavailable: 503,
  upstream: 502,
}

/** Fastify's own error codes that describe bad requests, mapped to our stable codes. */
const fastifyCodes: Record<string, { status: number; code: string }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'INVALID_CONTENT_LENGTH' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'EMPTY_BODY' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'PAYLOAD_TOO_LARGE' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'INVALID_JSON' },
}

interface AjvIssue {
  instancePath: string
  keyword: string
  message?: string
  params: Record<string, unknown>
}

function fieldErrors(issues: AjvIssue[], location: string) {
  return issues.map((issue) => {
    const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.')
    const extra =
      issue.keyword === 'required'
        ? String(issue.params.missingProperty)
        : issue.keyword === 'additionalProperties'
          ? String(issue.params.additionalProperty)
          : ''
    const field = [path, extra].filter(Boolean).join('.') || location
    const message =
      issue.keyword === 'required'
        ? 'is required'
        : issue.keyword === 'additionalProperties'
          ? 'is not a known field'
          : (issue.message ?? 'is invalid')
    return { field, location, message }
  })
}

export function sendError(reply: FastifyReply, status: number, body: ErrorBody): FastifyReply {
  return reply.code(status).type('application/json').send(body)
}

/** One error handler for the whole API: every failure leaves as `{code, message, details?}`. */
export default fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler((error: FastifyError | DomainError, request, reply) => {
      if (isDomainError(error)) {
        const body: ErrorBody = { code: error.code, message: error.message }
        if (error.details) body.details = error.details
        return sendError(reply, statusOfKind[error.kind], body)
      }
      if (error.validation) {
        const location = error.validationContext ?? 'request'
        const fields = fieldErrors(error.validation as AjvIssue[], location)
        const first = fields[0]
        const message = first ? `${location}.${first.field}: ${first.message}` : 'Invalid request'
        return sendError(reply, 400, { code: 'VALIDATION_FAILED', message, details: { fields } })
      }
      const known = error.code ? fastifyCodes[error.code] : undefined
      if (known) return sendError(reply, known.status, { code: known.code, message: error.message })
      if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
        return sendError(reply, error.statusCode, { code: 'BAD_REQUEST', message: error.message })
      }
      // Anything else is a bug or an outage: log it in full, tell the client only the request id.
      request.log.error({ err: error }, 'request failed')
      return sendError(reply, 500, {
        code: 'INTERNAL',
        message: `Internal error; quote request id ${request.id} when reporting it`,
      })
    })

    app.setNotFoundHandler((request, reply) =>
      sendError(reply, 404, {
        code: 'ROUTE_NOT_FOUND',
        message: `No route ${request.method} ${request.url.split('?')[0]}`,
      }),
    )
  },
  { name: 'errors' },
)
