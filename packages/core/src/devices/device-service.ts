import { sql, type Kysely, type SqlBool } from 'kysely'
import type { OperationContext } from '../actor.js'
import type { OperationLog } from '../audit/operation-log.js'
import type { Database, DeviceRow, DeviceState } from '../db/schema.js'
import { cappedCount, COUNT_CAP, prefixPattern } from '../db/query-helpers.js'
import { DomainError, invalidField } from '../errors.js'

export interface Device {
  id: string
  name: string
  product: string | null
  state: DeviceState
  registeredAt: Date
  /** The card bound to the device, if any. */
  card: { id: string; number: string; iccid: string } | null
  createdAt: Date
  updatedAt: Date
}

export interface DeviceInput {
  id: string
  name: string
  product?: string | null
  state?: DeviceState
  registeredAt?: Date
}

export type DeviceChanges = Partial<Omit<DeviceInput, 'id'>>

export interface DeviceFilter {
  /** Prefix of the id or of the name (case-insensitive). */
  q?: string
  product?: string
  state?: DeviceState
  /** true: only devices without a card (the bind dialog); false: only devices holding one. */
  unbound?: boolean
  page: number
  pageSize: number
}

export const DEVICE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/
export const DEVICE_NAME_MAX_LENGTH = 64
export const DEVICE_UPSERT_MAX = 1000

function notFound(id: string): DomainError {
  return new DomainError('notFound', 'DEVICE_NOT_FOUND', `Device ${id} does not exist`)
}

function checked(input: DeviceInput, at = ''): DeviceInput {
  if (!DEVICE_ID_PATTERN.test(input.id))
    throw invalidField(`${at}id`, 'must be 1–64 letters, digits, _ . : - (starting with a letter or digit)')
  return { ...input, name: checkedName(input.name, at), product: checkedProduct(input.product, at) ?? null }
}

function checkedName(name: string, at = ''): string {
  const trimmed = name.trim()
  if (trimmed.length === 0 || trimmed.length > DEVICE_NAME_MAX_LENGTH)
    throw invalidField(`${at}name`, `must be 1–${DEVICE_NAME_MAX_LENGTH} characters`)
  return trimmed
}

function checkedProduct(product: string | null | undefined, at = ''): string | null | undefined {
  if (product === undefined || product === null) return product
  const trimmed = product.trim()
  if (trimmed.length > DEVICE_NAME_MAX_LENGTH)
    throw invalidField(`${at}product`, `must be at most ${DEVICE_NAME_MAX_LENGTH} characters`)
  return trimmed === '' ? null : trimmed
}

