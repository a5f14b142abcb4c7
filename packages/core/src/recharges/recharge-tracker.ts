import { isCarrierError } from '@simops/carrier-sdk'
import { sql, type Kysely } from 'kysely'
import type { OperationContext } from '../actor.js'
import type { OperationLog } from '../audit/operation-log.js'
import { carrierFailure } from '../carriers/carrier-failure.js'
import type { CarrierGateway } from '../carriers/gateway.js'
import type { CarrierRegistry } from '../carriers/registry.js'
import type { Database, RechargeRow, RechargeStatus, RechargeStatusSource } from '../db/schema.js'
import type { PlatformService } from '../platforms/platform-service.js'

/** A payment link without a stated lifetime is taken to lapse after this long. */
export const DEFAULT_LINK_LIFETIME_MINUTES = 30
/** A carrier that still says "pending" this long after the link lapsed will not see a payment any more. */
const EXPIRY_GRACE_MS = 10 * 60_000
/** How often one pending order is asked about, at most. */
const RECHECK_AFTER_MS = 60_000

/**
 * Follows pending orders to `paid`, `failed` or `expired`: from the carrier where its plugin can
 * read order status, otherwise by the payment link's lifetime. JetLinks shows no status at all.
 */
export class RechargeTracker {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly log: OperationLog,
    private readonly registry: CarrierRegistry,
    private readonly gateway: CarrierGateway,
    private readonly platforms: PlatformService,
    private readonly now: () => Date,
  ) {}

  defaultExpiry(from: Date): Date {
    return new Date(from.getTime() + DEFAULT_LINK_LIFETIME_MINUTES * 60_000)
  }

  /** Checks the pending orders not asked about in the last minute, oldest first. */
  async checkPending(ctx: OperationContext, limit = 100): Promise<{ checked: number; settled: number }> {
    const due = await this.db
      .selectFrom('recharges')
      .select('id')
      .where('status', '=', 'pending')
      .where((eb) =>
        eb.or([
          eb('checkedAt', 'is', null),
          eb('checkedAt', '<', new Date(this.now().getTime() - RECHECK_AFTER_MS)),
        ]),
      )
      .orderBy(sql`checked_at nulls first`)
      .limit(limit)
      .execute()
    let settled = 0
    for (const { id } of due) if (await this.check(ctx, id)) settled += 1
    return { checked: due.length, settled }
  }

  /**
   * Asks about one order; returns whether its status changed. A carrier failure leaves it pending and
   * is reported when `raise` is set (someone asked and waits for the answer), else retried next round.
   */
  async check(ctx: OperationContext, id: string, raise = false): Promise<boolean> {
    const row = await this.db.selectFrom('recharges').selectAll().where('id', '=', id).executeTakeFirst()
    if (!row || row.status !== 'pending' || !row.orderNo) return false
    const now = this.now()
    const lapsed = row.expiresAt !== null && now.getTime() > row.expiresAt.getTime()
    const platform = await this.db
      .selectFrom('platforms')
      .selectAll()
      .where('id', '=', row.platformId)
      .executeTakeFirst()
    const canAsk =
      platform?.state === 'enabled' &&
      this.registry.find(row.carrierId)?.definition.capabilities.rechargeStatus
    if (platform && canAsk) {
      try {
        const answer = await this.gateway.call(this.platforms.target(platform), 'getRechargeStatus', {
          orderNo: row.orderNo,
        })
        if (answer.status !== 'pending') return this.settle(ctx, row, answer.status, 'carrier', answer.paidAt)
        const stale = row.expiresAt !== null && now.getTime() > row.expiresAt.getTime() + EXPIRY_GRACE_MS
        if (stale) return this.settle(ctx, row, 'expired', 'timeout', null)
      } catch (error) {
        if (!isCarrierError(error)) throw error
        await this.db.updateTable('recharges').set({ checkedAt: now }).where('id', '=', id).execute()
        if (raise) throw carrierFailure(platform, error)
        return false
      }
      await this.db.updateTable('recharges').set({ checkedAt: now }).where('id', '=', id).execute()
      return false
    }
    if (lapsed) return this.settle(ctx, row, 'expired', 'timeout', null)
    await this.db.updateTable('recharges').set({ checkedAt: now }).where('id', '=', id).execute()
    return false
  }

  private async settle(
    ctx: OperationContext,
    row: RechargeRow,
    status: Exclude<RechargeStatus, 'creating' | 'pending'>,
    source: RechargeStatusSource,
    paidAt: Date | null,
  ): Promise<boolean> {
    const now = this.now()
    return this.db.transaction().execute(async (trx) => {
      // Only a still-pending order moves: a concurrent check or confirmation wins.
      const moved = await trx
        .updateTable('recharges')
        .set({
          status,
          statusSource: source,
          paidAt: status === 'paid' ? (paidAt ?? now) : null,
          checkedAt: now,
          updatedAt: now,
        })
        .where('id', '=', row.id)
        .where('status', '=', 'pending')
        .executeTakeFirst()
      if (Number(moved.numUpdatedRows) === 0) return false
      await this.log.record(
        trx,
        ctx,
        {
          action: 'recharge.status',
          targetType: 'recharge',
          targetId: row.id,
          targetName: row.orderNo,
          details: { status, source },
        },
        { result: 'success' },
      )
      return true
    })
  }
}
