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
  const cardSync = new CardBatchSync(database.db, operations, platforms, gateway, carriers, now)
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
    async close() {
      await gateway.close()
      await database.close()
    },
  }
}

export type { OperationContext }
