import { existsSync } from 'node:fs'
import { join } from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { sendError } from './errors.js'

/** Paths that belong to the server, never to the single-page console. */
const SERVER_PATHS = /^\/(api|docs|openapi\.json|healthz|readyz)(\/|$|\?)/

/**
 * Serves the built console at `/`. Unknown non-API paths get index.html so deep links like
 * `/users` work; unknown API paths still get the JSON 404. The console's files are public: the
 * browser fetches them before anyone has logged in.
 */
export default fp(
  async (app: FastifyInstance, options: { root: string }) => {
    const indexFile = join(options.root, 'index.html')
    if (!existsSync(indexFile))
      throw new Error(`The console is not built: ${indexFile} is missing (run pnpm build)`)
    const assetsDir = join(options.root, 'assets')
    await app.register(async (scope) => {
      scope.addHook('onRoute', (route) => {
        route.config = { ...route.config, access: 'public' }
      })
      await scope.register(fastifyStatic, {
        root: options.root,
        wildcard: false,
        index: false,
        setHeaders(reply, path) {
          // Vite fingerprints everything under assets/, so those files never change.
          reply.header(
            'cache-control',
            path.startsWith(assetsDir) ? 'public, max-age=31536000, immutable' : 'no-cache',
          )
        },
      })
      scope.get('/*', { schema: { hide: true } }, (request, reply) => {
        if (SERVER_PATHS.test(request.url))
          return sendError(reply, 404, {
            code: 'ROUTE_NOT_FOUND',
            message: `No route GET ${request.url.split('?')[0]}`,
          })
        return reply.header('cache-control', 'no-cache').sendFile('index.html')
      })
      scope.get('/', { schema: { hide: true } }, (_request, reply) =>
        reply.header('cache-control', 'no-cache').sendFile('index.html'),
      )
    })
  },
  { name: 'console', dependencies: ['errors'] },
)
