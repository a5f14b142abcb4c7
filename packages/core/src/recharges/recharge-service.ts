import { createHash } from 'node:crypto'
import { isCarrierError, type PaymentMethod } from '@simops/carrier-sdk'
import type { Kysely } from 'kysely'
import type { OperationContext } from '../actor.js'
import type { OperationLog } from '../audit/operation-log.js'
import { isUuid } from '../auth/users.js'
import { carrierFailure } from '../carriers/carrier-failure.js'
import type { CarrierGateway } from '../carriers/gateway.js'
import type { CarrierRegistry } from '../carriers/registry.js'
import { isUniqueViolation } from '../db/errors.js'
import { countAll } from '../db/query-helpers.js'
import type { Database, PlatformRow, RechargeRow } from '../db/schema.js'
import { DomainError, invalidField } from '../errors.js'
import type { PlatformService } from '../platforms/platform-service.js'
import { yuanToFen } from './amount.js'
import { toRecharge, type Recharge } from './recharge.js'
import { RechargeTracker } from './recharge-tracker.js'

export interface NewRecharge {
  platformId: string
  /** 账户id: the carrier account to top up. */
  accountId: string
  /** In 元: a number or a decimal string, at most two decimals. */
  amount: number | string
  paymentMethod: string
  returnUrl?: string
  /** Repeating a request with the same key returns the first order instead of placing another. */
  idempotencyKey?: string
}

export interface RechargeFilter {
  platformId?: string
  accountId?: string
  orderNo?: string
  paymentMethod?: string
  status?: Recharge['status']
  amountFen?: number
  from?: Date
  to?: Date
  page: number
  pageSize: number
}

export const ACCOUNT_ID_MAX_LENGTH = 64
const IDEMPOTENCY_WAIT_MS = 20_000

export function rechargeNotFound(id: string): DomainError {
  return new DomainError('notFound', 'RECHARGE_NOT_FOUND', `Recharge ${id} does not exist`)
}

/** 充值管理: top-up orders placed through a platform's plugin, their payment links and their status. */
export class RechargeService {
  readonly tracker: RechargeTracker

  constructor(
    private readonly db: Kysely<Database>,
    private readonly log: OperationLog,
    private readonly registry: CarrierRegistry,
    private readonly gateway: CarrierGateway,
    private readonly platforms: PlatformService,
    private readonly now: () => Date,
  ) {
    this.tracker = new RechargeTracker(db, log, registry, gateway, platforms, now)
  }

  async list(filter: RechargeFilter): Promise<{ items: Recharge[]; total: number }> {
    let query = this.db
      .selectFrom('recharges')
      .innerJoin('platforms', 'platforms.id', 'recharges.platformId')
      .where('recharges.status', '<>', 'creating')
    if (filter.platformId) query = query.where('recharges.platformId', '=', filter.platformId)
    if (filter.accountId) query = query.where('recharges.accountId', '=', filter.accountId.trim())
    if (filter.orderNo) query = query.where('recharges.orderNo', '=', filter.orderNo.trim())
    if (filter.paymentMethod) query = query.where('recharges.paymentMethod', '=', filter.paymentMethod)
    if (filter.status) query = query.where('recharges.status', '=', filter.status)
    if (filter.amountFen !== undefined) query = query.where('recharges.amountFen', '=', filter.amountFen)
    if (filter.from) query = query.where('recharges.createdAt', '>=', filter.from)
    if (filter.to) query = query.where('recharges.createdAt', '<', filter.to)
    const [rows, count] = await Promise.all([
      query
        .selectAll('recharges')
        .select('platforms.name as platformName')
        .orderBy('recharges.createdAt', 'desc')
        .orderBy('recharges.id')
        .limit(filter.pageSize)
        .offset((filter.page - 1) * filter.pageSize)
        .execute(),
      query.select(countAll.as('n')).executeTakeFirstOrThrow(),
    ])
    return { items: rows.map((row) => toRecharge(row, row.platformName)), total: count.n }
  }

