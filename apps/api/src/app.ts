import { randomUUID } from 'node:crypto'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { Core } from '@simops/core'
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify'
import type { LoginLimiter } from './auth/login-limiter.js'
import { createLogger } from './logger.js'
import authPlugin from './plugins/auth.js'
import consolePlugin from './plugins/console.js'
import corePlugin from './plugins/core.js'
import errorsPlugin from './plugins/errors.js'
import openapiPlugin from './plugins/openapi.js'
import validationPlugin from './plugins/validation.js'
import apiKeyRoutes from './routes/api-keys/index.js'
import cardRoutes from './routes/cards/index.js'
import carrierRoutes from './routes/carriers/index.js'
import deviceRoutes from './routes/devices/index.js'
import platformRoutes from './routes/platforms/index.js'
import rechargeRoutes from './routes/recharges/index.js'
import authRoutes from './routes/auth/index.js'
import operationRoutes from './routes/operations/index.js'
import systemRoutes from './routes/system/index.js'
import usersRoutes from './routes/users/index.js'
import jobRoutes from './routes/jobs/index.js'
import cardFileRoutes from './routes/cards/files.js'
import multipart from '@fastify/multipart'

export interface AppOptions {
  core: Core
  /** The logger (see createLogger), or false for silence (tests). Defaults to JSON lines at info level. */
  logger?: FastifyBaseLogger | false
  /** Folder of the built console to serve at `/`; omitted, only the API is served. */
  consoleDir?: string
  loginLimiter?: LoginLimiter
  /** Honour X-Forwarded-For when running behind a reverse proxy. */
  trustProxy?: boolean
  /** Largest card import file accepted, in bytes. Default 200 MB (about 2 million rows of csv). */
  importMaxBytes?: number
}

export const DEFAULT_IMPORT_MAX_BYTES = 200 * 1024 * 1024

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...(options.logger === false
      ? { logger: false }
      : { loggerInstance: options.logger ?? createLogger({ level: 'info' }) }),
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    trustProxy: options.trustProxy ?? false,
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<TypeBoxTypeProvider>()

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id)
  })

  await app.register(validationPlugin)
  await app.register(errorsPlugin)
  await app.register(corePlugin, { core: options.core })
  await app.register(authPlugin)
  await app.register(openapiPlugin)

  await app.register(systemRoutes)
  await app.register(
    async (api) => {
      await api.register(authRoutes, options.loginLimiter ? { loginLimiter: options.loginLimiter } : {})
      await api.register(usersRoutes)
      await api.register(apiKeyRoutes)
      await api.register(operationRoutes)
      await api.register(carrierRoutes)
      await api.register(platformRoutes)
      await api.register(multipart, {
        limits: { fileSize: options.importMaxBytes ?? DEFAULT_IMPORT_MAX_BYTES, files: 1, fields: 10 },
      })
      await api.register(cardFileRoutes, {
        importMaxBytes: options.importMaxBytes ?? DEFAULT_IMPORT_MAX_BYTES,
      })
      await api.register(cardRoutes)
      await api.register(jobRoutes)
      await api.register(deviceRoutes)
      await api.register(rechargeRoutes)
    },
    { prefix: '/api/v1' },
  )

  if (options.consoleDir) await app.register(consolePlugin, { root: options.consoleDir })
  return app
}
