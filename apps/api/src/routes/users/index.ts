import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { contextOf } from '../../plugins/auth.js'
import { errorResponses, IdParams, NoContent } from '../../schemas/common.js'
import {
  CreateUserBody,
  SetPasswordBody,
  UpdateUserBody,
  userBody,
  UserList,
  UserListQuery,
  UserSchema,
} from './schemas.js'

const tags = ['users']
const config = { access: 'admin' as const }

/** User administration; every route here is for admins. */
const usersRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/users',
    {
      config,
      schema: {
        tags,
        operationId: 'listUsers',
        summary: 'List users',
        querystring: UserListQuery,
        response: { 200: UserList, ...errorResponses(403) },
      },
    },
    async (request) => {
      const page = request.query.page ?? 1
      const pageSize = request.query.pageSize ?? 20
      const result = await app.core.users.list({ ...request.query, page, pageSize })
      return { items: result.items.map(userBody), total: result.total, page, pageSize }
    },
  )

  app.post(
    '/users',
    {
      config,
      schema: {
        tags,
        operationId: 'createUser',
        summary: 'Create a user',
        body: CreateUserBody,
        response: { 201: UserSchema, ...errorResponses(403, 409) },
      },
    },
    async (request, reply) => {
      const user = await app.core.users.create(contextOf(request), request.body)
      return reply.code(201).send(userBody(user))
    },
  )

  app.get(
    '/users/:id',
    {
      config,
      schema: {
        tags,
        operationId: 'getUser',
        summary: 'Get a user',
        params: IdParams,
        response: { 200: UserSchema, ...errorResponses(403, 404) },
      },
    },
    async (request) => userBody(await app.core.users.get(request.params.id)),
  )

  app.patch(
    '/users/:id',
    {
      config,
      schema: {
        tags,
        operationId: 'updateUser',
        summary: 'Change display name, role or disabled state',
        description: 'The last enabled administrator cannot be demoted or disabled (409 LAST_ADMIN).',
        params: IdParams,
        body: UpdateUserBody,
        response: { 200: UserSchema, ...errorResponses(403, 404, 409) },
      },
    },
    async (request) =>
      userBody(await app.core.users.update(contextOf(request), request.params.id, request.body)),
  )

  app.delete(
    '/users/:id',
    {
      config,
      schema: {
        tags,
        operationId: 'deleteUser',
        summary: 'Delete a user',
        description:
          'Also removes their sessions and API keys. Neither yourself nor the last administrator can be deleted.',
        params: IdParams,
        response: { 204: NoContent, ...errorResponses(403, 404, 409) },
      },
    },
    async (request, reply) => {
      await app.core.users.delete(contextOf(request), request.params.id)
      return reply.code(204).send(null)
    },
  )

  app.put(
    '/users/:id/password',
    {
      config,
      schema: {
        tags,
        operationId: 'resetUserPassword',
        summary: "Set a user's password",
        description: 'Signs the user out of every session.',
        params: IdParams,
        body: SetPasswordBody,
        response: { 204: NoContent, ...errorResponses(403, 404) },
      },
    },
    async (request, reply) => {
      await app.core.users.setPassword(contextOf(request), request.params.id, request.body.password)
      return reply.code(204).send(null)
    },
  )
}

export default usersRoutes
