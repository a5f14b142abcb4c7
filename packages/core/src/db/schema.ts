import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely'

/**
 * The database as the application sees it (camelCase; CamelCasePlugin maps to snake_case).
 * `tableColumns` below restates the columns at run time so a test can compare this file with
 * a freshly migrated database and fail on drift.
 */

type CreatedAt = ColumnType<Date, Date | undefined, never>
type MutableTimestamp = ColumnType<Date, Date | undefined, Date>

export type Role = 'admin' | 'operator' | 'viewer'

export interface UsersTable {
  id: Generated<string>
  username: string
  displayName: Generated<string>
  role: Role
  passwordHash: string
  disabled: Generated<boolean>
  createdAt: CreatedAt
  updatedAt: MutableTimestamp
  passwordChangedAt: MutableTimestamp
  lastLoginAt: Date | null
}

export interface SessionsTable {
  id: Generated<string>
  userId: string
  tokenHash: string
  createdAt: CreatedAt
  lastSeenAt: MutableTimestamp
  expiresAt: Date
  ip: string | null
  userAgent: string | null
}

export interface ApiKeysTable {
  id: Generated<string>
  userId: string
  name: string
  prefix: string
  keyHash: string
  role: Role
  createdAt: CreatedAt
  expiresAt: Date | null
  lastUsedAt: Date | null
  revokedAt: Date | null
}

export type ActorType = 'user' | 'api_key' | 'system'
export type OperationResult = 'success' | 'failure'

export interface OperationsTable {
  // bigserial; the pool parses int8 as a JavaScript number.
  id: Generated<number>
  createdAt: CreatedAt
  actorType: ActorType
  actorId: string | null
  actorName: string
  apiKeyId: string | null
  action: string
  targetType: string
  targetId: string | null
  targetName: string | null
  result: OperationResult
  errorCode: string | null
  errorMessage: string | null
  details: ColumnType<Record<string, unknown> | null, string | null, string | null>
  requestId: string | null
  ip: string | null
  /** The bulk job the action was part of. */
  jobId: string | null
}

export type PlatformState = 'enabled' | 'disabled'

export interface PlatformTestRecord {
  ok: boolean
  at: string
  latencyMs: number
  detail: string | null
  error: { code: string; message: string } | null
}

export interface PlatformsTable {
  id: Generated<string>
  carrierId: string
  name: string
  description: Generated<string>
  config: ColumnType<Record<string, unknown>, string, string>
  secrets: string
  state: Generated<PlatformState>
  lastTest: ColumnType<PlatformTestRecord | null, string | null, string | null>
  createdAt: CreatedAt
  updatedAt: MutableTimestamp
  syncEnabled: Generated<boolean>
  syncIntervalMinutes: Generated<number>
  nextSyncAt: Date | null
}

export interface SettingsTable {
  key: string
  value: string
  updatedAt: MutableTimestamp
}

export type DeviceState = 'online' | 'offline' | 'disabled'

export interface DevicesTable {
  id: string
  name: string
  product: string | null
  state: Generated<DeviceState>
  registeredAt: MutableTimestamp
  createdAt: CreatedAt
  updatedAt: MutableTimestamp
}

export type CardType = 'year' | 'season' | 'month' | 'other'
export type SyncState = 'never' | 'waiting' | 'running' | 'ok' | 'failed'

/** Bigint columns the pool parses as numbers (safe below 2^53: 8 PiB of data, 9e15 cards). */
type BigintColumn = ColumnType<number, number | bigint, number | bigint>

export interface CardsTable {
  id: ColumnType<number, never, never>
  number: string
  iccid: string
  iccid19: string
  imsi: string | null
  imei: string | null
  platformId: string
  carrierId: string
  type: CardType
  description: Generated<string>
  tags: ColumnType<string[], string[] | undefined, string[]>
  /** A `date` column, read as YYYY-MM-DD text (see database.ts). */
  expiresOn: string | null
  deviceId: string | null
  boundAt: Date | null
  lifecycle: Generated<string>
  carrierStatusCode: string | null
  carrierStatusLabel: ColumnType<Record<string, string> | null, string | null, string | null>
  block: string | null
  platformType: string | null
  activatedAt: Date | null
  usageTotalBytes: BigintColumn | null
  usageUsedBytes: BigintColumn | null
  usageRemainingBytes: BigintColumn | null
  usageAsOf: Date | null
  pendingAction: string | null
  pendingSince: Date | null
  pendingRef: string | null
  syncState: Generated<SyncState>
  syncedAt: Date | null
  syncErrorCode: string | null
  syncErrorMessage: string | null
  createdAt: CreatedAt
  updatedAt: MutableTimestamp
}

