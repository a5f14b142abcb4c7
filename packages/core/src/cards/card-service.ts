import type { CardFilter } from './card-query.js'
import type { Kysely, Transaction } from 'kysely'
import type { OperationContext } from '../actor.js'
import type { OperationEntry, OperationLog } from '../audit/operation-log.js'
import type { CarrierRegistry } from '../carriers/registry.js'
import { isUniqueViolation } from '../db/errors.js'
import type { CardRow, CardType, Database } from '../db/schema.js'
import { DomainError, invalidField } from '../errors.js'
import { toCard, type Card, type CardJoinedRow, type CarrierRules } from './card.js'
import { CardLister, type CardListRequest, type CardPage, type CarrierStatusOption } from './card-list.js'
import { checkedDay, checkedDescription, checkedImei, checkedImsi, checkedTags } from './card-fields.js'
import {
  checkCardIdentity,
  identityError,
  normaliseCardNumber,
  type IdentityCheck,
  type IdentityInput,
} from './card-identity.js'

export interface NewCard {
  number: string
  iccid: string
  platformId: string
  type: CardType
  description?: string
  imsi?: string | null
  imei?: string | null
  expiresOn?: string | null
  tags?: string[]
}

export interface CardChanges {
  description?: string
  type?: CardType
  tags?: string[]
  expiresOn?: string | null
  imsi?: string | null
  imei?: string | null
  /** Another platform config of the same carrier. */
  platformId?: string
}

type Executor = Kysely<Database> | Transaction<Database>

export function cardNotFound(id: string): DomainError {
  return new DomainError('notFound', 'CARD_NOT_FOUND', `Card ${id} does not exist`)
}

export function isCardId(id: string): boolean {
  return /^[1-9]\d{0,15}$/.test(id)
}

