import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Core } from '@simops/core'
import { contextOf } from '../../plugins/auth.js'
import { errorResponses, IdParams, NoContent } from '../../schemas/common.js'
import {
  BindDeviceBody,
  CardListQuery,
  CardPageSchema,
  CardSchema,
  CarrierStatusList,
  CreateCardBody,
  IdentityCheckSchema,
  IdentityQuery,
  UpdateCardBody,
  cardBody,
  cardFilterOf,
} from './schemas.js'
import cardActionRoutes from './actions.js'

const tags = ['cards']
const operator = { access: 'operator' as const }

/** 物联卡管理: the card registry. Everyone reads; operators change cards. */
const cardRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const core: Core = app.core

  app.get(
    '/cards',
    {
      schema: {
        tags,
        operationId: 'listCards',
        summary: 'List cards with filters, sorting and paging',
        description:
          'Keyset paging: follow `nextCursor` to any depth at constant cost. `page` numbers reach the first 10,000 matches (for page-numbered views). Every sort has `id` as tiebreak.',
        querystring: CardListQuery,
        response: { 200: CardPageSchema, ...errorResponses() },
      },
    },
    async (request) => {
      const { sort, order, limit, cursor, page, ...rest } = request.query
      const filter = cardFilterOf(rest)
      const result = await core.cards.list({
        filter,
        sort: sort ?? 'createdAt',
        order: order ?? 'desc',
        limit: limit ?? 20,
        ...(cursor !== undefined ? { cursor } : {}),
        ...(page !== undefined ? { page } : {}),
      })
      return { ...result, items: result.items.map(cardBody) }
    },
  )

  app.get(
    '/cards/validate',
    {
      schema: {
        tags,
        operationId: 'validateCard',
        summary: 'Check a card number, ICCID and platform before creating a card',
        description:
          'Formats, duplicates, the carrier detected from the ICCID prefix and its match with the platform. Answers 200 with notes; a note of level `error` means creation would be refused with that code.',
        querystring: IdentityQuery,
        response: { 200: IdentityCheckSchema, ...errorResponses() },
      },
    },
    async (request) => core.cards.validate(request.query),
  )

  app.get(
    '/cards/carrier-statuses',
    {
      schema: {
        tags,
        operationId: 'listCardCarrierStatuses',
        summary: 'Carrier statuses present among the cards (options of the carrier status filter)',
        response: { 200: CarrierStatusList, ...errorResponses() },
      },
    },
    async () => core.cards.carrierStatuses(),
  )

  app.post(
    '/cards',
    {
      config: operator,
      schema: {
        tags,
        operationId: 'createCard',
        summary: 'Register a card',
        description:
          'Refused with NUMBER_INVALID, ICCID_INVALID, ICCID_CARRIER_MISMATCH (400), PLATFORM_NOT_FOUND (404), NUMBER_TAKEN, ICCID_TAKEN, ICCID_DUPLICATE_19, PLATFORM_DISABLED (409).',
        body: CreateCardBody,
        response: { 201: CardSchema, ...errorResponses(403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(cardBody(await core.cards.create(contextOf(request), request.body))),
  )

  app.get(
    '/cards/:id',
    {
      schema: {
        tags,
        operationId: 'getCard',
        summary: 'Get a card',
        params: IdParams,
        response: { 200: CardSchema, ...errorResponses(404) },
      },
    },
    async (request) => cardBody(await core.cards.get(request.params.id)),
  )

  app.patch(
    '/cards/:id',
    {
      config: operator,
      schema: {
        tags,
        operationId: 'updateCard',
        summary:
          'Change description, type, tags, expiry, IMSI/IMEI or move to another platform of the carrier',
        params: IdParams,
        body: UpdateCardBody,
        response: { 200: CardSchema, ...errorResponses(403, 404, 409) },
      },
    },
    async (request) => cardBody(await core.cards.update(contextOf(request), request.params.id, request.body)),
  )

  app.delete(
    '/cards/:id',
    {
      config: operator,
      schema: {
        tags,
        operationId: 'deleteCard',
        summary: 'Delete a card (its device is released; its records stay)',
        params: IdParams,
        response: { 204: NoContent, ...errorResponses(403, 404) },
      },
    },
    async (request, reply) => {
      await core.cards.delete(contextOf(request), request.params.id)
      return reply.code(204).send(null)
    },
  )

  app.put(
    '/cards/:id/device',
    {
      config: operator,
      schema: {
        tags,
        operationId: 'bindCardDevice',
        summary: '绑定设备: bind the card to a device',
        description:
          'One card ↔ at most one device: CARD_ALREADY_BOUND or DEVICE_ALREADY_BOUND (409) otherwise.',
        params: IdParams,
        body: BindDeviceBody,
        response: { 200: CardSchema, ...errorResponses(403, 404, 409) },
      },
    },
    async (request) =>
      cardBody(await core.cards.bind(contextOf(request), request.params.id, request.body.deviceId)),
  )

  app.delete(
    '/cards/:id/device',
    {
      config: operator,
      schema: {
        tags,
        operationId: 'unbindCardDevice',
        summary: '解绑设备: release the card from its device',
        params: IdParams,
        response: { 200: CardSchema, ...errorResponses(403, 404, 409) },
      },
    },
    async (request) => cardBody(await core.cards.unbind(contextOf(request), request.params.id)),
  )

  await app.register(cardActionRoutes)
}

export default cardRoutes
