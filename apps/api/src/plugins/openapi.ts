import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { hoistTitledSchemas } from '../openapi/hoist.js'
import { API_VERSION } from '../version.js'

const importForm = {
  type: 'object',
  required: ['file'],
  properties: {
    platformId: { type: 'string', format: 'uuid', description: 'Platform of every row (before the file)' },
    dryRun: { type: 'string', enum: ['true', 'false'], description: 'Check only; create nothing' },
    file: { type: 'string', format: 'binary', description: 'csv (UTF-8 or GBK) or xlsx' },
  },
}

/** The OpenAPI document (built from the route schemas) at /openapi.json, and Swagger UI at /docs. */
export default fp(
  async (app: FastifyInstance) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'SimOps API',
          version: API_VERSION,
          description:
            'Manage IoT SIM cards across China Mobile OneLink, China Telecom CTWing and China Unicom. ' +
            'Authenticate with `POST /api/v1/auth/login` (session token) or an API key, sent as `Authorization: Bearer <token>`. ' +
            'Every error has the shape `{code, message, details?}`.',
        },
        components: {
          securitySchemes: {
            bearer: {
              type: 'http',
              scheme: 'bearer',
              description: 'A session token (sos_…) or an API key (sok_…)',
            },
          },
        },
        security: [{ bearer: [] }],
        tags: [
          { name: 'auth', description: 'Log in and out; the current user' },
          { name: 'users', description: 'User accounts and roles (admin)' },
          { name: 'api-keys', description: 'API keys for programmatic access' },
          { name: 'operations', description: 'Audit log of every action' },
          { name: 'carriers', description: 'Installed carrier plugins' },
          { name: 'platforms', description: '平台接入: carrier accounts and their credentials' },
          { name: 'cards', description: '物联卡管理: cards, their carrier operations, import and export' },
          {
            name: 'jobs',
            description: '任务: bulk operations run by workers, with progress and per-item results',
          },
          { name: 'system', description: 'Health and readiness' },
        ],
      },
      // The import route reads its multipart body as a stream (no body schema to validate against);
      // the document still describes the form it takes.
      transform: ({ schema, url }) =>
        (schema as { operationId?: string } | undefined)?.operationId === 'importCards'
          ? { schema: { ...schema, body: importForm }, url }
          : { schema, url },
      transformObject: (documentObject) => {
        if (!('openapiObject' in documentObject)) throw new Error('OpenAPI 3 document expected')
        return hoistTitledSchemas(documentObject.openapiObject as Record<string, unknown>)
      },
    })
    app.get('/openapi.json', { schema: { hide: true }, config: { access: 'public' } }, async () =>
      app.swagger(),
    )
    await app.register(async (docs) => {
      // The documentation is readable without credentials, like the document itself.
      docs.addHook('onRoute', (route) => {
        route.config = { ...route.config, access: 'public' }
      })
      await docs.register(swaggerUi, { routePrefix: '/docs', uiConfig: { persistAuthorization: true } })
    })
  },
  { name: 'openapi' },
)
