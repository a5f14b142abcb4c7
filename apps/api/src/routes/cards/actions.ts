import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { stateActions } from '@simops/carrier-sdk'
import { contextOf } from '../../plugins/auth.js'
import { errorResponses, IdParams } from '../../schemas/common.js'
import { CardSchema, StopReasonSchema, cardBody } from './schemas.js'

const tags = ['cards']
const operator = { access: 'operator' as const }

const summaries = {
  activate: '激活: activate the card at the carrier',
  suspend: '停机: suspend the card at the carrier',
  resume: '复机: resume a suspended card at the carrier',
} as const

/** Lifecycle changes and sync of one card, through its platform's carrier plugin. */
const cardActionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  for (const action of stateActions) {
    app.post(
      `/cards/:id/${action}`,
      {
        config: operator,
        schema: {
          tags,
          operationId: `${action}Card`,
          summary: summaries[action],
          description:
            'Allowed only from the states the carrier plugin declares for the action: ACTION_NOT_ALLOWED, CARD_NOT_SYNCED, CARD_CHANGE_PENDING, PLATFORM_DISABLED (409) otherwise. Carrier failures answer CARRIER_* codes naming the platform (409 invalid state/locked, 429 rate limited, 502 unreachable). Most carriers apply changes later: the card then shows `pending` until a sync sees the new state.',
          params: IdParams,
          response: { 200: CardSchema, ...errorResponses(403, 404, 409, 429, 502) },
        },
      },
      async (request) =>
        cardBody(await app.core.cardOperations.changeState(contextOf(request), request.params.id, action)),
    )
  }

  app.post(
    '/cards/:id/sync',
    {
      config: operator,
      schema: {
        tags,
        operationId: 'syncCard',
        summary: '同步: refresh status and usage from the carrier',
        description:
          'A failure is stored on the card (sync state `failed` with the message) and answered with the CARRIER_* code naming the platform.',
        params: IdParams,
        response: { 200: CardSchema, ...errorResponses(403, 404, 409, 429, 502) },
      },
    },
    async (request) => cardBody(await app.core.cardOperations.sync(contextOf(request), request.params.id)),
  )

  app.get(
    '/cards/:id/stop-reason',
    {
      schema: {
        tags,
        operationId: 'getCardStopReason',
        summary: '停机原因: why the card is stopped, where the carrier tells',
        description: 'CAPABILITY_NOT_SUPPORTED (409) when the carrier plugin offers no stop reason.',
        params: IdParams,
        response: { 200: StopReasonSchema, ...errorResponses(404, 409, 429, 502) },
      },
    },
    async (request) => app.core.cardOperations.stopReason(request.params.id),
  )
}

export default cardActionRoutes
