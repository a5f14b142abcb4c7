import type { Core } from '@simops/core'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

declare module 'fastify' {
  interface FastifyInstance {
    core: Core
  }
}

/** Makes the domain services available to routes. The core's lifetime belongs to whoever created it. */
export default fp(
  async (app: FastifyInstance, options: { core: Core }) => {
    app.decorate('core', options.core)
  },
  { name: 'core' },
)
