import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { contextOf } from '../../plugins/auth.js'
import { errorResponses, IdParams, NoContent } from '../../schemas/common.js'
import {
  CreatePlatformBody,
  platformBody,
  PlatformList,
  PlatformListQuery,
  PlatformSchema,
  PlatformTest,
  TestPlatformBody,
  UpdatePlatformBody,
} from './schemas.js'

const tags = ['platforms']
const admin = { access: 'admin' as const }

/** 平台接入: carrier accounts. Everyone reads; admins change; operators may also run connection tests. */
const platformRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/platforms',
    {
      schema: {
        tags,
        operationId: 'listPlatforms',
        summary: 'List platform configs',
        querystring: PlatformListQuery,
        response: { 200: PlatformList, ...errorResponses() },
      },
    },
    async (request) => {
      const page = request.query.page ?? 1
      const pageSize = request.query.pageSize ?? 20
      const result = await app.core.platforms.list({ ...request.query, page, pageSize })
      return { items: result.items.map(platformBody), total: result.total, page, pageSize }
    },
  )

  app.post(
    '/platforms',
    {
      config: admin,
      schema: {
        tags,
        operationId: 'createPlatform',
        summary: 'Add a platform config (carrier account)',
        description:
          "The config is checked against the carrier's schema; secret fields are encrypted at rest.",
        body: CreatePlatformBody,
        response: { 201: PlatformSchema, ...errorResponses(403, 409) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(platformBody(await app.core.platforms.create(contextOf(request), request.body))),
  )

  app.get(
    '/platforms/:id',
    {
      schema: {
        tags,
        operationId: 'getPlatform',
        summary: 'Get a platform config (secrets masked)',
        params: IdParams,
        response: { 200: PlatformSchema, ...errorResponses(404) },
      },
    },
    async (request) => platformBody(await app.core.platforms.get(request.params.id)),
  )

  app.patch(
    '/platforms/:id',
    {
      config: admin,
      schema: {
        tags,
        operationId: 'updatePlatform',
        summary: 'Change name, description or settings, including rotating credentials',
        params: IdParams,
        body: UpdatePlatformBody,
        response: { 200: PlatformSchema, ...errorResponses(403, 404, 409) },
      },
    },
    async (request) =>
      platformBody(await app.core.platforms.update(contextOf(request), request.params.id, request.body)),
  )

  for (const state of ['enabled', 'disabled'] as const) {
    const verb = state === 'enabled' ? 'enable' : 'disable'
    app.post(
      `/platforms/:id/${verb}`,
      {
        config: admin,
        schema: {
          tags,
          operationId: `${verb}Platform`,
          summary:
            state === 'enabled'
              ? 'Enable a platform config'
              : 'Disable a platform config (its cards stop syncing)',
          params: IdParams,
          response: { 200: PlatformSchema, ...errorResponses(403, 404) },
        },
      },
      async (request) =>
        platformBody(await app.core.platforms.setState(contextOf(request), request.params.id, state)),
    )
  }

  app.delete(
    '/platforms/:id',
    {
      config: admin,
      schema: {
        tags,
        operationId: 'deletePlatform',
        summary: 'Delete a platform config',
        description: 'Refused with 409 PLATFORM_ENABLED while enabled.',
        params: IdParams,
        response: { 204: NoContent, ...errorResponses(403, 404, 409) },
      },
    },
    async (request, reply) => {
      await app.core.platforms.delete(contextOf(request), request.params.id)
      return reply.code(204).send(null)
    },
  )

  app.post(
    '/platforms/:id/test',
    {
      config: { access: 'operator' },
      schema: {
        tags,
        operationId: 'testPlatform',
        summary: 'Test the connection to the carrier',
        description:
          "Runs the plugin's health check (and reads the sample card, if given). A failed test answers 200 with ok=false and the carrier's error.",
        params: IdParams,
        body: TestPlatformBody,
        response: { 200: PlatformTest, ...errorResponses(403, 404) },
      },
    },
    async (request) => app.core.platforms.test(contextOf(request), request.params.id, request.body),
  )
}

export default platformRoutes
