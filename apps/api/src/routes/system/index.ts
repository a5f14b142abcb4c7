import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { errorResponses } from '../../schemas/common.js'

const Health = Type.Object({ status: Type.Literal('ok') }, { title: 'Health' })
const Readiness = Type.Object(
  {
    status: Type.Literal('ready'),
    database: Type.Union([Type.Literal('embedded'), Type.Literal('postgres')]),
  },
  { title: 'Readiness' },
)

/** Liveness says the process answers; readiness also says the database does. */
const systemRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/healthz',
    {
      config: { access: 'public' },
      schema: {
        tags: ['system'],
        operationId: 'health',
        summary: 'Liveness probe',
        security: [],
        response: { 200: Health },
      },
    },
    async () => ({ status: 'ok' as const }),
  )

  app.get(
    '/readyz',
    {
      config: { access: 'public' },
      schema: {
        tags: ['system'],
        operationId: 'readiness',
        summary: 'Readiness probe: the database answers',
        security: [],
        response: { 200: Readiness, 503: errorResponses(503)[503] },
      },
    },
    async (request, reply) => {
      try {
        await app.core.database.ping()
        return { status: 'ready' as const, database: app.core.database.kind }
      } catch (error) {
        request.log.warn({ err: error }, 'readiness check failed')
        return reply.code(503).send({ code: 'DATABASE_UNAVAILABLE', message: 'The database does not answer' })
      }
    },
  )
}

export default systemRoutes
