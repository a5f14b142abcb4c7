import { sql, type Kysely, type Transaction } from 'kysely'
import type { Actor, OperationContext } from '../actor.js'
import type { ActorType, Database, OperationResult, OperationRow } from '../db/schema.js'
import { isDomainError } from '../errors.js'

export interface OperationEntry {
  action: string
  targetType: string
  targetId?: string | null
  targetName?: string | null
  details?: Record<string, unknown> | null
}

export interface OperationFilter {
  action?: string
  actorId?: string
  targetType?: string
  targetId?: string
  /** A card's number or ICCID: its records even after the card was deleted. */
  card?: string
  result?: OperationResult
  /** Records written by the items of one bulk job. */
  jobId?: string
  from?: Date
  to?: Date
  /** Keyset cursor: return rows older than this id. */
  beforeId?: number
  limit: number
}

export interface Operation {
  id: number
  createdAt: Date
  actor: { type: ActorType; id: string | null; name: string; apiKeyId: string | null }
  action: string
  target: { type: string; id: string | null; name: string | null }
  result: OperationResult
  error: { code: string | null; message: string | null } | null
  details: Record<string, unknown> | null
  requestId: string | null
  ip: string | null
  jobId: string | null
}

type Executor = Kysely<Database> | Transaction<Database>

export function actorColumns(actor: Actor) {
  return actor.type === 'user'
    ? {
        actorType: actor.apiKeyId ? ('api_key' as const) : ('user' as const),
        actorId: actor.userId,
        actorName: actor.username,
        apiKeyId: actor.apiKeyId,
      }
    : { actorType: 'system' as const, actorId: null, actorName: actor.name, apiKeyId: null }
}

function toOperation(row: OperationRow): Operation {
  return {
    id: row.id,
    createdAt: row.createdAt,
    actor: { type: row.actorType, id: row.actorId, name: row.actorName, apiKeyId: row.apiKeyId },
    action: row.action,
    target: { type: row.targetType, id: row.targetId, name: row.targetName },
    result: row.result,
    error: row.result === 'failure' ? { code: row.errorCode, message: row.errorMessage } : null,
    details: row.details,
    requestId: row.requestId,
    ip: row.ip,
    jobId: row.jobId,
  }
}

/** The audit trail: one row for every mutating action, successful or not. */
export class OperationLog {
  constructor(private readonly db: Kysely<Database>) {}

  async record(
    executor: Executor,
    ctx: OperationContext,
    entry: OperationEntry,
    outcome: { result: 'success' } | { result: 'failure'; error: unknown },
  ): Promise<void> {
    const failure =
      outcome.result === 'failure'
        ? isDomainError(outcome.error)
          ? { errorCode: outcome.error.code, errorMessage: outcome.error.message }
          : {
              errorCode: 'INTERNAL',
              errorMessage: outcome.error instanceof Error ? outcome.error.message : String(outcome.error),
            }
        : { errorCode: null, errorMessage: null }
    await executor
      .insertInto('operations')
      .values({
        ...actorColumns(ctx.actor),
        action: entry.action,
        targetType: entry.targetType,
        targetId: entry.targetId ?? null,
        targetName: entry.targetName ?? null,
        result: outcome.result,
        ...failure,
        details: entry.details ? JSON.stringify(entry.details) : null,
        requestId: ctx.requestId ?? null,
        ip: ctx.ip ?? null,
        jobId: ctx.jobId ?? null,
      })
      .execute()
  }

  /**
   * Runs `work` in a transaction and records it. Success is recorded inside the transaction, so a
   * change and its audit row land together or not at all; a failure is recorded after the rollback.
   * `entry` may be completed by `work` (e.g. with the id it created) through the returned patch.
   */
  async run<T>(
    ctx: OperationContext,
    entry: OperationEntry,
    work: (trx: Transaction<Database>) => Promise<T>,
    describe?: (result: T) => Partial<OperationEntry>,
  ): Promise<T> {
    try {
      return await this.db.transaction().execute(async (trx) => {
        const result = await work(trx)
        await this.record(trx, ctx, { ...entry, ...describe?.(result) }, { result: 'success' })
        return result
      })
    } catch (error) {
      await this.record(this.db, ctx, entry, { result: 'failure', error }).catch(() => undefined)
      throw error
    }
  }

  async list(filter: OperationFilter): Promise<{ items: Operation[]; nextBeforeId: number | null }> {
    let query = this.db.selectFrom('operations').selectAll()
    if (filter.card) {
      const card = filter.card.trim()
      query = query
        .where('targetType', '=', 'card')
        .where((eb) =>
          eb.or([eb('targetName', '=', card), eb(sql`details ->> 'iccid'`, '=', card.toUpperCase())]),
        )
    }
    if (filter.action) query = query.where('action', '=', filter.action)
    if (filter.actorId) query = query.where('actorId', '=', filter.actorId)
    if (filter.targetType) query = query.where('targetType', '=', filter.targetType)
    if (filter.targetId) query = query.where('targetId', '=', filter.targetId)
    if (filter.result) query = query.where('result', '=', filter.result)
    if (filter.jobId) query = query.where('jobId', '=', filter.jobId)
    if (filter.from) query = query.where('createdAt', '>=', filter.from)
    if (filter.to) query = query.where('createdAt', '<', filter.to)
    if (filter.beforeId !== undefined) query = query.where('id', '<', filter.beforeId)
    // Ids grow with time, so newest-first by id is both stable and index-friendly.
    const rows = await query
      .orderBy('id', 'desc')
      .limit(filter.limit + 1)
      .execute()
    const page = rows.slice(0, filter.limit)
    const last = page.at(-1)
    return { items: page.map(toOperation), nextBeforeId: rows.length > filter.limit && last ? last.id : null }
  }

  /** Every matching record, newest first, fetched a page at a time (for exports of any size). */
  async *each(
    filter: Omit<OperationFilter, 'limit' | 'beforeId'>,
    pageSize = 1000,
  ): AsyncGenerator<Operation> {
    let beforeId: number | undefined
    for (;;) {
      const page = await this.list({
        ...filter,
        limit: pageSize,
        ...(beforeId !== undefined ? { beforeId } : {}),
      })
      yield* page.items
      if (page.nextBeforeId === null) return
      beforeId = page.nextBeforeId
    }
  }
}
