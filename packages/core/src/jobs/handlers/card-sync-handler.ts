import type { Kysely } from 'kysely'
import type { CardBatchSync } from '../../cards/card-batch-sync.js'
import type { CarrierRegistry } from '../../carriers/registry.js'
import type { Database } from '../../db/schema.js'
import type { ItemBatch, ItemHandler } from '../item-handler.js'
import type { ItemOutcome } from '../job-results.js'
import { carrierOf } from './card-state-handler.js'
import { outcomeOfError } from './item-helpers.js'

/**
 * Cards per round: one of the plugin's read batches, so progress shows and a cancel takes effect
 * batch by batch; at least a few dozen, so carriers that read one card per call (CTWing) do not pay
 * a round's bookkeeping for every card.
 */
const MIN_ROUND = 25

/**
 * 同步状态 over many cards: the batch sync reads each platform's cards in chunks of its `getCards`
 * batch size. Reading twice is harmless, so a resumed chunk is simply read again.
 */
export class CardSyncHandler implements ItemHandler {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly sync: CardBatchSync,
    private readonly registry: CarrierRegistry,
  ) {}

  async chunkSize(platformId: string | null): Promise<number> {
    const carrier = await carrierOf(this.db, this.registry, platformId)
    return Math.max(MIN_ROUND, carrier?.definition.limits.batchSize.getCards ?? 50)
  }

  async handle(batch: ItemBatch): Promise<void> {
    const outcomes = new Map<number, ItemOutcome>()
    const seqOfCard = new Map<number, number>()
    for (const item of batch.items) if (item.cardId !== null) seqOfCard.set(item.cardId, item.seq)
    await this.sync.sync(batch.ctx, [...seqOfCard.keys()], {
      signal: batch.signal,
      onCard: (cardId, failure) => {
        const seq = seqOfCard.get(cardId)
        if (seq === undefined) return
        outcomes.set(seq, failure === null ? { seq, result: 'ok' } : outcomeOfError(seq, failure))
      },
    })
    if (!batch.signal.aborted) {
      // Cards deleted since the job started (or ids that never existed) are skipped.
      for (const item of batch.items)
        if (!outcomes.has(item.seq))
          outcomes.set(item.seq, {
            seq: item.seq,
            result: 'skipped',
            code: 'CARD_NOT_FOUND',
            message: `Card ${item.subject} does not exist`,
          })
    }
    await batch.settle([...outcomes.values()])
  }
}
