import type { StateAction } from '@simops/carrier-sdk'
import type { Kysely } from 'kysely'
import { actionTarget } from '../../cards/card.js'
import type { OperationLog } from '../../audit/operation-log.js'
import type { CardOperations } from '../../cards/card-operations.js'
import type { CarrierRegistry } from '../../carriers/registry.js'
import type { Database, JobItemRow } from '../../db/schema.js'
import type { ItemBatch, ItemHandler } from '../item-handler.js'
import { eachWithLimit } from '../../each-with-limit.js'
import { markAttempted, outcomeOfError } from './item-helpers.js'

/** Most changes in flight at once per platform; the gateway's rate limit paces them further. */
const MAX_PARALLEL_CHANGES = 8
/** Items per round: progress, cancels and lease renewals happen between rounds. */
const ROUND_SIZE = 50

/**
 * 批量激活 / 停机 / 复机: each card through the same path as a single-card change (checks, carrier call,
 * pending state, audit). A resumed item whose change was already recorded under this job, or which
 * the carrier shows done while our record does not, ends ok without a second request.
 */
export class CardStateHandler implements ItemHandler {
  constructor(
    private readonly action: StateAction,
    private readonly db: Kysely<Database>,
    private readonly operations: CardOperations,
    private readonly registry: CarrierRegistry,
    private readonly log: OperationLog,
  ) {}

  async chunkSize(platformId: string | null): Promise<number> {
    const carrier = await carrierOf(this.db, this.registry, platformId)
    // Each change is its own call (the contract's changeState takes one card); a round holds several
    // so they can run side by side within the rate limit.
    return Math.max(ROUND_SIZE, carrier?.definition.limits.batchSize.changeState ?? 1)
  }

  async handle(batch: ItemBatch): Promise<void> {
    const resumed = batch.items.filter((item) => item.attemptedAt !== null)
    const alreadySent = await this.acceptedBefore(batch.job.id, resumed)
    const applied = await this.appliedAtCarrier(
      batch,
      resumed.filter((item) => !alreadySent.has(item.seq)),
    )
    await markAttempted(this.db, batch.items)
    const carrier = await carrierOf(this.db, this.registry, batch.platformId)
    const lanes = Math.min(MAX_PARALLEL_CHANGES, Math.ceil(carrier?.definition.limits.requestsPerSecond ?? 1))
    await eachWithLimit(batch.items, lanes, batch.signal, async (item) => {
      if (alreadySent.has(item.seq)) {
        await batch.settle([
          {
            seq: item.seq,
            result: 'ok',
            code: 'ALREADY_ACCEPTED',
            message: 'accepted before the job resumed',
          },
        ])
        return
      }
      const card = applied.get(item.seq)
      if (card) {
        // The change reached the carrier but its record did not reach us before the crash: record it now.
        await this.log.record(
          this.db,
          batch.ctx,
          {
            action: `card.${this.action}`,
            targetType: 'card',
            targetId: String(card.id),
            targetName: card.number,
            details: { iccid: card.iccid, outcome: 'applied', resumed: true },
          },
          { result: 'success' },
        )
        await batch.settle([
          {
            seq: item.seq,
            result: 'ok',
            code: 'ALREADY_APPLIED',
            message: 'the carrier shows it done; not sent again',
          },
        ])
        return
      }
      try {
        await this.operations.changeState(batch.ctx, String(item.cardId ?? ''), this.action)
        await batch.settle([{ seq: item.seq, result: 'ok' }])
      } catch (error) {
        await batch.settle([outcomeOfError(item.seq, error)])
      }
    })
  }

  /**
   * A resumed item whose attempt left no trace here may still have reached the carrier just before
   * the worker died: ask the carrier, and count a card already in the target state as done. Only a
   * card our record still shows outside the target state qualifies — one already there before the job
   * (a suspend of a suspended card) goes through the normal path and is skipped as not allowed. (A
   * change the carrier accepted but has not applied yet cannot be told apart; that one is sent again.)
   */
  private async appliedAtCarrier(
    batch: ItemBatch,
    items: readonly JobItemRow[],
  ): Promise<Map<number, { id: number; number: string; iccid: string }>> {
    const done = new Map<number, { id: number; number: string; iccid: string }>()
    const ids = items.flatMap((item) => (item.cardId === null ? [] : [item.cardId]))
    if (ids.length === 0 || batch.platformId === null) return done
    const cards = await this.db
      .selectFrom('cards')
      .select(['id', 'number', 'iccid'])
      .where('id', 'in', ids)
      .where('lifecycle', '!=', actionTarget[this.action])
      .execute()
    if (cards.length === 0) return done
    let lifecycles: Map<string, string>
    try {
      lifecycles = await this.operations.carrierLifecycles(
        batch.platformId,
        cards.map((card) => card.iccid),
      )
    } catch {
      return done // The carrier cannot tell now; the change itself will meet the same trouble and say so.
    }
    const byId = new Map(cards.map((card) => [card.id, card]))
    for (const item of items) {
      const card = item.cardId === null ? undefined : byId.get(item.cardId)
      if (card && lifecycles.get(card.iccid) === actionTarget[this.action]) done.set(item.seq, card)
    }
    return done
  }

  /**
   * Resumed items whose change this job already recorded: the card update and its success audit row
   * (tagged with the job) are written in one transaction, so that row is proof the change was sent
   * and stored — unlike the card's state, which a suspend of an already suspended card also shows.
   */
  private async acceptedBefore(jobId: string, items: readonly JobItemRow[]): Promise<Set<number>> {
    const found = new Set<number>()
    const ids = items.flatMap((item) => (item.cardId === null ? [] : [String(item.cardId)]))
    if (ids.length === 0) return found
    const recorded = await this.db
      .selectFrom('operations')
      .select('targetId')
      .where('jobId', '=', jobId)
      .where('action', '=', `card.${this.action}`)
      .where('result', '=', 'success')
      .where('targetType', '=', 'card')
      .where('targetId', 'in', ids)
      .execute()
    const done = new Set(recorded.map((row) => row.targetId))
    for (const item of items) if (item.cardId !== null && done.has(String(item.cardId))) found.add(item.seq)
    return found
  }
}

export async function carrierOf(db: Kysely<Database>, registry: CarrierRegistry, platformId: string | null) {
  if (platformId === null) return undefined
  const platform = await db
    .selectFrom('platforms')
    .select('carrierId')
    .where('id', '=', platformId)
    .executeTakeFirst()
  return platform ? registry.find(platform.carrierId) : undefined
}