/** 物联卡管理: the card registry — identity, platform, classification and the device a card serves. */
export class CardService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly log: OperationLog,
    private readonly registry: CarrierRegistry,
    private readonly now: () => Date,
  ) {
    this.lister = new CardLister(db, (carrierId) => this.rulesOf(carrierId), now)
  }

  private readonly lister: CardLister

  /** The card list: filters, sort, keyset or page paging, capped count (see CardLister). */
  list(request: CardListRequest): Promise<CardPage> {
    return this.lister.list(request)
  }

  /** Distinct carrier statuses present among the cards (options of the status filter). */
  carrierStatuses(): Promise<CarrierStatusOption[]> {
    return this.lister.carrierStatuses()
  }

  count(filter: CardFilter): Promise<number> {
    return this.lister.count(filter)
  }

  async get(id: string): Promise<Card> {
    const [card] = await this.joined([await this.row(this.db, id)])
    if (!card) throw cardNotFound(id)
    return card
  }

  /** The checks card creation makes, without creating anything (for forms that validate as you type). */
  async validate(input: IdentityInput): Promise<IdentityCheck> {
    const { platform: _platform, ...check } = await checkCardIdentity(this.db, this.registry, input)
    return check
  }

  async create(ctx: OperationContext, input: NewCard): Promise<Card> {
    const entry = {
      action: 'card.create',
      targetType: 'card',
      // Normalised up front, so a refused registration is found by the number and ICCID as stored.
      targetName: normaliseCardNumber(input.number),
      details: {
        number: normaliseCardNumber(input.number),
        iccid: input.iccid.replace(/[\s.-]/g, '').toUpperCase(),
        platformId: input.platformId,
      },
    }
    const row = await this.log.run(
      ctx,
      entry,
      async (trx) => {
        const check = await checkCardIdentity(trx, this.registry, input)
        const refused = identityError(check)
        if (refused || !check.platform || !check.number || !check.iccid?.iccid || !check.iccid.iccid19)
          throw refused ?? invalidField('iccid', 'is not a valid ICCID', 'ICCID_INVALID')
        const tags = checkedTags(input.tags)
        const imsi = checkedImsi(input.imsi)
        const imei = checkedImei(input.imei)
        const expiresOn = checkedDay('expiresOn', input.expiresOn)
        return trx
          .insertInto('cards')
          .values({
            number: check.number,
            iccid: check.iccid.iccid,
            iccid19: check.iccid.iccid19,
            platformId: check.platform.id,
            carrierId: check.platform.carrierId,
            type: input.type,
            description: checkedDescription(input.description) ?? '',
            ...(tags ? { tags } : {}),
            ...(imsi !== undefined ? { imsi } : {}),
            ...(imei !== undefined ? { imei } : {}),
            ...(expiresOn !== undefined ? { expiresOn } : {}),
          })
          .returningAll()
          .executeTakeFirstOrThrow()
          .catch((error: unknown) => {
            throw duplicateOf(error) ?? error
          })
      },
      (created) => ({
        targetId: String(created.id),
        targetName: created.number,
        details: { number: created.number, iccid: created.iccid, platformId: created.platformId },
      }),
    )
    return this.get(String(row.id))
  }

  async update(ctx: OperationContext, id: string, changes: CardChanges): Promise<Card> {
    await this.log.run(
      ctx,
      await this.entry(id, 'card.update', { fields: Object.keys(changes) }),
      async (trx) => {
        const current = await this.row(trx, id, true)
        const set: Record<string, unknown> = {}
        const description = checkedDescription(changes.description)
        if (description !== undefined) set.description = description
        if (changes.type !== undefined) set.type = changes.type
        const tags = checkedTags(changes.tags)
        if (tags !== undefined) set.tags = tags
        const expiresOn = checkedDay('expiresOn', changes.expiresOn)
        if (expiresOn !== undefined) set.expiresOn = expiresOn
        const imsi = checkedImsi(changes.imsi)
        if (imsi !== undefined) set.imsi = imsi
        const imei = checkedImei(changes.imei)
        if (imei !== undefined) set.imei = imei
        if (changes.platformId !== undefined && changes.platformId !== current.platformId)
          set.platformId = await this.movablePlatform(trx, current, changes.platformId)
        await trx
          .updateTable('cards')
          .set({ ...set, updatedAt: new Date() })
          .where('id', '=', current.id)
          .execute()
        return current
      },
      (current) => ({
        targetName: current.number,
        details: { fields: Object.keys(changes), iccid: current.iccid },
      }),
    )
    return this.get(id)
  }

  async delete(ctx: OperationContext, id: string): Promise<void> {
    let row: CardRow | undefined
    await this.log.run(
      ctx,
      await this.entry(id, 'card.delete'),
      async (trx) => {
        row = await this.row(trx, id, true)
        await trx.deleteFrom('cards').where('id', '=', row.id).execute()
      },
      () => ({
        targetName: row?.number ?? null,
        details: { number: row?.number, iccid: row?.iccid, deviceId: row?.deviceId ?? null },
      }),
    )
  }

  /** Binds a card to a device: one card serves at most one device and a device holds at most one card. */
  async bind(ctx: OperationContext, id: string, deviceId: string): Promise<Card> {
    await this.log.run(
      ctx,
      await this.entry(id, 'card.bind', { deviceId }),
      async (trx) => {
        const card = await this.row(trx, id, true)
        if (card.deviceId === deviceId) return card
        if (card.deviceId)
          throw new DomainError(
            'conflict',
            'CARD_ALREADY_BOUND',
            `Card ${card.number} is bound to device ${card.deviceId}; unbind it first`,
            { deviceId: card.deviceId },
          )
        const device = await trx
          .selectFrom('devices')
          .select('id')
          .where('id', '=', deviceId)
          .forUpdate()
          .executeTakeFirst()
        if (!device)
          throw new DomainError(
            'notFound',
            'DEVICE_NOT_FOUND',
            `deviceId: device ${deviceId} does not exist`,
            {
              fields: [{ field: 'deviceId', message: 'does not exist' }],
            },
          )
        const holder = await trx
          .selectFrom('cards')
          .select(['id', 'number'])
          .where('deviceId', '=', deviceId)
          .executeTakeFirst()
        if (holder) throw deviceTaken(deviceId, holder.number)
        await trx
          .updateTable('cards')
          .set({ deviceId, boundAt: new Date(), updatedAt: new Date() })
          .where('id', '=', card.id)
          .execute()
          .catch((error: unknown) => {
            throw isUniqueViolation(error) ? deviceTaken(deviceId, null) : error
          })
        return card
      },
      (card) => ({ targetName: card.number, details: { deviceId, iccid: card.iccid } }),
    )
    return this.get(id)
  }

  async unbind(ctx: OperationContext, id: string): Promise<Card> {
    await this.log.run(
      ctx,
      await this.entry(id, 'card.unbind'),
      async (trx) => {
        const card = await this.row(trx, id, true)
        if (!card.deviceId)
          throw new DomainError('conflict', 'CARD_NOT_BOUND', `Card ${card.number} is not bound to a device`)
        await trx
          .updateTable('cards')
          .set({ deviceId: null, boundAt: null, updatedAt: new Date() })
          .where('id', '=', card.id)
          .execute()
        return card
      },
      (card) => ({ targetName: card.number, details: { deviceId: card.deviceId, iccid: card.iccid } }),
    )
    return this.get(id)
  }

  /**
   * The audit entry of an action on a card, naming the card by number and ICCID up front so that a
   * refused action is found by them too.
   */
  private async entry(
    id: string,
    action: string,
    details: Record<string, unknown> = {},
  ): Promise<OperationEntry> {
    const card = isCardId(id)
      ? await this.db
          .selectFrom('cards')
          .select(['number', 'iccid'])
          .where('id', '=', Number(id))
          .executeTakeFirst()
      : undefined
    return {
      action,
      targetType: 'card',
      targetId: id,
      targetName: card?.number ?? null,
      details: { ...details, ...(card ? { iccid: card.iccid } : {}) },
    }
  }

  /** Rows with their platform and device names, as cards. */
  async joined(rows: readonly CardRow[]): Promise<Card[]> {
    if (rows.length === 0) return []
    const platformIds = [...new Set(rows.map((r) => r.platformId))]
    const deviceIds = [...new Set(rows.flatMap((r) => (r.deviceId ? [r.deviceId] : [])))]
    const [platforms, devices] = await Promise.all([
      this.db
        .selectFrom('platforms')
        .select(['id', 'name', 'state'])
        .where('id', 'in', platformIds)
        .execute(),
      deviceIds.length === 0
        ? Promise.resolve([])
        : this.db
            .selectFrom('devices')
            .select(['id', 'name', 'state'])
            .where('id', 'in', deviceIds)
            .execute(),
    ])
    const platformOf = new Map(platforms.map((p) => [p.id, p]))
    const deviceOf = new Map(devices.map((d) => [d.id, d]))
    return rows.map((row) => {
      const platform = platformOf.get(row.platformId)
      const device = row.deviceId ? deviceOf.get(row.deviceId) : undefined
      const joined: CardJoinedRow = {
        ...row,
        platformName: platform?.name ?? '',
        platformState: platform?.state ?? 'disabled',
        deviceName: device?.name ?? null,
        deviceState: device?.state ?? null,
      }
      return toCard(joined, this.rulesOf(row.carrierId), this.now())
    })
  }

  rulesOf(carrierId: string): CarrierRules | undefined {
    const definition = this.registry.find(carrierId)?.definition
    return definition
      ? {
          transitions: definition.capabilities.changeState?.transitions,
          lockSeconds: definition.limits.lockSeconds,
        }
      : undefined
  }

  async row(executor: Executor, id: string, forUpdate = false): Promise<CardRow> {
    if (!isCardId(id)) throw cardNotFound(id)
    let query = executor.selectFrom('cards').selectAll().where('id', '=', Number(id))
    if (forUpdate) query = query.forUpdate()
    const row = await query.executeTakeFirst()
    if (!row) throw cardNotFound(id)
    return row
  }

  private async movablePlatform(
    trx: Transaction<Database>,
    card: CardRow,
    platformId: string,
  ): Promise<string> {
    const check = await checkCardIdentity(trx, this.registry, { platformId })
    const refused = identityError(check)
    if (refused || !check.platform) throw refused ?? cardNotFound(card.number)
    if (check.platform.carrierId !== card.carrierId)
      throw new DomainError(
        'invalid',
        'PLATFORM_CARRIER_MISMATCH',
        `platformId: platform "${check.platform.name}" is a ${check.platform.carrierId} platform; the card belongs to ${card.carrierId}`,
        { fields: [{ field: 'platformId', message: `must be a ${card.carrierId} platform` }] },
      )
    return check.platform.id
  }
}

function deviceTaken(deviceId: string, number: string | null): DomainError {
  return new DomainError(
    'conflict',
    'DEVICE_ALREADY_BOUND',
    `Device ${deviceId} already holds ${number ? `card ${number}` : 'another card'}`,
    { fields: [{ field: 'deviceId', message: 'is bound to another card' }] },
  )
}

/** A unique violation raced past the checks: name the field it was about. */
function duplicateOf(error: unknown): DomainError | null {
  if (!isUniqueViolation(error)) return null
  const constraint = (error as { constraint?: string }).constraint ?? ''
  return constraint.includes('number')
    ? new DomainError('conflict', 'NUMBER_TAKEN', 'number: card number is already registered', {
        fields: [{ field: 'number', message: 'is already registered' }],
      })
    : new DomainError('conflict', 'ICCID_TAKEN', 'iccid: ICCID is already registered', {
        fields: [{ field: 'iccid', message: 'is already registered' }],
      })
}
