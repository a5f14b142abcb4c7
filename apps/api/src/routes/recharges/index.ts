import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ACCOUNT_ID_MAX_LENGTH, type Recharge } from '@simops/core'
import { paymentMethods } from '@simops/carrier-sdk'
import { Type, type Static } from 'typebox'
import { contextOf } from '../../plugins/auth.js'
import {
  errorResponses,
  isoOrNull,
  NullableTimestamp,
  queryTimeRange,
  Timestamp,
} from '../../schemas/common.js'

const tags = ['recharges']

const RechargeStatus = Type.Enum(['pending', 'paid', 'failed', 'expired'], { title: 'RechargeStatus' })

const RechargeSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    platform: Type.Object({ id: Type.String(), name: Type.String(), carrierId: Type.String() }),
    accountId: Type.String(),
    amountFen: Type.Integer({ description: 'Amount in fen (1 元 = 100 fen)' }),
    amount: Type.String({ description: 'Amount in 元 with two decimals, e.g. "12.50"' }),
    paymentMethod: Type.Enum(paymentMethods),
    orderNo: Type.String({ description: "The carrier's order number" }),
    paymentUrl: Type.String({ description: 'Where the payer completes the payment' }),
    status: RechargeStatus,
    statusSource: Type.Union([Type.Enum(['carrier', 'manual', 'timeout']), Type.Null()], {
      description: "Who settled the status: the carrier's answer, an administrator, or the link's lifetime",
    }),
    expiresAt: NullableTimestamp,
    paidAt: NullableTimestamp,
    checkedAt: NullableTimestamp,
    note: Type.Union([Type.String(), Type.Null()]),
    createdBy: Type.Object({ id: Type.Union([Type.String(), Type.Null()]), name: Type.String() }),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { title: 'Recharge' },
)

function rechargeBody(recharge: Recharge): Static<typeof RechargeSchema> {
  return {
    ...recharge,
    expiresAt: isoOrNull(recharge.expiresAt),
    paidAt: isoOrNull(recharge.paidAt),
    checkedAt: isoOrNull(recharge.checkedAt),
    createdAt: recharge.createdAt.toISOString(),
    updatedAt: recharge.updatedAt.toISOString(),
  }
}

const CreateRechargeBody = Type.Object(
  {
    platformId: Type.String({
      format: 'uuid',
      description: 'An enabled platform whose carrier takes recharges',
    }),
    accountId: Type.String({ minLength: 1, maxLength: ACCOUNT_ID_MAX_LENGTH, description: '账户id' }),
    amount: Type.Union([Type.Number(), Type.String({ maxLength: 16 })], {
      description: 'In 元, at most two decimals, within the carrier’s range (OneLink: 1–500)',
    }),
    paymentMethod: Type.Enum(paymentMethods),
    returnUrl: Type.Optional(Type.String({ format: 'uri', maxLength: 512 })),
  },
  { additionalProperties: false, title: 'CreateRecharge' },
)

const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 128,
      pattern: '^[\\x21-\\x7E]+$',
      description: 'Repeat a request with the same key to get the first order back instead of a second one',
    }),
  ),
})

const ListQuery = Type.Object(
  {
    platformId: Type.Optional(Type.String({ format: 'uuid' })),
    accountId: Type.Optional(Type.String({ maxLength: ACCOUNT_ID_MAX_LENGTH })),
    orderNo: Type.Optional(Type.String({ maxLength: 64 })),
    paymentMethod: Type.Optional(Type.Enum(paymentMethods)),
    status: Type.Optional(RechargeStatus),
    amount: Type.Optional(
      Type.String({ pattern: '^\\d{1,9}(\\.\\d{1,2})?$', description: 'Exact amount in 元' }),
    ),
    from: Type.Optional(Type.String({ format: 'date-time' })),
    to: Type.Optional(Type.String({ format: 'date-time' })),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  },
  { additionalProperties: false },
)

const RechargePage = Type.Object(
  {
    items: Type.Array(RechargeSchema),
    total: Type.Integer(),
    page: Type.Integer(),
    pageSize: Type.Integer(),
  },
  { title: 'RechargePage' },
)

