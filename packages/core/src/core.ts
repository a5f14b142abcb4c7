import type { OperationContext } from './actor.js'
import { OperationLog } from './audit/operation-log.js'
import { ApiKeyService } from './auth/api-keys.js'
import { AuthService } from './auth/sessions.js'
import { UserService } from './auth/users.js'
import { openDatabase, type DatabaseConfig, type DatabaseHandle } from './db/database.js'
import { migrateToLatest, type MigrationReport } from './db/migrate.js'
import { CarrierGateway, type GatewayOptions } from './carriers/gateway.js'
import { CarrierRegistry } from './carriers/registry.js'
import { silentLogger, type CoreLogger } from './logger.js'
import { CardBatchSync } from './cards/card-batch-sync.js'
import { CardOperations } from './cards/card-operations.js'
import { CardService } from './cards/card-service.js'
import { DeviceService } from './devices/device-service.js'
import { PlatformService } from './platforms/platform-service.js'
import { RechargeService } from './recharges/recharge-service.js'
import { verifySecretKey } from './secrets/key-check.js'
import { CardExporter } from './cards/card-export.js'
import { CardImportHandler } from './cards/import/card-import-handler.js'
import { CardImporter } from './cards/import/card-importer.js'
import type { ItemHandler } from './jobs/item-handler.js'
import { CardBindHandler } from './jobs/handlers/card-bind-handler.js'
import { CardDeleteHandler } from './jobs/handlers/card-delete-handler.js'
import { CardStateHandler } from './jobs/handlers/card-state-handler.js'
import { CardSyncHandler } from './jobs/handlers/card-sync-handler.js'
import { JobQueue, type JobQueueOptions } from './jobs/job-queue.js'
import { JobRetention } from './jobs/job-retention.js'
import { JobRunner } from './jobs/job-runner.js'
import { JobService } from './jobs/job-service.js'
import { SyncScheduler } from './jobs/sync-scheduler.js'
import type { JobAction } from './db/schema.js'
import { SecretBox } from './secrets/secret-box.js'

/** Everything core needs, passed in by the application (core never reads the environment). */
export interface CoreConfig {
  database: DatabaseConfig
  /** Run pending migrations while opening (the server does; `simops migrate` does it explicitly). */
  migrate?: boolean
  sessionTtlMinutes?: number
  now?: () => Date
  /** Key for carrier credentials at rest: 64 hex characters or base64 of 32 bytes. */
  secretKey: string
  /** The installed carrier plugins (loaded by the application); none when omitted. */
  carriers?: CarrierRegistry
  /** Timeouts, retries and breaker settings for carrier calls. */
  gateway?: Partial<GatewayOptions>
  logger?: CoreLogger
  /** How long a worker holds a job without renewing (a dead worker's jobs move on after it). Default 30 s. */
  jobLeaseSeconds?: number
  /** Days a finished job and its items are kept; 0 keeps them for ever. Default 30. */
  jobRetentionDays?: number
  /** Cards of one platform whose usage a sync reads side by side. Default 8. */
  syncParallelism?: number
}

export interface Core {
  readonly database: DatabaseHandle
  readonly migrations: MigrationReport
  readonly users: UserService
  readonly auth: AuthService
  readonly apiKeys: ApiKeyService
  readonly operations: OperationLog
  readonly carriers: CarrierRegistry
  readonly gateway: CarrierGateway
  readonly platforms: PlatformService
  readonly cards: CardService
  readonly cardOperations: CardOperations
  readonly cardSync: CardBatchSync
  readonly devices: DeviceService
  readonly recharges: RechargeService
  readonly jobs: JobService
  readonly jobRunner: JobRunner
  readonly syncScheduler: SyncScheduler
  readonly jobRetention: JobRetention
  readonly cardImport: CardImporter
  readonly cardExport: CardExporter
  /** Starts running jobs in this process (the server does; tools and most tests do not). */
  startJobQueue(options?: JobQueueOptions): Promise<JobQueue>
  /** Stops the job queue, handing running jobs back (close() does this too). */
  stopJobQueue(): Promise<void>
  close(): Promise<void>
}

