import type { Kysely } from 'kysely'
import type { CardService } from '../../cards/card-service.js'
import type { Database } from '../../db/schema.js'
import { isDomainError } from '../../errors.js'
import type { ItemBatch, ItemHandler } from '../item-handler.js'
import { markAttempted, outcomeOfError } from './item-helpers.js'

/** 批量删除: each card through the single-card delete (which releases its device and is audited). */
export class CardDeleteHandler implements ItemHandler {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly cards: CardService,
  ) {}

  chunkSize(): Promise<number> {
    return Promise.resolve(500)
  }

  async handle(batch: ItemBatch): Promise<void> {
    await markAttempted(this.db, batch.items)
    for (const item of batch.items) {
      if (batch.signal.aborted) return
      try {
        await this.cards.delete(batch.ctx, String(item.cardId ?? item.subject))
        await batch.settle([{ seq: item.seq, result: 'ok' }])
      } catch (error) {
        // Attempted before a crash and gone now: the delete went through before the job resumed.
        const doneBefore =
          item.attemptedAt !== null && isDomainError(error) && error.code === 'CARD_NOT_FOUND'
        await batch.settle([
          doneBefore
            ? {
                seq: item.seq,
                result: 'ok',
                code: 'ALREADY_DELETED',
                message: 'deleted before the job resumed',
              }
            : outcomeOfError(item.seq, error),
        ])
      }
    }
  }
}
