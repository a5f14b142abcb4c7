import { CarrierError, isCarrierError, type CardLookup, type UsageResult } from '@simops/carrier-sdk'
import type { Kysely } from 'kysely'
import type { OperationContext } from '../actor.js'
import type { OperationLog } from '../audit/operation-log.js'
import { carrierFailure } from '../carriers/carrier-failure.js'
import type { CarrierGateway } from '../carriers/gateway.js'
import type { CarrierRegistry } from '../carriers/registry.js'
import type { CardRow, Database, PlatformRow } from '../db/schema.js'
import { eachWithLimit } from '../each-with-limit.js'
import { isDomainError } from '../errors.js'
import { platformDisabled, type PlatformService } from '../platforms/platform-service.js'
import { failedSyncColumns, observedColumns } from './card-observation.js'
import { recordDailyUsage } from './usage-daily.js'

/** Cards of one read batch whose usage is read side by side, at most, by default. */
export const DEFAULT_SYNC_PARALLELISM = 8

/** Reports how one card's sync ended: null for synced, else the failure. */
type Settle = (row: CardRow, failure: unknown) => void

export interface BatchSyncOptions {
  onProgress?: (progress: BatchSyncProgress) => void
  /** Each card as it ends: null when it synced, else the failure. */
  onCard?: (cardId: number, failure: unknown) => void
  /** Stops early, between cards; cards not reached keep their state. */
  signal?: AbortSignal
}

export interface BatchSyncProgress {
  done: number
  total: number
  ok: number
  failed: number
}

/**
 * Syncs many cards: grouped by platform, read in chunks of the plugin's `getCards` batch size
 * (the gateway keeps each platform within its rate limit), platforms in parallel. Each card ends
 * `ok` or `failed` with the reason stored on it and in the operation log. The building block of
 * scheduled and bulk sync.
 */
