import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { isDomainError } from '@simops/core'
import { LoginLimiter } from '../../auth/login-limiter.js'
import { contextOf, principalOf } from '../../plugins/auth.js'
import { errorResponses, NoContent, NullableTimestamp, Timestamp } from '../../schemas/common.js'
import { Password, RoleSchema, userBody, UserSchema } from '../users/schemas.js'

const tags = ['auth']

const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 128 }),
  },
  { additionalProperties: false, title: 'LoginRequest' },
)

const LoginResult = Type.Object(
  {
    token: Type.String({ description: 'Session token; send it as "Authorization: Bearer <token>"' }),
    expiresAt: Timestamp,
    user: UserSchema,
  },
  { title: 'LoginResult' },
)

const Me = Type.Object(
  {
    user: UserSchema,
    role: RoleSchema,
    via: Type.Union([Type.Literal('session'), Type.Literal('apiKey')]),
    sessionExpiresAt: NullableTimestamp,
  },
  { title: 'Me', description: 'role is the effective role: an API key may grant less than its owner has' },
)

const ChangePasswordBody = Type.Object(
  { currentPassword: Type.String({ minLength: 1, maxLength: 128 }), newPassword: Password },
  { additionalProperties: false, title: 'ChangePassword' },
)

export interface AuthRoutesOptions {
  loginLimiter?: LoginLimiter
}

const authRoutes: FastifyPluginAsyncTypebox<AuthRoutesOptions> = async (app, options) => {
  const limiter = options.loginLimiter ?? new LoginLimiter()

  app.post(
    '/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags,
        operationId: 'login',
        summary: 'Log in with username and password',
        description: 'Failed attempts are limited per username and per IP address (429 LOGIN_RATE_LIMITED).',
        security: [],
        body: LoginBody,
        response: { 200: LoginResult, ...errorResponses(403, 429) },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body
      try {
        limiter.assertAllowed(username, request.ip)
      } catch (error) {
        if (isDomainError(error) && typeof error.details?.retryAfterSeconds === 'number')
          reply.header('retry-after', error.details.retryAfterSeconds)
        throw error
      }
      try {
        const result = await app.core.auth.login({
          username,
          password,
          ip: request.ip,
          requestId: request.id,
          ...(request.headers['user-agent'] ? { userAgent: request.headers['user-agent'] } : {}),
        })
        limiter.recordSuccess(username)
        return { token: result.token, expiresAt: result.expiresAt.toISOString(), user: userBody(result.user) }
      } catch (error) {
        if (isDomainError(error) && error.code === 'INVALID_CREDENTIALS')
          limiter.recordFailure(username, request.ip)
        throw error
      }
    },
  )

  app.post(
    '/auth/logout',
    {
      schema: {
        tags,
        operationId: 'logout',
        summary: 'End the current session',
        response: { 204: NoContent, ...errorResponses() },
      },
    },
    async (request, reply) => {
      await app.core.auth.logout(contextOf(request))
      return reply.code(204).send(null)
    },
  )

  app.get(
    '/auth/me',
    {
      schema: {
        tags,
        operationId: 'getMe',
        summary: 'The authenticated user',
        response: { 200: Me, ...errorResponses() },
      },
    },
    async (request) => {
      const principal = principalOf(request)
      return {
        user: userBody(principal.user),
        role: principal.actor.role,
        via: principal.actor.apiKeyId ? ('apiKey' as const) : ('session' as const),
        sessionExpiresAt: principal.sessionExpiresAt?.toISOString() ?? null,
      }
    },
  )

  app.put(
    '/auth/password',
    {
      schema: {
        tags,
        operationId: 'changeOwnPassword',
        summary: 'Change your own password',
        description: 'Your other sessions are signed out.',
        body: ChangePasswordBody,
        response: { 204: NoContent, ...errorResponses(403) },
      },
    },
    async (request, reply) => {
      await app.core.auth.changeOwnPassword(
        contextOf(request),
        request.body.currentPassword,
        request.body.newPassword,
      )
      return reply.code(204).send(null)
    },
  )
}

export default authRoutes
