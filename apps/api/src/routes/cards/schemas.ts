import {
  CARD_DESCRIPTION_MAX_LENGTH,
  CARD_TAG_MAX_LENGTH,
  CARD_TAGS_MAX,
  cardSortKeys,
  cardTypes,
  syncStates,
  type Card,
  type CardFilter,
} from '@simops/core'
import { blockReasons, lifecycles, stateActions } from '@simops/carrier-sdk'
import { Type, type Static, type TSchema } from 'typebox'
import { isoOrNull, NullableTimestamp, queryTimeRange, Timestamp } from '../../schemas/common.js'

const literals = <const T extends string[]>(values: readonly [...T], title?: string) =>
  Type.Enum(values, title ? { title } : {})

export const CardType = literals(cardTypes, 'CardType')
export const Lifecycle = literals(lifecycles, 'Lifecycle')
export const SyncState = literals(syncStates, 'SyncState')
export const StateAction = literals(stateActions, 'StateAction')
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()])
const LocalizedLabel = Type.Record(Type.String(), Type.String(), {
  description: 'Text by locale (zh-CN, en)',
})

export const CardSchema = Type.Object(
  {
    id: Type.String({ description: 'Card id (digits)' }),
    number: Type.String({ description: '卡号: MSISDN / access number' }),
    iccid: Type.String({ description: 'Normalised ICCID, 19 or 20 characters' }),
    iccid19: Type.String({ description: 'First 19 digits of the ICCID' }),
    imsi: Nullable(Type.String()),
    imei: Nullable(Type.String()),
    platform: Type.Object({
      id: Type.String({ format: 'uuid' }),
      name: Type.String(),
      carrierId: Type.String(),
      state: literals(['enabled', 'disabled'] as const),
    }),
    carrierId: Type.String(),
    type: CardType,
    description: Type.String(),
    tags: Type.Array(Type.String()),
    expiresOn: Nullable(Type.String({ format: 'date' })),
    device: Nullable(
      Type.Object({
        id: Type.String(),
        name: Type.String(),
        state: literals(['online', 'offline', 'disabled'] as const),
      }),
    ),
    boundAt: NullableTimestamp,
    lifecycle: Lifecycle,
    carrierStatus: Nullable(
      Type.Object({ code: Type.String({ description: "The carrier's raw code" }), label: LocalizedLabel }),
    ),
    block: Nullable(literals(blockReasons, 'BlockReason')),
    platformType: Nullable(Type.String()),
    activatedAt: NullableTimestamp,
    usage: Nullable(
      Type.Object({
        totalBytes: Nullable(Type.Integer()),
        usedBytes: Type.Integer(),
        remainingBytes: Nullable(Type.Integer()),
        asOf: Timestamp,
      }),
    ),
    pending: Nullable(
      Type.Object({ action: StateAction, since: Timestamp, carrierRef: Nullable(Type.String()) }),
    ),
    sync: Type.Object({
      state: SyncState,
      at: NullableTimestamp,
      error: Nullable(Type.Object({ code: Type.String(), message: Type.String() })),
    }),
    actions: Type.Array(StateAction, {
      description: "Lifecycle actions possible now (the carrier's transitions from the current state)",
    }),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { title: 'Card' },
)

export function cardBody(card: Card): Static<typeof CardSchema> {
  return {
    ...card,
    block: card.block as Static<typeof CardSchema>['block'],
    boundAt: isoOrNull(card.boundAt),
    activatedAt: isoOrNull(card.activatedAt),
    usage: card.usage ? { ...card.usage, asOf: card.usage.asOf.toISOString() } : null,
    pending: card.pending ? { ...card.pending, since: card.pending.since.toISOString() } : null,
    sync: { ...card.sync, at: isoOrNull(card.sync.at) },
    createdAt: card.createdAt.toISOString(),
    updatedAt: card.updatedAt.toISOString(),
  }
}

const Description = Type.String({ maxLength: CARD_DESCRIPTION_MAX_LENGTH })
const Tags = Type.Array(Type.String({ maxLength: CARD_TAG_MAX_LENGTH }), { maxItems: CARD_TAGS_MAX })
const Day = Type.String({ description: 'YYYY-MM-DD', maxLength: 10 })

export const CreateCardBody = Type.Object(
  {
    number: Type.String({ minLength: 1, maxLength: 64, description: '卡号: 11–13 digits' }),
    iccid: Type.String({ minLength: 1, maxLength: 64 }),
    platformId: Type.String({
      format: 'uuid',
      description: 'An enabled platform config of the card’s carrier',
    }),
    type: CardType,
    description: Type.Optional(Description),
    imsi: Type.Optional(Nullable(Type.String({ maxLength: 15 }))),
    imei: Type.Optional(Nullable(Type.String({ maxLength: 16 }))),
    expiresOn: Type.Optional(Nullable(Day)),
    tags: Type.Optional(Tags),
  },
  { additionalProperties: false, title: 'CreateCard' },
)

export const UpdateCardBody = Type.Object(
  {
    description: Type.Optional(Description),
    type: Type.Optional(CardType),
    tags: Type.Optional(Tags),
    expiresOn: Type.Optional(Nullable(Day)),
    imsi: Type.Optional(Nullable(Type.String({ maxLength: 15 }))),
    imei: Type.Optional(Nullable(Type.String({ maxLength: 16 }))),
    platformId: Type.Optional(
      Type.String({ format: 'uuid', description: 'Move the card to another platform config of its carrier' }),
    ),
  },
  { additionalProperties: false, minProperties: 1, title: 'UpdateCard' },
)

export const BindDeviceBody = Type.Object(
  { deviceId: Type.String({ minLength: 1, maxLength: 64 }) },
  { additionalProperties: false, title: 'BindDevice' },
)

const Strings = <T extends TSchema>(items: T, description: string) =>
  Type.Optional(Type.Array(items, { maxItems: 50, description }))

/** The card filter, shared by the list and (later) bulk jobs and exports. */
export const CardFilterQuery = {
  q: Type.Optional(
    Type.String({
      maxLength: 64,
      description: 'Identifier prefix (number, ICCID, IMSI) or words of the description / device id',
    }),
  ),
  number: Type.Optional(Type.String({ maxLength: 64, description: 'Card number prefix' })),
  iccid: Type.Optional(Type.String({ maxLength: 64, description: 'ICCID prefix' })),
  deviceId: Type.Optional(Type.String({ maxLength: 64, description: 'Bound device id' })),
  bound: Type.Optional(Type.Boolean({ description: 'true: bound to a device; false: unbound' })),
  platformId: Strings(Type.String({ format: 'uuid' }), 'Platform configs (repeat the parameter for several)'),
  carrierId: Strings(Type.String({ maxLength: 32 }), 'Carriers'),
  type: Strings(CardType, 'Card types'),
  lifecycle: Strings(Lifecycle, 'Unified statuses'),
  carrierStatus: Strings(
    Type.String({ pattern: '^[a-z0-9_-]+:.{0,64}$' }),
    'Carrier statuses as carrierId:code (see /cards/carrier-statuses)',
  ),
  syncState: Strings(SyncState, 'Sync states'),
  tag: Strings(Type.String({ maxLength: CARD_TAG_MAX_LENGTH }), 'Cards carrying all these tags'),
  activatedFrom: Type.Optional(
    Type.String({ format: 'date-time', description: 'Activation date, inclusive' }),
  ),
  activatedTo: Type.Optional(Type.String({ format: 'date-time', description: 'Activation date, exclusive' })),
  updatedFrom: Type.Optional(Type.String({ format: 'date-time', description: 'Update time, inclusive' })),
  updatedTo: Type.Optional(Type.String({ format: 'date-time', description: 'Update time, exclusive' })),
}

export const CardListQuery = Type.Object(
  {
    ...CardFilterQuery,
    sort: Type.Optional(literals(cardSortKeys, 'CardSortKey')),
    order: Type.Optional(literals(['asc', 'desc'] as const)),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
    cursor: Type.Optional(Type.String({ maxLength: 512, description: 'nextCursor of the previous page' })),
    page: Type.Optional(
      Type.Integer({
        minimum: 1,
        description: 'Page number (within the first 10,000 matches); or use cursor',
      }),
    ),
  },
  { additionalProperties: false },
)

type FilterQuery = Static<Type.TObject<typeof CardFilterQuery>>

/** The querystring filter as core's CardFilter; a date range whose end is not after its start is refused. */
export function cardFilterOf(query: FilterQuery): CardFilter {
  const activated = queryTimeRange(query.activatedFrom, query.activatedTo, {
    from: 'activatedFrom',
    to: 'activatedTo',
  })
  const updated = queryTimeRange(query.updatedFrom, query.updatedTo, { from: 'updatedFrom', to: 'updatedTo' })
  return {
    ...(query.q !== undefined ? { q: query.q } : {}),
    ...(query.number !== undefined ? { number: query.number } : {}),
    ...(query.iccid !== undefined ? { iccid: query.iccid } : {}),
    ...(query.deviceId !== undefined ? { deviceId: query.deviceId } : {}),
    ...(query.bound !== undefined ? { bound: query.bound } : {}),
    ...(query.platformId ? { platformIds: query.platformId } : {}),
    ...(query.carrierId ? { carrierIds: query.carrierId } : {}),
    ...(query.type ? { types: query.type } : {}),
    ...(query.lifecycle ? { lifecycles: query.lifecycle } : {}),
    ...(query.carrierStatus ? { carrierStatuses: query.carrierStatus } : {}),
    ...(query.syncState ? { syncStates: query.syncState } : {}),
    ...(query.tag ? { tags: query.tag } : {}),
    ...(activated.from ? { activatedFrom: activated.from } : {}),
    ...(activated.to ? { activatedTo: activated.to } : {}),
    ...(updated.from ? { updatedFrom: updated.from } : {}),
    ...(updated.to ? { updatedTo: updated.to } : {}),
  }
}

export const CardPageSchema = Type.Object(
  {
    items: Type.Array(CardSchema),
    nextCursor: Nullable(Type.String({ description: 'Pass as `cursor` for the next page; null at the end' })),
    total: Type.Integer({ description: 'Matching cards, counted up to 10,000' }),
    totalCapped: Type.Boolean({ description: 'true when more than `total` cards match' }),
  },
  { title: 'CardPage' },
)

export const IdentityQuery = Type.Object(
  {
    number: Type.Optional(Type.String({ maxLength: 64 })),
    iccid: Type.Optional(Type.String({ maxLength: 64 })),
    platformId: Type.Optional(Type.String({ maxLength: 64 })),
  },
  { additionalProperties: false },
)

const Level = literals(['error', 'warning', 'info'] as const)

export const IdentityCheckSchema = Type.Object(
  {
    ok: Type.Boolean({ description: 'false when any note is an error (creation would be refused)' }),
    number: Nullable(Type.String({ description: 'The number as it would be stored' })),
    iccid: Nullable(
      Type.Object({
        input: Type.String(),
        iccid: Nullable(Type.String({ description: 'Normalised form, as stored' })),
        iccid19: Nullable(Type.String()),
        fullForm: Nullable(Type.String({ description: 'With the computed check digit, for 19-digit input' })),
        luhn: Nullable(literals(['valid', 'invalid', 'absent', 'letter'] as const)),
        carrier: Nullable(
          Type.Object({
            prefix: Type.String(),
            carrierId: Nullable(Type.String()),
            carrierName: Nullable(LocalizedLabel),
            confidence: literals(['high', 'medium-high', 'low', 'declared'] as const),
          }),
        ),
        notes: Type.Array(Type.Object({ code: Type.String(), level: Level, message: Type.String() })),
      }),
    ),
    notes: Type.Array(
      Type.Object({
        field: literals(['number', 'iccid', 'platformId'] as const),
        code: Type.String(),
        level: Level,
        message: Type.String(),
      }),
    ),
  },
  { title: 'CardIdentityCheck' },
)

export const CarrierStatusList = Type.Array(
  Type.Object({ carrierId: Type.String(), code: Type.String(), label: LocalizedLabel }),
  { title: 'CarrierStatusList' },
)

export const StopReasonSchema = Type.Object(
  {
    initiator: literals(['customer', 'carrier', 'unknown'] as const),
    block: Nullable(literals(blockReasons)),
    text: Nullable(Type.String()),
    resumable: Type.Boolean(),
  },
  { title: 'StopReason' },
)
