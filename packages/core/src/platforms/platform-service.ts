import { isCarrierError, type HealthCheckResult } from '@simops/carrier-sdk'
import { sql, type Kysely, type Transaction } from 'kysely'
import type { OperationContext } from '../actor.js'
import type { OperationLog } from '../audit/operation-log.js'
import { isUuid } from '../auth/users.js'
import { carrierFailure } from '../carriers/carrier-failure.js'
import type { CarrierGateway, PlatformTarget } from '../carriers/gateway.js'
import type { CarrierRegistry } from '../carriers/registry.js'
import { isUniqueViolation } from '../db/errors.js'
import { containsPattern, countAll } from '../db/query-helpers.js'
import type { Database, PlatformRow, PlatformState, PlatformTestRecord } from '../db/schema.js'
import { DomainError, invalidField, isDomainError } from '../errors.js'
import type { SecretBox } from '../secrets/secret-box.js'
import { assertValidConfig, maskConfig, mergeConfig, sealConfig, unsealConfig } from './platform-config.js'

export interface Platform {
  id: string
  carrierId: string
  name: string
  description: string
  state: PlatformState
  /** Settings with secret values replaced by the mask. */
  config: Record<string, unknown>
  /** Which secret fields hold a value. */
  secretsSet: string[]
  lastTest: PlatformTestRecord | null
  /** 定时同步: how often all the platform's cards are synced, and when next. */
  syncSchedule: SyncSchedule
  createdAt: Date
  updatedAt: Date
}

export interface SyncSchedule {
  enabled: boolean
  intervalMinutes: number
  nextSyncAt: Date | null
}

export const SYNC_INTERVAL_MINUTES = { min: 5, max: 10080 } as const

export interface NewPlatform {
  carrierId: string
  name: string
  description?: string
  config: Record<string, unknown>
  state?: PlatformState
  syncSchedule?: Partial<Pick<SyncSchedule, 'enabled' | 'intervalMinutes'>>
}

export interface PlatformChanges {
  name?: string
  description?: string
  /** Only the fields to change; secrets left out (or sent masked) are kept. */
  config?: Record<string, unknown>
  syncSchedule?: Partial<Pick<SyncSchedule, 'enabled' | 'intervalMinutes'>>
}

export interface PlatformFilter {
  q?: string
  carrierId?: string
  state?: PlatformState
  page: number
  pageSize: number
}

export const PLATFORM_NAME_MAX_LENGTH = 64
export const PLATFORM_DESCRIPTION_MAX_LENGTH = 200

function notFound(id: string): DomainError {
  return new DomainError('notFound', 'PLATFORM_NOT_FOUND', `Platform ${id} does not exist`)
}

/** A platform config that is switched off cannot reach its carrier. */
/** The schedule columns a create or update sets; a new interval takes effect from now. */
function scheduleColumns(schedule: NewPlatform['syncSchedule']) {
  if (!schedule) return {}
  const { intervalMinutes, enabled } = schedule
  if (
    intervalMinutes !== undefined &&
    (!Number.isInteger(intervalMinutes) ||
      intervalMinutes < SYNC_INTERVAL_MINUTES.min ||
      intervalMinutes > SYNC_INTERVAL_MINUTES.max)
  )
    throw invalidField(
      'syncSchedule.intervalMinutes',
      `must be a whole number of minutes from ${SYNC_INTERVAL_MINUTES.min} to ${SYNC_INTERVAL_MINUTES.max}`,
    )
  return {
    ...(enabled !== undefined ? { syncEnabled: enabled } : {}),
    ...(intervalMinutes !== undefined
      ? {
          syncIntervalMinutes: intervalMinutes,
          nextSyncAt: sql<Date>`now() + make_interval(mins => ${intervalMinutes})`,
        }
      : {}),
  }
}

export function platformDisabled(platform: { id: string; name: string }): DomainError {
  return new DomainError(
    'conflict',
    'PLATFORM_DISABLED',
    `Platform "${platform.name}" is disabled; enable it to reach the carrier`,
    { platformId: platform.id },
  )
}

function nameTaken(name: string): DomainError {
  return new DomainError('conflict', 'PLATFORM_NAME_TAKEN', `A platform named "${name}" already exists`, {
    field: 'name',
  })
}

function checkedName(name: string): string {
  const trimmed = name.trim()
  if (trimmed.length === 0 || trimmed.length > PLATFORM_NAME_MAX_LENGTH)
    throw invalidField('name', `must be 1–${PLATFORM_NAME_MAX_LENGTH} characters`)
  return trimmed
}

function checkedDescription(description: string | undefined): string | undefined {
  if (description !== undefined && description.length > PLATFORM_DESCRIPTION_MAX_LENGTH)
    throw invalidField('description', `must be at most ${PLATFORM_DESCRIPTION_MAX_LENGTH} characters`)
  return description
}

