import { systemContext, type Core } from '@simops/core'
import type { FastifyInstance } from 'fastify'
import { buildApp } from './app.js'
import { openCore } from './bootstrap.js'
import { createLogger } from './logger.js'
import type { ServerConfig } from './config.js'

export interface RunningServer {
  app: FastifyInstance
  core: Core
  url: string
  stop(): Promise<void>
}

const SESSION_PURGE_INTERVAL_MS = 60 * 60_000
const RECHARGE_CHECK_INTERVAL_MS = 60_000

/** Opens the database (migrating it), makes sure an administrator exists, and listens. */
export async function startServer(config: ServerConfig): Promise<RunningServer> {
  const logger = createLogger({ level: config.logLevel, pretty: config.logFormat === 'pretty' })
  const { core, secretKey } = await openCore(config, logger.child({ component: 'carriers' }))
  let app: FastifyInstance | undefined
  try {
    app = await buildApp({
      core,
      logger,
      trustProxy: config.trustProxy,
      importMaxBytes: config.importMaxBytes,
      ...(config.consoleDir ? { consoleDir: config.consoleDir } : {}),
    })
    const log = app.log
    if (core.migrations.applied.length > 0)
      log.info({ migrations: core.migrations.applied }, 'database migrated')
    log.info(
      config.database.kind === 'embedded'
        ? `database: embedded PostgreSQL (PGlite) in ${config.database.dataDir}`
        : 'database: PostgreSQL from DATABASE_URL',
    )
    if (secretKey.source === 'generated')
      log.warn(
        `generated a key for carrier credentials in ${secretKey.file}; back it up, or set SIMOPS_SECRET_KEY`,
      )
    else if (secretKey.source === 'file' && config.database.kind === 'postgres')
      log.warn(
        `carrier credentials key read from ${secretKey.file}; with DATABASE_URL prefer SIMOPS_SECRET_KEY`,
      )
    const carriers = core.carriers.list()
    log.info(
      carriers.length
        ? `carrier plugins: ${carriers.map((c) => `${c.packageName}@${c.version} (${c.definition.id})`).join(', ')}`
        : 'no carrier plugins installed',
    )
    const admin = await core.users.ensureInitialAdmin(systemContext('bootstrap'), config.adminPassword)
    if (admin.created && admin.generated) {
      // Shown once, on purpose: this is the only way to learn the first password.
      log.warn(
        `First start: created administrator "${admin.username}" with password ${admin.password} — change it after logging in`,
      )
    } else if (admin.created) {
      log.info(
        `First start: created administrator "${admin.username}" with the password from SIMOPS_ADMIN_PASSWORD`,
      )
    }
    if (!config.consoleDir) log.warn('the console is not built; serving the API only (run pnpm build)')

    const purge = setInterval(() => {
      core.auth
        .purgeExpiredSessions()
        .catch((error: unknown) => log.warn({ err: error }, 'session purge failed'))
    }, SESSION_PURGE_INTERVAL_MS)
    purge.unref()
    // Pending recharge orders follow the carrier (or lapse) without anyone watching the page.
    const rechargeMonitor = setInterval(() => {
      core.recharges.tracker
        .checkPending(systemContext('recharge-monitor'))
        .catch((error: unknown) => log.warn({ err: error }, 'recharge status check failed'))
    }, RECHARGE_CHECK_INTERVAL_MS)
    rechargeMonitor.unref()
    // Bulk jobs and scheduled platform syncs run in the server process, through pg-boss.
    await core.startJobQueue({ workers: config.jobWorkers })

    await app.listen({ host: config.host, port: config.port })
    const address = app.server.address()
    const port = typeof address === 'object' && address ? address.port : config.port
    const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host
    const url = `http://${shownHost}:${port}`
    log.info(`SimOps is running at ${url} (API docs at ${url}/docs)`)
    const running = app
    return {
      app: running,
      core,
      url,
      async stop() {
        clearInterval(purge)
        clearInterval(rechargeMonitor)
        await running.close()
        await core.close()
      },
    }
  } catch (error) {
    await app?.close().catch(() => undefined)
    await core.close()
    throw error
  }
}