export type RechargeStatus = 'creating' | 'pending' | 'paid' | 'failed' | 'expired'
export type RechargeStatusSource = 'carrier' | 'manual' | 'timeout'

export interface RechargesTable {
  id: Generated<string>
  platformId: string
  carrierId: string
  accountId: string
  amountFen: number
  paymentMethod: string
  orderNo: string | null
  paymentUrl: string | null
  status: RechargeStatus
  statusSource: RechargeStatusSource | null
  expiresAt: Date | null
  paidAt: Date | null
  checkedAt: Date | null
  note: string | null
  createdById: string | null
  createdByName: string
  idempotencyKey: string | null
  requestHash: string | null
  createdAt: CreatedAt
  updatedAt: MutableTimestamp
}

export const jobActions = ['activate', 'suspend', 'resume', 'sync', 'delete', 'bind', 'import'] as const
export type JobAction = (typeof jobActions)[number]
export const jobStates = ['staging', 'queued', 'running', 'completed', 'cancelled', 'failed'] as const
export type JobState = (typeof jobStates)[number]
export const jobItemResults = ['pending', 'ok', 'skipped', 'failed'] as const
export type JobItemResult = (typeof jobItemResults)[number]
export type JobOrigin = 'request' | 'schedule'
type JsonColumn<T> = ColumnType<T, string, string>

export interface JobsTable {
  id: Generated<string>
  action: JobAction
  state: Generated<JobState>
  selector: JsonColumn<Record<string, unknown>>
  options: ColumnType<Record<string, unknown>, string | undefined, string>
  origin: JobOrigin
  platformId: string | null
  itemsReady: Generated<boolean>
  total: Generated<number>
  ok: Generated<number>
  skipped: Generated<number>
  failed: Generated<number>
  cancelRequested: Generated<boolean>
  errorCode: string | null
  errorMessage: string | null
  leaseOwner: string | null
  leaseExpiresAt: Date | null
  createdByType: ActorType
  createdById: string | null
  createdByName: string
  createdByApiKeyId: string | null
  createdAt: CreatedAt
  startedAt: Date | null
  finishedAt: Date | null
  updatedAt: MutableTimestamp
}

export interface JobItemsTable {
  jobId: string
  seq: number
  cardId: BigintColumn | null
  subject: string
  platformId: string | null
  input: ColumnType<Record<string, unknown> | null, string | null, string | null>
  result: Generated<JobItemResult>
  code: string | null
  message: string | null
  attemptedAt: Date | null
  finishedAt: Date | null
}

export interface UsageDailyTable {
  cardId: BigintColumn
  /** A `date` column, YYYY-MM-DD text. */
  day: string
  bytes: BigintColumn
  periodUsedBytes: BigintColumn | null
  updatedAt: MutableTimestamp
}

export interface Database {
  jobs: JobsTable
  jobItems: JobItemsTable
  usageDaily: UsageDailyTable
  cards: CardsTable
  recharges: RechargesTable
  devices: DevicesTable
  users: UsersTable
  platforms: PlatformsTable
  settings: SettingsTable
  sessions: SessionsTable
  apiKeys: ApiKeysTable
  operations: OperationsTable
}

export type UserRow = Selectable<UsersTable>
export type NewUserRow = Insertable<UsersTable>
export type UserUpdate = Updateable<UsersTable>
export type SessionRow = Selectable<SessionsTable>
export type ApiKeyRow = Selectable<ApiKeysTable>
export type OperationRow = Selectable<OperationsTable>
export type PlatformRow = Selectable<PlatformsTable>
export type CardRow = Selectable<CardsTable>
export type RechargeRow = Selectable<RechargesTable>
export type DeviceRow = Selectable<DevicesTable>
export type JobRow = Selectable<JobsTable>
export type JobItemRow = Selectable<JobItemsTable>