/** 平台接入: carrier accounts (platform configs), their encrypted credentials and connection tests. */
export class PlatformService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly log: OperationLog,
    private readonly registry: CarrierRegistry,
    private readonly gateway: CarrierGateway,
    private readonly box: SecretBox,
  ) {}

  async list(filter: PlatformFilter): Promise<{ items: Platform[]; total: number }> {
    let query = this.db.selectFrom('platforms')
    if (filter.q) query = query.where('name', 'ilike', containsPattern(filter.q))
    if (filter.carrierId) query = query.where('carrierId', '=', filter.carrierId)
    if (filter.state) query = query.where('state', '=', filter.state)
    const [rows, count] = await Promise.all([
      query
        .selectAll()
        .orderBy('createdAt', 'desc')
        .orderBy('id')
        .limit(filter.pageSize)
        .offset((filter.page - 1) * filter.pageSize)
        .execute(),
      query.select(countAll.as('n')).executeTakeFirstOrThrow(),
    ])
    return { items: rows.map((row) => this.toPlatform(row)), total: count.n }
  }

  async get(id: string): Promise<Platform> {
    return this.toPlatform(await this.row(this.db, id))
  }

  async create(ctx: OperationContext, input: NewPlatform): Promise<Platform> {
    const entry = {
      action: 'platform.create',
      targetType: 'platform',
      targetName: input.name,
      details: { carrierId: input.carrierId },
    }
    return this.log.run(
      ctx,
      entry,
      async (trx) => {
        const name = checkedName(input.name)
        const description = checkedDescription(input.description) ?? ''
        const { definition } = this.registry.get(input.carrierId)
        const config = assertValidConfig(definition.configSchema, input.config)
        await this.assertNameFree(trx, name)
        const { clear, sealed } = sealConfig(definition.configSchema, config, this.box)
        const row = await trx
          .insertInto('platforms')
          .values({
            carrierId: input.carrierId,
            name,
            description,
            config: JSON.stringify(clear),
            secrets: sealed,
            state: input.state ?? 'enabled',
            // A new platform's first scheduled sync is due at the next tick, whatever its interval.
            ...scheduleColumns(input.syncSchedule),
            nextSyncAt: null,
          })
          .returningAll()
          .executeTakeFirstOrThrow()
          .catch((error: unknown) => {
            throw isUniqueViolation(error) ? nameTaken(name) : error
          })
        return this.toPlatform(row)
      },
      (platform) => ({ targetId: platform.id }),
    )
  }

  async update(ctx: OperationContext, id: string, changes: PlatformChanges): Promise<Platform> {
    // The audit keeps which settings changed, never their values.
    const details = {
      fields: [
        ...Object.keys(changes).filter((k) => k !== 'config'),
        ...Object.keys(changes.config ?? {}).map((k) => `config.${k}`),
      ],
    }
    const platform = await this.log.run(
      ctx,
      { action: 'platform.update', targetType: 'platform', targetId: id, details },
      async (trx) => {
        const current = await this.row(trx, id, true)
        const name = changes.name === undefined ? undefined : checkedName(changes.name)
        const description = checkedDescription(changes.description)
        if (name !== undefined && name.toLowerCase() !== current.name.toLowerCase())
          await this.assertNameFree(trx, name)
        let sealedColumns = {}
        if (changes.config !== undefined) {
          const { definition } = this.registry.get(current.carrierId)
          const merged = mergeConfig(unsealConfig(current.config, current.secrets, this.box), changes.config)
          const { clear, sealed } = sealConfig(
            definition.configSchema,
            assertValidConfig(definition.configSchema, merged),
            this.box,
          )
          sealedColumns = { config: JSON.stringify(clear), secrets: sealed }
        }
        const row = await trx
          .updateTable('platforms')
          .set({
            ...(name !== undefined ? { name } : {}),
            ...(description !== undefined ? { description } : {}),
            ...sealedColumns,
            ...scheduleColumns(changes.syncSchedule),
            updatedAt: new Date(),
          })
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirstOrThrow()
          .catch((error: unknown) => {
            throw isUniqueViolation(error) && name ? nameTaken(name) : error
          })
        return this.toPlatform(row)
      },
      (result) => ({ targetName: result.name }),
    )
    await this.gateway.forget(id)
    return platform
  }

  async setState(ctx: OperationContext, id: string, state: PlatformState): Promise<Platform> {
    const action = state === 'enabled' ? 'platform.enable' : 'platform.disable'
    const platform = await this.log.run(
      ctx,
      { action, targetType: 'platform', targetId: id },
      async (trx) => {
        await this.row(trx, id, true)
        const row = await trx
          .updateTable('platforms')
          .set({ state, updatedAt: new Date() })
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirstOrThrow()
        return this.toPlatform(row)
      },
      (result) => ({ targetName: result.name }),
    )
    if (state === 'disabled') await this.gateway.forget(id)
    return platform
  }

  async delete(ctx: OperationContext, id: string): Promise<void> {
    let name: string | null = null
    await this.log.run(
      ctx,
      { action: 'platform.delete', targetType: 'platform', targetId: id },
      async (trx) => {
        const current = await this.row(trx, id, true)
        name = current.name
        if (current.state === 'enabled')
          throw new DomainError(
            'conflict',
            'PLATFORM_ENABLED',
            `Platform "${current.name}" is enabled; disable it before deleting it`,
          )
        // Cards and recharge orders keep their platform: it goes only when nothing refers to it.
        const [cards, recharges] = await Promise.all(
          (['cards', 'recharges'] as const).map((table) =>
            trx
              .selectFrom(table)
              .select(countAll.as('n'))
              .where('platformId', '=', id)
              .executeTakeFirstOrThrow()
              .then((row) => row.n),
          ),
        )
        if (cards || recharges)
          throw new DomainError(
            'conflict',
            'PLATFORM_IN_USE',
            `Platform "${current.name}" still has ${cards ? `${cards} card(s)` : `${recharges} recharge order(s)`}; ${cards ? 'move or delete them first' : 'it is kept for their history'}`,
            { cards, recharges },
          )
        await trx.deleteFrom('platforms').where('id', '=', id).execute()
      },
      () => ({ targetName: name }),
    )
    await this.gateway.forget(id)
  }

  /**
   * Connection test through the plugin's healthCheck: records and returns whether it worked, how
   * long it took, and the carrier's error when it did not. A failed test is a result, not an error.
   */
  async test(
    ctx: OperationContext,
    id: string,
    input: { sampleIccid?: string } = {},
  ): Promise<PlatformTestRecord> {
    const row = await this.row(this.db, id)
    const started = performance.now()
    let record: PlatformTestRecord
    try {
      const result: HealthCheckResult = await this.gateway.call(this.target(row), 'healthCheck', input)
      record = {
        ok: true,
        at: new Date().toISOString(),
        latencyMs: Math.round(performance.now() - started),
        detail: result.detail,
        error: null,
      }
    } catch (error) {
      // The gateway reports carrier failures as CarrierErrors; a plugin no longer installed is a DomainError.
      const failure = isCarrierError(error) ? carrierFailure(row, error) : error
      if (!isDomainError(failure)) throw error
      record = {
        ok: false,
        at: new Date().toISOString(),
        latencyMs: Math.round(performance.now() - started),
        detail: null,
        error: { code: failure.code, message: failure.message },
      }
    }
    await this.db
      .updateTable('platforms')
      .set({ lastTest: JSON.stringify(record) })
      .where('id', '=', id)
      .execute()
    const entry = {
      action: 'platform.test',
      targetType: 'platform',
      targetId: id,
      targetName: row.name,
      details: { latencyMs: record.latencyMs },
    }
    await this.log.record(
      this.db,
      ctx,
      entry,
      record.ok
        ? { result: 'success' }
        : {
            result: 'failure',
            error: new DomainError(
              'upstream',
              record.error?.code ?? 'CARRIER_ERROR',
              record.error?.message ?? '',
            ),
          },
    )
    return record
  }

  /** The gateway's view of a platform: identity plus a way to decrypt its config when connecting. */
  target(row: PlatformRow): PlatformTarget {
    return {
      id: row.id,
      name: row.name,
      carrierId: row.carrierId,
      revision: row.updatedAt.getTime(),
      loadConfig: () => unsealConfig(row.config, row.secrets, this.box),
    }
  }

  private toPlatform(row: PlatformRow): Platform {
    const fields = this.registry.find(row.carrierId)?.definition.configSchema ?? {}
    const { config, secretsSet } = maskConfig(fields, row.config, row.secrets, this.box)
    return {
      id: row.id,
      carrierId: row.carrierId,
      name: row.name,
      description: row.description,
      state: row.state,
      config,
      secretsSet,
      lastTest: row.lastTest,
      syncSchedule: {
        enabled: row.syncEnabled,
        intervalMinutes: row.syncIntervalMinutes,
        nextSyncAt: row.syncEnabled ? row.nextSyncAt : null,
      },
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    }
  }

  private async row(
    executor: Kysely<Database> | Transaction<Database>,
    id: string,
    forUpdate = false,
  ): Promise<PlatformRow> {
    if (!isUuid(id)) throw notFound(id)
    let query = executor.selectFrom('platforms').selectAll().where('id', '=', id)
    if (forUpdate) query = query.forUpdate()
    const row = await query.executeTakeFirst()
    if (!row) throw notFound(id)
    return row
  }

  private async assertNameFree(trx: Transaction<Database>, name: string): Promise<void> {
    const taken = await trx
      .selectFrom('platforms')
      .select('id')
      .where(sql`lower(name)`, '=', name.toLowerCase())
      .executeTakeFirst()
    if (taken) throw nameTaken(name)
  }
}
