import { DomainError, roleAtLeast, type OperationContext, type Principal, type Role } from '@simops/core'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Who may call the route: a minimum role, or 'public' for the few routes that need no credentials
     * (login, health, docs). Routes that say nothing require a viewer, so nothing is open by accident.
     */
    access?: Role | 'public'
  }
  interface FastifyRequest {
    principal: Principal | null
  }
}

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization
  if (!header) return undefined
  const match = /^Bearer\s+(\S+)$/i.exec(header)
  if (!match?.[1])
    throw new DomainError('unauthenticated', 'INVALID_TOKEN', 'Authorization header must be "Bearer <token>"')
  return match[1]
}

/** The principal of an authenticated request (routes behind the auth hook always have one). */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal)
    throw new DomainError('unauthenticated', 'UNAUTHENTICATED', 'Authentication required')
  return request.principal
}

/** What core needs to authorise and audit a call made by this request. */
export function contextOf(request: FastifyRequest): OperationContext {
  return { actor: principalOf(request).actor, requestId: request.id, ip: request.ip }
}

export default fp(
  async (app: FastifyInstance) => {
    app.decorateRequest('principal', null)
    app.addHook('onRequest', async (request) => {
      const access = request.routeOptions.config.access ?? 'viewer'
      // Unmatched URLs fall through to the not-found handler without asking for credentials.
      if (access === 'public' || !request.routeOptions.url) return
      const token = bearerToken(request)
      if (!token)
        throw new DomainError(
          'unauthenticated',
          'UNAUTHENTICATED',
          'Authentication required: send "Authorization: Bearer <token>"',
        )
      const principal = await app.core.auth.authenticate(token)
      request.principal = principal
      if (!roleAtLeast(principal.actor.role, access))
        throw new DomainError(
          'forbidden',
          'FORBIDDEN',
          `This requires the ${access} role; you are ${principal.actor.role}`,
        )
    })
  },
  { name: 'auth', dependencies: ['core'] },
)