const ConfirmBody = Type.Object(
  {
    status: Type.Enum(['paid', 'failed']),
    note: Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'What the carrier’s portal showed, and where',
    }),
  },
  { additionalProperties: false, title: 'ConfirmRecharge' },
)

const Params = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) })

/** 充值管理: top-up orders and their status. Everyone reads; operators recharge; admins confirm by hand. */
const rechargeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/recharges',
    {
      schema: {
        tags,
        operationId: 'listRecharges',
        summary: 'List recharge orders, newest first',
        querystring: ListQuery,
        response: { 200: RechargePage, ...errorResponses() },
      },
    },
    async (request) => {
      const { from, to, amount, page = 1, pageSize = 20, ...filters } = request.query
      const [whole = '0', cents = ''] = amount?.split('.') ?? []
      const result = await app.core.recharges.list({
        ...filters,
        ...(amount !== undefined ? { amountFen: Number(whole) * 100 + Number(cents.padEnd(2, '0')) } : {}),
        ...queryTimeRange(from, to),
        page,
        pageSize,
      })
      return { items: result.items.map(rechargeBody), total: result.total, page, pageSize }
    },
  )

  app.post(
    '/recharges',
    {
      config: { access: 'operator' },
      schema: {
        tags,
        operationId: 'createRecharge',
        summary: '充值: place a top-up order and get its payment URL',
        description:
          'The carrier issues the order and the payment page; its result is authoritative. Refused with AMOUNT_INVALID, PAYMENT_METHOD_UNSUPPORTED (400), PLATFORM_NOT_FOUND (404), PLATFORM_DISABLED, RECHARGE_NOT_SUPPORTED, IDEMPOTENCY_KEY_REUSED (409), CARRIER_RATE_LIMITED (429), other CARRIER_* (502); nothing is stored then. With an Idempotency-Key a repeated request answers 200 with the first order (header idempotent-replayed: true).',
        headers: IdempotencyHeaders,
        body: CreateRechargeBody,
        response: { 201: RechargeSchema, 200: RechargeSchema, ...errorResponses(403, 404, 409, 429, 502) },
      },
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key']
      const { recharge, replayed } = await app.core.recharges.create(contextOf(request), {
        ...request.body,
        ...(key ? { idempotencyKey: key } : {}),
      })
      if (replayed) reply.header('idempotent-replayed', 'true')
      return reply.code(replayed ? 200 : 201).send(rechargeBody(recharge))
    },
  )

  app.get(
    '/recharges/:id',
    {
      schema: {
        tags,
        operationId: 'getRecharge',
        summary: 'Get a recharge order',
        params: Params,
        response: { 200: RechargeSchema, ...errorResponses(404) },
      },
    },
    async (request) => rechargeBody(await app.core.recharges.get(request.params.id)),
  )

  app.post(
    '/recharges/:id/refresh',
    {
      config: { access: 'operator' },
      schema: {
        tags,
        operationId: 'refreshRecharge',
        summary: 'Ask the carrier about a pending order now',
        description:
          'Pending orders are also checked every minute in the background; a lapsed link expires the order.',
        params: Params,
        response: { 200: RechargeSchema, ...errorResponses(403, 404) },
      },
    },
    async (request) => rechargeBody(await app.core.recharges.refresh(contextOf(request), request.params.id)),
  )

  app.post(
    '/recharges/:id/confirm',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        operationId: 'confirmRecharge',
        summary: 'Record the outcome by hand (paid or failed), with a note',
        description:
          'For a pending or expired order whose outcome the carrier’s own portal shows. RECHARGE_SETTLED (409) once paid or failed.',
        params: Params,
        body: ConfirmBody,
        response: { 200: RechargeSchema, ...errorResponses(403, 404, 409) },
      },
    },
    async (request) =>
      rechargeBody(await app.core.recharges.confirm(contextOf(request), request.params.id, request.body)),
  )
}

export default rechargeRoutes