/** 设备: the registry of devices cards are bound to, kept in step with an IoT platform by bulk upsert. */
export class DeviceService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly log: OperationLog,
  ) {}

  async list(filter: DeviceFilter): Promise<{ items: Device[]; total: number; totalCapped: boolean }> {
    if ((filter.page - 1) * filter.pageSize + filter.pageSize > COUNT_CAP)
      throw invalidField(
        'page',
        `page numbers reach the first ${COUNT_CAP} devices; narrow the filter`,
        'PAGE_TOO_DEEP',
      )
    let query = this.db.selectFrom('devices')
    if (filter.q?.trim()) {
      const prefix = prefixPattern(filter.q.trim().toLowerCase())
      query = query.where((eb) =>
        eb.or([eb(sql`lower(devices.id)`, 'like', prefix), eb(sql`lower(devices.name)`, 'like', prefix)]),
      )
    }
    if (filter.product) query = query.where('devices.product', '=', filter.product)
    if (filter.state) query = query.where('devices.state', '=', filter.state)
    if (filter.unbound !== undefined) {
      // Anti-join through the partial unique index on cards.device_id.
      const held = sql<SqlBool>`exists (select 1 from cards where cards.device_id = devices.id)`
      query = query.where(filter.unbound ? sql<SqlBool>`not ${held}` : held)
    }
    const [rows, count] = await Promise.all([
      query
        .selectAll('devices')
        .orderBy('devices.registeredAt', 'desc')
        .orderBy('devices.id')
        .limit(filter.pageSize)
        .offset((filter.page - 1) * filter.pageSize)
        .execute(),
      cappedCount(this.db, query),
    ])
    return {
      items: await this.withCards(rows),
      total: count.total,
      totalCapped: count.capped,
    }
  }

  async get(id: string): Promise<Device> {
    const row = await this.db.selectFrom('devices').selectAll().where('id', '=', id).executeTakeFirst()
    if (!row) throw notFound(id)
    const [device] = await this.withCards([row])
    if (!device) throw notFound(id)
    return device
  }

  async create(ctx: OperationContext, input: DeviceInput): Promise<Device> {
    await this.log.run(
      ctx,
      { action: 'device.create', targetType: 'device', targetId: input.id, targetName: input.name },
      async (trx) => {
        const device = checked(input)
        const taken = await trx
          .selectFrom('devices')
          .select('id')
          .where('id', '=', device.id)
          .executeTakeFirst()
        if (taken)
          throw new DomainError('conflict', 'DEVICE_ID_TAKEN', `id: device ${device.id} already exists`, {
            fields: [{ field: 'id', message: 'already exists' }],
          })
        await trx.insertInto('devices').values(this.values(device)).execute()
      },
    )
    return this.get(input.id)
  }

  async update(ctx: OperationContext, id: string, changes: DeviceChanges): Promise<Device> {
    await this.log.run(
      ctx,
      {
        action: 'device.update',
        targetType: 'device',
        targetId: id,
        details: { fields: Object.keys(changes) },
      },
      async (trx) => {
        const current = await trx
          .selectFrom('devices')
          .select('id')
          .where('id', '=', id)
          .forUpdate()
          .executeTakeFirst()
        if (!current) throw notFound(id)
        const product = checkedProduct(changes.product)
        await trx
          .updateTable('devices')
          .set({
            ...(changes.name !== undefined ? { name: checkedName(changes.name) } : {}),
            ...(product !== undefined ? { product } : {}),
            ...(changes.state !== undefined ? { state: changes.state } : {}),
            ...(changes.registeredAt !== undefined ? { registeredAt: changes.registeredAt } : {}),
            updatedAt: new Date(),
          })
          .where('id', '=', id)
          .execute()
      },
    )
    return this.get(id)
  }

  /** Deleting a device releases its card (recorded in the details). */
  async delete(ctx: OperationContext, id: string): Promise<void> {
    await this.log.run(
      ctx,
      { action: 'device.delete', targetType: 'device', targetId: id },
      async (trx) => {
        const current = await trx
          .selectFrom('devices')
          .select(['id', 'name'])
          .where('id', '=', id)
          .forUpdate()
          .executeTakeFirst()
        if (!current) throw notFound(id)
        const released = await trx
          .updateTable('cards')
          .set({ deviceId: null, boundAt: null, updatedAt: new Date() })
          .where('deviceId', '=', id)
          .returning(['id', 'number', 'iccid'])
          .execute()
        // The released card's own history shows the unbinding too.
        for (const card of released)
          await this.log.record(
            trx,
            ctx,
            {
              action: 'card.unbind',
              targetType: 'card',
              targetId: String(card.id),
              targetName: card.number,
              details: { deviceId: id, iccid: card.iccid, reason: 'device.delete' },
            },
            { result: 'success' },
          )
        await trx.deleteFrom('devices').where('id', '=', id).execute()
        return { name: current.name, released }
      },
      (result) => ({
        targetName: result.name,
        details: { releasedCards: result.released.map((c) => c.number) },
      }),
    )
  }

  /**
   * Creates or updates up to DEVICE_UPSERT_MAX devices in one transaction (all or nothing), so an IoT
   * platform can push its device list. An update keeps the registration time and any field the
   * entry leaves out; a new device without a state is offline. Returns how many were new.
   */
  async upsert(
    ctx: OperationContext,
    inputs: readonly DeviceInput[],
  ): Promise<{ created: number; updated: number }> {
    if (inputs.length > DEVICE_UPSERT_MAX)
      throw invalidField('devices', `at most ${DEVICE_UPSERT_MAX} per request`)
    const devices = inputs.map((input, index) => checked(input, `devices[${index}].`))
    const seen = new Set<string>()
    for (const [index, device] of devices.entries()) {
      if (seen.has(device.id)) throw invalidField(`devices[${index}].id`, `${device.id} appears twice`)
      seen.add(device.id)
    }
    return this.log.run(
      ctx,
      { action: 'device.upsert', targetType: 'device', details: { count: devices.length } },
      async (trx) => {
        // Fields left out of an entry keep their stored value: rows are upserted in groups by
        // which optional fields they carry, each group updating only those.
        const groups = new Map<string, DeviceInput[]>()
        for (const [index, device] of devices.entries()) {
          const given = inputs[index]
          const key = `${given?.state !== undefined}:${given?.product !== undefined}`
          groups.set(key, [...(groups.get(key) ?? []), device])
        }
        let created = 0
        let updated = 0
        for (const [key, group] of groups) {
          const [withState, withProduct] = key.split(':').map((flag) => flag === 'true')
          const rows = await trx
            .insertInto('devices')
            .values(group.map((device) => this.values(device)))
            .onConflict((oc) =>
              oc.column('id').doUpdateSet((eb) => ({
                name: eb.ref('excluded.name'),
                ...(withProduct ? { product: eb.ref('excluded.product') } : {}),
                ...(withState ? { state: eb.ref('excluded.state') } : {}),
                updatedAt: sql<Date>`now()`,
              })),
            )
            // xmax = 0 only for freshly inserted rows.
            .returning(sql<boolean>`(xmax = 0)`.as('inserted'))
            .execute()
          const fresh = rows.filter((row) => row.inserted).length
          created += fresh
          updated += rows.length - fresh
        }
        return { created, updated }
      },
      (result) => ({ details: { count: devices.length, ...result } }),
    )
  }

  private values(device: DeviceInput) {
    return {
      id: device.id,
      name: device.name,
      product: device.product ?? null,
      ...(device.state ? { state: device.state } : {}),
      ...(device.registeredAt ? { registeredAt: device.registeredAt } : {}),
    }
  }

  private async withCards(rows: readonly DeviceRow[]): Promise<Device[]> {
    const ids = rows.map((row) => row.id)
    const cards =
      ids.length === 0
        ? []
        : await this.db
            .selectFrom('cards')
            .select(['id', 'number', 'iccid', 'deviceId'])
            .where('deviceId', 'in', ids)
            .execute()
    const cardOf = new Map(cards.map((card) => [card.deviceId, card]))
    return rows.map((row) => {
      const card = cardOf.get(row.id)
      return { ...row, card: card ? { id: String(card.id), number: card.number, iccid: card.iccid } : null }
    })
  }
}