  async get(id: string): Promise<Recharge> {
    if (!isUuid(id)) throw rechargeNotFound(id)
    const row = await this.db
      .selectFrom('recharges')
      .innerJoin('platforms', 'platforms.id', 'recharges.platformId')
      .selectAll('recharges')
      .select('platforms.name as platformName')
      .where('recharges.id', '=', id)
      .where('recharges.status', '<>', 'creating')
      .executeTakeFirst()
    if (!row) throw rechargeNotFound(id)
    return toRecharge(row, row.platformName)
  }

  /**
   * Places an order with the carrier and stores it. With an idempotency key, a repeated request
   * (same key, same content) returns the first order, even while that one is still being placed.
   * Nothing is stored when the carrier refuses or cannot be reached.
   */
  async create(
    ctx: OperationContext,
    input: NewRecharge,
  ): Promise<{ recharge: Recharge; replayed: boolean }> {
    const creator =
      ctx.actor.type === 'user'
        ? { createdById: ctx.actor.userId, createdByName: ctx.actor.username }
        : { createdById: null, createdByName: ctx.actor.name }
    const entry = {
      action: 'recharge.create',
      targetType: 'recharge',
      details: {
        platformId: input.platformId,
        accountId: input.accountId,
        amount: String(input.amount),
        paymentMethod: input.paymentMethod,
      },
    }
    let placeholder: RechargeRow | undefined
    try {
      const { platform, order } = await this.checked(input)
      const requestHash = createHash('sha256').update(JSON.stringify(order)).digest('hex')
      if (input.idempotencyKey) {
        const earlier = await this.earlier(creator, input.idempotencyKey, requestHash)
        if (earlier) return { recharge: earlier, replayed: true }
      }
      try {
        placeholder = await this.db
          .insertInto('recharges')
          .values({
            ...creator,
            platformId: platform.id,
            carrierId: platform.carrierId,
            accountId: order.accountId,
            amountFen: order.amountFen,
            paymentMethod: order.paymentMethod,
            status: 'creating',
            idempotencyKey: input.idempotencyKey ?? null,
            requestHash,
          })
          .returningAll()
          .executeTakeFirstOrThrow()
      } catch (error) {
        // The same key raced us: the other request places the order; we answer with it.
        if (!isUniqueViolation(error) || !input.idempotencyKey) throw error
        const earlier = await this.earlier(creator, input.idempotencyKey, requestHash)
        if (earlier) return { recharge: earlier, replayed: true }
        throw error
      }
      let result
      try {
        result = await this.gateway.call(this.platforms.target(platform), 'recharge', {
          accountId: order.accountId,
          amountFen: order.amountFen,
          paymentMethod: order.paymentMethod,
          ...(order.returnUrl ? { returnUrl: order.returnUrl } : {}),
        })
      } catch (error) {
        throw isCarrierError(error) ? carrierFailure(platform, error) : error
      }
      const id = placeholder.id
      await this.db.transaction().execute(async (trx) => {
        await trx
          .updateTable('recharges')
          .set({
            orderNo: result.orderNo,
            paymentUrl: result.paymentUrl,
            status: 'pending',
            expiresAt: result.expiresAt ?? this.tracker.defaultExpiry(this.now()),
            updatedAt: this.now(),
          })
          .where('id', '=', id)
          .execute()
        await this.log.record(
          trx,
          ctx,
          {
            ...entry,
            targetId: id,
            targetName: result.orderNo,
            details: { ...entry.details, amountFen: order.amountFen },
          },
          { result: 'success' },
        )
      })
      return { recharge: await this.get(id), replayed: false }
    } catch (error) {
      if (placeholder) await this.db.deleteFrom('recharges').where('id', '=', placeholder.id).execute()
      await this.log.record(this.db, ctx, entry, { result: 'failure', error }).catch(() => undefined)
      throw error
    }
  }

  /** Asks the carrier about one order now (or expires it when its link has lapsed); carrier failures are reported. */
  async refresh(ctx: OperationContext, id: string): Promise<Recharge> {
    await this.get(id)
    await this.tracker.check(ctx, id, true)
    return this.get(id)
  }

