import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { API_KEY_NAME_MAX_LENGTH, type ApiKey } from '@simops/core'
import { contextOf } from '../../plugins/auth.js'
import { errorResponses, IdParams, isoOrNull, NullableTimestamp, Timestamp } from '../../schemas/common.js'
import { RoleSchema } from '../users/schemas.js'

const tags = ['api-keys']

const ApiKeySchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    userId: Type.String({ format: 'uuid' }),
    username: Type.String(),
    name: Type.String(),
    prefix: Type.String({ description: 'The first characters of the key, to recognise it' }),
    role: RoleSchema,
    createdAt: Timestamp,
    expiresAt: NullableTimestamp,
    lastUsedAt: NullableTimestamp,
    revokedAt: NullableTimestamp,
  },
  { title: 'ApiKey' },
)

const CreateApiKeyBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: API_KEY_NAME_MAX_LENGTH }),
    role: RoleSchema,
    expiresAt: Type.Optional(Type.Union([Type.String({ format: 'date-time' }), Type.Null()])),
  },
  { additionalProperties: false, title: 'CreateApiKey' },
)

const CreatedApiKey = Type.Object(
  {
    apiKey: ApiKeySchema,
    secret: Type.String({ description: 'The key itself. It is shown only in this response; store it now.' }),
  },
  { title: 'CreatedApiKey' },
)

const ListQuery = Type.Object(
  {
    userId: Type.Optional(Type.String({ format: 'uuid', description: 'Admins only: keys of this user' })),
    includeRevoked: Type.Optional(Type.Boolean({ default: false })),
  },
  { additionalProperties: false },
)

const ApiKeyList = Type.Object({ items: Type.Array(ApiKeySchema) }, { title: 'ApiKeyList' })

function apiKeyBody(key: ApiKey) {
  return {
    ...key,
    createdAt: key.createdAt.toISOString(),
    expiresAt: isoOrNull(key.expiresAt),
    lastUsedAt: isoOrNull(key.lastUsedAt),
    revokedAt: isoOrNull(key.revokedAt),
  }
}

/** Any signed-in user manages their own keys; admins see and revoke everyone's. */
const apiKeyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api-keys',
    {
      schema: {
        tags,
        operationId: 'listApiKeys',
        summary: 'List API keys',
        querystring: ListQuery,
        response: { 200: ApiKeyList, ...errorResponses() },
      },
    },
    async (request) => {
      const items = await app.core.apiKeys.list(contextOf(request), request.query)
      return { items: items.map(apiKeyBody) }
    },
  )

  app.post(
    '/api-keys',
    {
      schema: {
        tags,
        operationId: 'createApiKey',
        summary: 'Create an API key',
        description: 'The key acts as you, with at most your role. The secret is returned once.',
        body: CreateApiKeyBody,
        response: { 201: CreatedApiKey, ...errorResponses(403) },
      },
    },
    async (request, reply) => {
      const { name, role, expiresAt } = request.body
      const result = await app.core.apiKeys.create(contextOf(request), {
        name,
        role,
        expiresAt: expiresAt ? new Date(expiresAt) : null,
      })
      return reply.code(201).send({ apiKey: apiKeyBody(result.apiKey), secret: result.secret })
    },
  )

  app.delete(
    '/api-keys/:id',
    {
      schema: {
        tags,
        operationId: 'revokeApiKey',
        summary: 'Revoke an API key',
        description: 'Takes effect immediately. Revoking a revoked key is a no-op.',
        params: IdParams,
        response: { 200: ApiKeySchema, ...errorResponses(404) },
      },
    },
    async (request) => apiKeyBody(await app.core.apiKeys.revoke(contextOf(request), request.params.id)),
  )
}

export default apiKeyRoutes
