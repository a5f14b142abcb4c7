import { isCarrierError, type Lifecycle, type StateAction, type StopReasonResult } from '@simops/carrier-sdk'
import type { Kysely } from 'kysely'
import type { OperationContext } from '../actor.js'
import type { OperationLog } from '../audit/operation-log.js'
import { carrierFailure } from '../carriers/carrier-failure.js'
import type { CarrierGateway } from '../carriers/gateway.js'
import type { CarrierRegistry } from '../carriers/registry.js'
import type { CardRow, Database, PlatformRow } from '../db/schema.js'
import { DomainError } from '../errors.js'
import { platformDisabled, type PlatformService } from '../platforms/platform-service.js'
import { actionTarget, asLifecycle, pendingHolds, type Card } from './card.js'
import type { CardBatchSync } from './card-batch-sync.js'
import type { CardService } from './card-service.js'

/** 激活 / 停机 / 复机 / 同步 for one card, through its platform's plugin; every attempt is audited. */
export class CardOperations {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly log: OperationLog,
    private readonly cards: CardService,
    private readonly platforms: PlatformService,
    private readonly gateway: CarrierGateway,
    private readonly registry: CarrierRegistry,
    private readonly batch: CardBatchSync,
    private readonly now: () => Date,
  ) {}

  async changeState(ctx: OperationContext, id: string, action: StateAction): Promise<Card> {
    const card = await this.cards.row(this.db, id)
    const entry = {
      action: `card.${action}`,
      targetType: 'card',
      targetId: id,
      targetName: card.number,
      details: { iccid: card.iccid, platformId: card.platformId, from: card.lifecycle },
    }
    try {
      const platform = await this.enabledPlatform(card)
      this.assertAllowed(card, platform, action)
      let result
      try {
        result = await this.gateway.call(this.platforms.target(platform), 'changeState', {
          iccid: card.iccid,
          action,
          from: asLifecycle(card.lifecycle),
        })
      } catch (error) {
        throw isCarrierError(error) ? carrierFailure(platform, error) : error
      }
      const at = this.now()
      await this.db.transaction().execute(async (trx) => {
        await trx
          .updateTable('cards')
          .set(
            result.outcome === 'applied'
              ? { lifecycle: actionTarget[action], pendingAction: null, pendingSince: null, pendingRef: null }
              : { pendingAction: action, pendingSince: at, pendingRef: result.carrierRef },
          )
          .set({ updatedAt: at })
          .where('id', '=', card.id)
          .execute()
        await this.log.record(
          trx,
          ctx,
          { ...entry, details: { ...entry.details, outcome: result.outcome, carrierRef: result.carrierRef } },
          { result: 'success' },
        )
      })
    } catch (error) {
      await this.log.record(this.db, ctx, entry, { result: 'failure', error }).catch(() => undefined)
      throw error
    }
    return this.cards.get(id)
  }

  /**
   * Reads status (and usage, where the carrier offers it) from the carrier and stores it. A failure is
   * stored on the card as its sync state and message, and reported. The same path as batch sync.
   */
  async sync(ctx: OperationContext, id: string): Promise<Card> {
    const failure = await this.batch.syncOne(ctx, await this.cards.row(this.db, id))
    if (failure !== null) throw failure
    return this.cards.get(id)
  }

  /** 停机原因: why a card is stopped, where the carrier tells. */
  async stopReason(id: string): Promise<StopReasonResult> {
    const card = await this.cards.row(this.db, id)
    const platform = await this.enabledPlatform(card)
    if (!this.registry.get(platform.carrierId).definition.capabilities.stopReason)
      throw new DomainError(
        'conflict',
        'CAPABILITY_NOT_SUPPORTED',
        `The ${platform.carrierId} plugin of platform "${platform.name}" cannot tell why a card is stopped`,
      )
    try {
      return await this.gateway.call(this.platforms.target(platform), 'getStopReason', { iccid: card.iccid })
    } catch (error) {
      throw isCarrierError(error) ? carrierFailure(platform, error) : error
    }
  }

  /**
   * What the carrier reports as the lifecycle of some cards of one platform, read in chunks of its
   * getCards batch size; cards it does not know are left out.
   */
  async carrierLifecycles(platformId: string, iccids: readonly string[]): Promise<Map<string, Lifecycle>> {
    const platform = await this.enabledPlatform({ platformId })
    const size = Math.max(1, this.registry.get(platform.carrierId).definition.limits.batchSize.getCards)
    const found = new Map<string, Lifecycle>()
    for (let start = 0; start < iccids.length; start += size) {
      try {
        const { cards } = await this.gateway.call(this.platforms.target(platform), 'getCards', {
          iccids: iccids.slice(start, start + size),
        })
        for (const lookup of cards) if (lookup.found) found.set(lookup.iccid, lookup.card.lifecycle)
      } catch (error) {
        throw isCarrierError(error) ? carrierFailure(platform, error) : error
      }
    }
    return found
  }

  async enabledPlatform(card: Pick<CardRow, 'platformId'>): Promise<PlatformRow> {
    const platform = await this.db
      .selectFrom('platforms')
      .selectAll()
      .where('id', '=', card.platformId)
      .executeTakeFirstOrThrow()
    if (platform.state !== 'enabled') throw platformDisabled(platform)
    return platform
  }

  private assertAllowed(card: CardRow, platform: PlatformRow, action: StateAction): void {
    const { definition } = this.registry.get(platform.carrierId)
    const transitions = definition.capabilities.changeState?.transitions
    const from = transitions?.[action]
    if (!from)
      throw new DomainError(
        'conflict',
        'ACTION_NOT_SUPPORTED',
        `The ${platform.carrierId} plugin of platform "${platform.name}" cannot ${action} cards`,
      )
    const lifecycle = asLifecycle(card.lifecycle)
    if (lifecycle === 'unknown')
      throw new DomainError(
        'conflict',
        'CARD_NOT_SYNCED',
        `Card ${card.number} has not been synced yet, so its state is unknown; sync it first`,
      )
    if (pendingHolds(card, definition.limits.lockSeconds, this.now()))
      throw new DomainError(
        'conflict',
        'CARD_CHANGE_PENDING',
        `Card ${card.number} has a ${card.pendingAction ?? ''} request pending at the carrier; sync it to see the result`,
        { pendingAction: card.pendingAction },
      )
    if (!from.includes(lifecycle))
      throw new DomainError(
        'conflict',
        'ACTION_NOT_ALLOWED',
        `Card ${card.number} is ${lifecycle}; ${action} is possible only from: ${from.join(', ')}`,
        { lifecycle, allowedFrom: from },
      )
  }
}