export class CardBatchSync {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly log: OperationLog,
    private readonly platforms: PlatformService,
    private readonly gateway: CarrierGateway,
    private readonly registry: CarrierRegistry,
    private readonly now: () => Date,
    /**
     * Cards of a read batch whose usage is read and stored side by side (fewer when the plugin
     * declares fewer requests per second). Against a real carrier each read waits mostly on the
     * network; the gateway's token bucket still keeps the calls within the declared rate.
     */
    private readonly parallelism = DEFAULT_SYNC_PARALLELISM,
  ) {}

  /** Cards that no longer exist are left out of the counts. */
  async sync(
    ctx: OperationContext,
    cardIds: readonly number[],
    options: BatchSyncOptions = {},
  ): Promise<BatchSyncProgress> {
    const { onProgress, onCard, signal } = options
    const progress: BatchSyncProgress = { done: 0, total: cardIds.length, ok: 0, failed: 0 }
    const byPlatform = new Map<string, CardRow[]>()
    for (let start = 0; start < cardIds.length; start += 1000) {
      const rows = await this.db
        .selectFrom('cards')
        .selectAll()
        .where('id', 'in', cardIds.slice(start, start + 1000))
        .execute()
      for (const row of rows) byPlatform.set(row.platformId, [...(byPlatform.get(row.platformId) ?? []), row])
    }
    progress.total = [...byPlatform.values()].reduce((sum, rows) => sum + rows.length, 0)
    const settle = (row: CardRow, failure: unknown) => {
      onCard?.(row.id, failure)
      progress.done += 1
      progress[failure === null ? 'ok' : 'failed'] += 1
      onProgress?.({ ...progress })
    }
    await Promise.all(
      [...byPlatform.entries()].map(([platformId, rows]) =>
        this.syncPlatform(ctx, platformId, rows, settle, signal),
      ),
    )
    return progress
  }

  /**
   * Syncs one card; resolves with the failure (also stored on the card and in the operation log),
   * or null when the card was synced.
   */
  async syncOne(ctx: OperationContext, row: CardRow): Promise<unknown> {
    let failure: unknown = null
    await this.syncPlatform(ctx, row.platformId, [row], (_row, outcome) => (failure = outcome), undefined)
    return failure
  }

  private async syncPlatform(
    ctx: OperationContext,
    platformId: string,
    rows: CardRow[],
    settle: Settle,
    signal: AbortSignal | undefined,
  ): Promise<void> {
    const platform = await this.db
      .selectFrom('platforms')
      .selectAll()
      .where('id', '=', platformId)
      .executeTakeFirstOrThrow()
    let definition
    try {
      if (platform.state !== 'enabled') throw platformDisabled(platform)
      definition = this.registry.get(platform.carrierId).definition
    } catch (unusable) {
      for (const row of rows) await this.fail(ctx, row, unusable, settle)
      return
    }
    const size = Math.max(1, definition.limits.batchSize.getCards)
    const lanes = Math.max(1, Math.min(this.parallelism, Math.ceil(definition.limits.requestsPerSecond)))
    const chunks: CardRow[][] = []
    for (let start = 0; start < rows.length; start += size) chunks.push(rows.slice(start, start + size))
    // Up to `lanes` usage reads at once: within a read batch, or — for carriers that read one card
    // per call (CTWing) — across several batches.
    const readLanes = Math.min(lanes, size)
    await eachWithLimit(chunks, Math.max(1, Math.floor(lanes / readLanes)), signal, (chunk) =>
      this.syncChunk(ctx, platform, chunk, readLanes, settle, signal),
    )
  }

  /** One read batch: its cards looked up in one call, then each card's usage read and stored. */
  private async syncChunk(
    ctx: OperationContext,
    platform: PlatformRow,
    chunk: readonly CardRow[],
    lanes: number,
    settle: Settle,
    signal: AbortSignal | undefined,
  ): Promise<void> {
    await this.db
      .updateTable('cards')
      .set({ syncState: 'running' })
      .where(
        'id',
        'in',
        chunk.map((row) => row.id),
      )
      .execute()
    let lookups: CardLookup[]
    try {
      lookups = (
        await this.gateway.call(this.platforms.target(platform), 'getCards', {
          iccids: chunk.map((row) => row.iccid),
        })
      ).cards
    } catch (error) {
      const failure = isCarrierError(error) ? carrierFailure(platform, error) : error
      for (const row of chunk) await this.fail(ctx, row, failure, settle)
      return
    }
    // The contract answers one entry per requested ICCID, in the requested order.
    const reached = new Set<number>()
    await eachWithLimit([...chunk.keys()], lanes, signal, async (index) => {
      const row = chunk[index]
      if (!row) return
      reached.add(index)
      await this.apply(ctx, platform, row, lookups[index], settle)
    })
    // A batch cut short leaves the cards it did not reach as they were before the sync began.
    for (const [index, row] of chunk.entries()) {
      if (reached.has(index)) continue
      await this.db.updateTable('cards').set({ syncState: row.syncState }).where('id', '=', row.id).execute()
    }
  }

  private async apply(
    ctx: OperationContext,
    platform: PlatformRow,
    row: CardRow,
    lookup: CardLookup | undefined,
    settle: Settle,
  ): Promise<void> {
    if (!lookup?.found) {
      const error = new CarrierError(
        'notFound',
        `the carrier does not know ICCID ${row.iccid} on this account`,
      )
      return this.fail(ctx, row, carrierFailure(platform, error), settle)
    }
    let usage: UsageResult | null = null
    if (this.registry.find(platform.carrierId)?.definition.capabilities.usage) {
      try {
        usage = await this.gateway.call(this.platforms.target(platform), 'getUsage', { iccid: row.iccid })
      } catch (error) {
        return this.fail(ctx, row, isCarrierError(error) ? carrierFailure(platform, error) : error, settle)
      }
    }
    const info = lookup.card
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('cards')
        .set(observedColumns(row, info, usage, this.now()))
        .where('id', '=', row.id)
        .execute()
      if (usage) await recordDailyUsage(trx, row.id, usage)
      await this.log.record(
        trx,
        ctx,
        {
          ...this.entry(row),
          details: { iccid: row.iccid, lifecycle: info.lifecycle, carrierStatus: info.carrierStatus.code },
        },
        { result: 'success' },
      )
    })
    settle(row, null)
  }

  private async fail(ctx: OperationContext, row: CardRow, error: unknown, settle: Settle): Promise<void> {
    const failure = isDomainError(error) ? error : null
    await this.db
      .updateTable('cards')
      .set(
        failedSyncColumns(
          failure?.code ?? 'INTERNAL',
          failure?.message ?? 'the sync failed unexpectedly',
          this.now(),
        ),
      )
      .where('id', '=', row.id)
      .execute()
    await this.log.record(this.db, ctx, this.entry(row), { result: 'failure', error })
    settle(row, error)
  }

  private entry(row: CardRow) {
    return {
      action: 'card.sync',
      targetType: 'card',
      targetId: String(row.id),
      targetName: row.number,
      details: { iccid: row.iccid, platformId: row.platformId },
    }
  }
}