/** Run-time copy of the column names, checked against the interfaces above by the compiler. */
export const tableColumns = {
  jobs: [
    'id',
    'action',
    'state',
    'selector',
    'options',
    'origin',
    'platformId',
    'itemsReady',
    'total',
    'ok',
    'skipped',
    'failed',
    'cancelRequested',
    'errorCode',
    'errorMessage',
    'leaseOwner',
    'leaseExpiresAt',
    'createdByType',
    'createdById',
    'createdByName',
    'createdByApiKeyId',
    'createdAt',
    'startedAt',
    'finishedAt',
    'updatedAt',
  ],
  jobItems: [
    'jobId',
    'seq',
    'cardId',
    'subject',
    'platformId',
    'input',
    'result',
    'code',
    'message',
    'attemptedAt',
    'finishedAt',
  ],
  usageDaily: ['cardId', 'day', 'bytes', 'periodUsedBytes', 'updatedAt'],
  cards: [
    'id',
    'number',
    'iccid',
    'iccid19',
    'imsi',
    'imei',
    'platformId',
    'carrierId',
    'type',
    'description',
    'tags',
    'expiresOn',
    'deviceId',
    'boundAt',
    'lifecycle',
    'carrierStatusCode',
    'carrierStatusLabel',
    'block',
    'platformType',
    'activatedAt',
    'usageTotalBytes',
    'usageUsedBytes',
    'usageRemainingBytes',
    'usageAsOf',
    'pendingAction',
    'pendingSince',
    'pendingRef',
    'syncState',
    'syncedAt',
    'syncErrorCode',
    'syncErrorMessage',
    'createdAt',
    'updatedAt',
  ],
  devices: ['id', 'name', 'product', 'state', 'registeredAt', 'createdAt', 'updatedAt'],
  recharges: [
    'id',
    'platformId',
    'carrierId',
    'accountId',
    'amountFen',
    'paymentMethod',
    'orderNo',
    'paymentUrl',
    'status',
    'statusSource',
    'expiresAt',
    'paidAt',
    'checkedAt',
    'note',
    'createdById',
    'createdByName',
    'idempotencyKey',
    'requestHash',
    'createdAt',
    'updatedAt',
  ],
  users: [
    'id',
    'username',
    'displayName',
    'role',
    'passwordHash',
    'disabled',
    'createdAt',
    'updatedAt',
    'passwordChangedAt',
    'lastLoginAt',
  ],
  sessions: ['id', 'userId', 'tokenHash', 'createdAt', 'lastSeenAt', 'expiresAt', 'ip', 'userAgent'],
  apiKeys: [
    'id',
    'userId',
    'name',
    'prefix',
    'keyHash',
    'role',
    'createdAt',
    'expiresAt',
    'lastUsedAt',
    'revokedAt',
  ],
  platforms: [
    'id',
    'carrierId',
    'name',
    'description',
    'config',
    'secrets',
    'state',
    'lastTest',
    'createdAt',
    'updatedAt',
    'syncEnabled',
    'syncIntervalMinutes',
    'nextSyncAt',
  ],
  settings: ['key', 'value', 'updatedAt'],
  operations: [
    'id',
    'createdAt',
    'actorType',
    'actorId',
    'actorName',
    'apiKeyId',
    'action',
    'targetType',
    'targetId',
    'targetName',
    'result',
    'errorCode',
    'errorMessage',
    'details',
    'requestId',
    'ip',
    'jobId',
  ],
} as const satisfies { [T in keyof Database]: ReadonlyArray<keyof Database[T]> }

// Compile-time check that no interface column is missing from `tableColumns`.
type UnlistedColumns = {
  [T in keyof Database]: Exclude<keyof Database[T], (typeof tableColumns)[T][number]>
}[keyof Database]
export const everyColumnListed: [UnlistedColumns] extends [never] ? true : never = true