export const DEFAULT_SESSION_TTL_MINUTES = 12 * 60

export async function createCore(config: CoreConfig): Promise<Core> {
  const database = await openDatabase(config.database)
  try {
    return await assembleCore(database, config)
  } catch (error) {
    await database.close()
    throw error
  }
}

/** Builds the services over an already open database (tests share one handle per file this way). */
export async function assembleCore(
  database: DatabaseHandle,
  config: Omit<CoreConfig, 'database'>,
): Promise<Core> {
  const migrations = config.migrate === false ? { applied: [] } : await migrateToLatest(database)
  const now = config.now ?? (() => new Date())
  const operations = new OperationLog(database.db)
  const users = new UserService(database.db, operations)
  const auth = new AuthService(database.db, operations, users, {
    sessionTtlMinutes: config.sessionTtlMinutes ?? DEFAULT_SESSION_TTL_MINUTES,
    now,
  })
  const apiKeys = new ApiKeyService(database.db, operations, now)
  const box = SecretBox.fromText(config.secretKey)
  await verifySecretKey(database.db, box)
  const carriers = config.carriers ?? new CarrierRegistry()
  const gateway = new CarrierGateway(carriers, config.logger ?? silentLogger, config.gateway)
  const platforms = new PlatformService(database.db, operations, carriers, gateway, box)
  const cards = new CardService(database.db, operations, carriers, now)
  const cardSync = new CardBatchSync(
    database.db,
    operations,
    platforms,
    gateway,
    carriers,
    now,
    config.syncParallelism,
  )
  const cardOperations = new CardOperations(
    database.db,
    operations,
    cards,
    platforms,
    gateway,
    carriers,
    cardSync,
    now,
  )
  const devices = new DeviceService(database.db, operations)
  const recharges = new RechargeService(database.db, operations, carriers, gateway, platforms, now)
  const logger = config.logger ?? silentLogger
  const jobs = new JobService(database.db, operations)
  const handlers: Record<JobAction, ItemHandler> = {
    activate: new CardStateHandler('activate', database.db, cardOperations, carriers, operations),
    suspend: new CardStateHandler('suspend', database.db, cardOperations, carriers, operations),
    resume: new CardStateHandler('resume', database.db, cardOperations, carriers, operations),
    sync: new CardSyncHandler(database.db, cardSync, carriers),
    delete: new CardDeleteHandler(database.db, cards),
    bind: new CardBindHandler(cards),
    import: new CardImportHandler(database.db),
  }
  const jobRunner = new JobRunner(database.db, handlers, logger, {
    leaseSeconds: config.jobLeaseSeconds ?? 30,
  })
  const syncScheduler = new SyncScheduler(database.db, jobs)
  const jobRetention = new JobRetention(database.db, config.jobRetentionDays ?? 30)
  let queue: JobQueue | undefined
  return {
    database,
    migrations,
    users,
    auth,
    apiKeys,
    operations,
    carriers,
    gateway,
    platforms,
    cards,
    cardOperations,
    cardSync,
    devices,
    recharges,
    jobs,
    jobRunner,
    syncScheduler,
    jobRetention,
    cardImport: new CardImporter(database.db, jobs, carriers, database.copyFrom),
    cardExport: new CardExporter(database.db, carriers),
    async startJobQueue(options) {
      queue ??= new JobQueue(database, jobs, jobRunner, syncScheduler, jobRetention, logger, options)
      await queue.start()
      return queue
    },
    async stopJobQueue() {
      await queue?.stop()
      queue = undefined
    },
    async close() {
      await queue?.stop()
      await gateway.close()
      await database.close()
    },
  }
}

export type { OperationContext }
