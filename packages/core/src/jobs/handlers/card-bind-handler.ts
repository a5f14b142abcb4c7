import type { CardService } from '../../cards/card-service.js'
import type { ItemBatch, ItemHandler } from '../item-handler.js'
import { outcomeOfError } from './item-helpers.js'

/**
 * 批量绑定 from card↔device pairs, each through the single-card bind. Binding a card to the device it
 * already holds succeeds without change, so a resumed item needs no special care.
 */
export class CardBindHandler implements ItemHandler {
  constructor(private readonly cards: CardService) {}

  chunkSize(): Promise<number> {
    return Promise.resolve(500)
  }

  async handle(batch: ItemBatch): Promise<void> {
    for (const item of batch.items) {
      if (batch.signal.aborted) return
      const deviceId = typeof item.input?.deviceId === 'string' ? item.input.deviceId : ''
      try {
        await this.cards.bind(batch.ctx, String(item.cardId ?? item.subject), deviceId)
        await batch.settle([{ seq: item.seq, result: 'ok' }])
      } catch (error) {
        await batch.settle([outcomeOfError(item.seq, error)])
      }
    }
  }
}
