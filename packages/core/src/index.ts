export { createCore, assembleCore, DEFAULT_SESSION_TTL_MINUTES, type Core, type CoreConfig } from './core.js'
export { roles, roleAtLeast, lowerRole, systemContext, type Actor, type OperationContext } from './actor.js'
export { DomainError, isDomainError, invalidField, type DomainErrorKind } from './errors.js'
export {
  openDatabase,
  redactUrl,
  DatabaseUnreachableError,
  type DatabaseConfig,
  type DatabaseHandle,
} from './db/database.js'
export { DataDirInUseError } from './db/data-dir-lock.js'
export { migrateToLatest, migrateDown, type MigrationReport } from './db/migrate.js'
export type { Database, Role, ActorType, OperationResult } from './db/schema.js'
export { tableColumns } from './db/schema.js'
export {
  UserService,
  USERNAME_PATTERN,
  DISPLAY_NAME_MAX_LENGTH,
  type User,
  type NewUser,
  type UserChanges,
  type UserFilter,
} from './auth/users.js'
export {
  AuthService,
  type LoginInput,
  type LoginResult,
  type Principal,
  type UserActor,
} from './auth/sessions.js'
export { ApiKeyService, API_KEY_NAME_MAX_LENGTH, type ApiKey, type NewApiKey } from './auth/api-keys.js'
export { PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH, generatePassword } from './auth/passwords.js'
export {
  OperationLog,
  type Operation,
  type OperationEntry,
  type OperationFilter,
} from './audit/operation-log.js'
export { SecretBox, SecretBoxError } from './secrets/secret-box.js'
export { SecretKeyMismatchError } from './secrets/key-check.js'
export {
  CarrierRegistry,
  PluginLoadError,
  type InstalledCarrier,
  type PluginImporter,
} from './carriers/registry.js'
export {
  CarrierGateway,
  defaultGatewayOptions,
  type GatewayOptions,
  type PlatformTarget,
  type CarrierMethod,
} from './carriers/gateway.js'
export { carrierFailure, carrierErrorCode } from './carriers/carrier-failure.js'
export {
  PlatformService,
  PLATFORM_NAME_MAX_LENGTH,
  SYNC_INTERVAL_MINUTES,
  type SyncSchedule,
  PLATFORM_DESCRIPTION_MAX_LENGTH,
  type Platform,
  type NewPlatform,
  type PlatformChanges,
  type PlatformFilter,
} from './platforms/platform-service.js'
export { SECRET_MASK } from './platforms/platform-config.js'
export { silentLogger, type CoreLogger } from './logger.js'
export type { PlatformState, PlatformTestRecord } from './db/schema.js'
export { CardService, type NewCard, type CardChanges } from './cards/card-service.js'
export { COUNT_CAP } from './db/query-helpers.js'
export { type CardListRequest, type CardPage, type CarrierStatusOption } from './cards/card-list.js'
export { CardOperations } from './cards/card-operations.js'
export { CardBatchSync, type BatchSyncProgress } from './cards/card-batch-sync.js'
export {
  cardTypes,
  syncStates,
  CARD_DESCRIPTION_MAX_LENGTH,
  CARD_TAG_MAX_LENGTH,
  CARD_TAGS_MAX,
  type Card,
} from './cards/card.js'
export { cardSortKeys, type CardFilter, type CardSortKey, type SortOrder } from './cards/card-query.js'
export {
  CARD_NUMBER_PATTERN,
  normaliseCardNumber,
  type IdentityCheck,
  type IdentityNote,
  type IdentityField,
} from './cards/card-identity.js'
export {
  analyseIccid,
  sniffIdentifier,
  type IccidAnalysis,
  type IccidNote,
  type CarrierGuess,
} from './cards/iccid.js'
export {
  DeviceService,
  DEVICE_ID_PATTERN,
  DEVICE_NAME_MAX_LENGTH,
  DEVICE_UPSERT_MAX,
  type Device,
  type DeviceInput,
  type DeviceChanges,
  type DeviceFilter,
} from './devices/device-service.js'
export type { CardType, SyncState, DeviceState } from './db/schema.js'
export {
  RechargeService,
  ACCOUNT_ID_MAX_LENGTH,
  type NewRecharge,
  type RechargeFilter,
} from './recharges/recharge-service.js'
export { RechargeTracker, DEFAULT_LINK_LIFETIME_MINUTES } from './recharges/recharge-tracker.js'
export { yuanToFen, formatFen } from './recharges/amount.js'
export type { Recharge, RechargeState } from './recharges/recharge.js'
export type { RechargeStatusSource } from './db/schema.js'
export { JobService, type JobListFilter, type JobItemFilter } from './jobs/job-service.js'
export { JobQueue, type JobQueueOptions } from './jobs/job-queue.js'
export { JobRunner, type RunOutcome } from './jobs/job-runner.js'
export { SyncScheduler } from './jobs/sync-scheduler.js'
export { JobRetention, type PurgeReport } from './jobs/job-retention.js'
export { isFinished, type Job, type JobCounts, type JobItem } from './jobs/job.js'
export {
  MAX_JOB_CARD_IDS,
  MAX_JOB_PAIRS,
  cardJobActions,
  type BindPair,
  type CardJobAction,
  type JobRequest,
} from './jobs/job-request.js'
export { CardImporter, type ImportRequest } from './cards/import/card-importer.js'
export { importColumns, type ImportColumn } from './cards/import/import-columns.js'
export { CardExporter, exportColumns, type ExportLanguage } from './cards/card-export.js'
export { chinaDay } from './cards/usage-daily.js'
export {
  jobActions,
  jobStates,
  jobItemResults,
  type JobAction,
  type JobState,
  type JobItemResult,
  type JobOrigin,
} from './db/schema.js'
export * from './tabular/index.js'