  /** An administrator records the outcome the carrier's own portal shows, with a note (audited). */
  async confirm(
    ctx: OperationContext,
    id: string,
    outcome: { status: 'paid' | 'failed'; note: string },
  ): Promise<Recharge> {
    const note = outcome.note.trim()
    if (note.length === 0 || note.length > 200) throw invalidField('note', 'must be 1–200 characters')
    await this.log.run(
      ctx,
      {
        action: 'recharge.confirm',
        targetType: 'recharge',
        targetId: id,
        details: { status: outcome.status, note },
      },
      async (trx) => {
        const row = isUuid(id)
          ? await trx.selectFrom('recharges').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
          : undefined
        if (!row || row.status === 'creating') throw rechargeNotFound(id)
        if (row.status === 'paid' || row.status === 'failed')
          throw new DomainError(
            'conflict',
            'RECHARGE_SETTLED',
            `Order ${row.orderNo ?? id} is already ${row.status} (${row.statusSource ?? 'carrier'})`,
          )
        const at = this.now()
        await trx
          .updateTable('recharges')
          .set({
            status: outcome.status,
            statusSource: 'manual',
            note,
            paidAt: outcome.status === 'paid' ? at : null,
            updatedAt: at,
          })
          .where('id', '=', id)
          .execute()
        return row
      },
      (row) => ({ targetName: row.orderNo }),
    )
    return this.get(id)
  }

  private async checked(input: NewRecharge) {
    const platform: PlatformRow | undefined = isUuid(input.platformId)
      ? await this.db
          .selectFrom('platforms')
          .selectAll()
          .where('id', '=', input.platformId)
          .executeTakeFirst()
      : undefined
    if (!platform)
      throw new DomainError(
        'notFound',
        'PLATFORM_NOT_FOUND',
        `platformId: platform ${input.platformId} does not exist`,
        {
          fields: [{ field: 'platformId', message: 'does not exist' }],
        },
      )
    if (platform.state !== 'enabled')
      throw new DomainError('conflict', 'PLATFORM_DISABLED', `Platform "${platform.name}" is disabled`, {
        fields: [{ field: 'platformId', message: 'is disabled' }],
      })
    const capability = this.registry.find(platform.carrierId)?.definition.capabilities.recharge
    if (!capability)
      throw new DomainError(
        'conflict',
        'RECHARGE_NOT_SUPPORTED',
        `Platform "${platform.name}" (${platform.carrierId}) cannot take recharges`,
        { fields: [{ field: 'platformId', message: 'its carrier offers no recharge' }] },
      )
    const accountId = input.accountId.trim()
    if (accountId.length === 0 || accountId.length > ACCOUNT_ID_MAX_LENGTH)
      throw invalidField('accountId', `must be 1–${ACCOUNT_ID_MAX_LENGTH} characters`)
    const amountFen = yuanToFen(input.amount, capability.minAmountFen, capability.maxAmountFen)
    if (!(capability.paymentMethods as readonly string[]).includes(input.paymentMethod))
      throw invalidField(
        'paymentMethod',
        `must be one of ${capability.paymentMethods.join(', ')}`,
        'PAYMENT_METHOD_UNSUPPORTED',
      )
    const order = {
      platformId: platform.id,
      accountId,
      amountFen,
      paymentMethod: input.paymentMethod as PaymentMethod,
      returnUrl: input.returnUrl ?? null,
    }
    return { platform, order }
  }

  /** The order placed earlier under this key, waiting while it is still being placed. */
  private async earlier(
    creator: { createdById: string | null; createdByName: string },
    key: string,
    requestHash: string,
  ): Promise<Recharge | null> {
    const deadline = Date.now() + IDEMPOTENCY_WAIT_MS
    for (;;) {
      let query = this.db
        .selectFrom('recharges')
        .select(['id', 'status', 'requestHash'])
        .where('idempotencyKey', '=', key)
      query =
        creator.createdById === null
          ? query.where('createdById', 'is', null).where('createdByName', '=', creator.createdByName)
          : query.where('createdById', '=', creator.createdById)
      const row = await query.executeTakeFirst()
      if (!row) return null
      if (row.requestHash !== requestHash)
        throw new DomainError(
          'conflict',
          'IDEMPOTENCY_KEY_REUSED',
          'Idempotency-Key was already used for a different recharge request',
        )
      if (row.status !== 'creating') return this.get(row.id)
      if (Date.now() > deadline)
        throw new DomainError(
          'conflict',
          'RECHARGE_IN_PROGRESS',
          'The first request with this Idempotency-Key is still running',
        )
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
}
