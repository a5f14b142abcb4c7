import type { Kysely } from 'kysely'
import { roleAtLeast, type OperationContext } from '../actor.js'
import type { OperationLog } from '../audit/operation-log.js'
import type { ApiKeyRow, Database, Role } from '../db/schema.js'
import { DomainError, invalidField } from '../errors.js'
import { API_KEY_PREFIX, hashToken, newToken } from './tokens.js'
import { isUuid } from './users.js'

export interface ApiKey {
  id: string
  userId: string
  username: string
  name: string
  /** The first characters of the key, enough to recognise it; the rest is never stored. */
  prefix: string
  role: Role
  createdAt: Date
  expiresAt: Date | null
  lastUsedAt: Date | null
  revokedAt: Date | null
}

export interface NewApiKey {
  name: string
  role: Role
  expiresAt?: Date | null
}

export const API_KEY_NAME_MAX_LENGTH = 64
const VISIBLE_PREFIX_LENGTH = API_KEY_PREFIX.length + 6

type ApiKeyWithOwner = ApiKeyRow & { username: string }

function toApiKey(row: ApiKeyWithOwner): ApiKey {
  return {
    id: row.id,
    userId: row.userId,
    username: row.username,
    name: row.name,
    prefix: row.prefix,
    role: row.role,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    lastUsedAt: row.lastUsedAt,
    revokedAt: row.revokedAt,
  }
}

function callerOf(ctx: OperationContext) {
  if (ctx.actor.type !== 'user') throw new DomainError('forbidden', 'FORBIDDEN', 'API keys belong to users')
  return ctx.actor
}

/** Long-lived credentials for API consumers. The secret is returned once at creation and stored only as a hash. */
export class ApiKeyService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly log: OperationLog,
    private readonly now: () => Date,
  ) {}

  private query(executor: Kysely<Database> = this.db) {
    return executor
      .selectFrom('apiKeys')
      .innerJoin('users', 'users.id', 'apiKeys.userId')
      .selectAll('apiKeys')
      .select('users.username')
  }

  /** Admins see every key; everyone else sees their own. */
  async list(
    ctx: OperationContext,
    filter: { userId?: string; includeRevoked?: boolean },
  ): Promise<ApiKey[]> {
    const caller = callerOf(ctx)
    let query = this.query()
    const ownerId = caller.role === 'admin' ? filter.userId : caller.userId
    if (ownerId !== undefined)
      query = isUuid(ownerId)
        ? query.where('apiKeys.userId', '=', ownerId)
        : query.where(({ lit }) => lit(false))
    if (!filter.includeRevoked) query = query.where('apiKeys.revokedAt', 'is', null)
    const rows = await query.orderBy('apiKeys.createdAt', 'desc').orderBy('apiKeys.id').execute()
    return rows.map(toApiKey)
  }

  async create(ctx: OperationContext, input: NewApiKey): Promise<{ apiKey: ApiKey; secret: string }> {
    const caller = callerOf(ctx)
    const entry = {
      action: 'api_key.create',
      targetType: 'api_key',
      targetName: input.name,
      details: { role: input.role },
    }
    return this.log.run(
      ctx,
      entry,
      async (trx) => {
        const name = input.name.trim()
        if (name.length === 0 || name.length > API_KEY_NAME_MAX_LENGTH)
          throw invalidField('name', `must be 1–${API_KEY_NAME_MAX_LENGTH} characters`)
        if (!roleAtLeast(caller.role, input.role))
          throw new DomainError(
            'forbidden',
            'ROLE_TOO_HIGH',
            `role: a ${caller.role} cannot create a key with role ${input.role}`,
            {
              fields: [{ field: 'role', message: `must not exceed your own role (${caller.role})` }],
            },
          )
        if (input.expiresAt && input.expiresAt <= this.now())
          throw invalidField('expiresAt', 'must be in the future')
        const secret = newToken(API_KEY_PREFIX)
        const row = await trx
          .insertInto('apiKeys')
          .values({
            userId: caller.userId,
            name,
            prefix: secret.slice(0, VISIBLE_PREFIX_LENGTH),
            keyHash: hashToken(secret),
            role: input.role,
            expiresAt: input.expiresAt ?? null,
          })
          .returningAll()
          .executeTakeFirstOrThrow()
        return { apiKey: toApiKey({ ...row, username: caller.username }), secret }
      },
      (result) => ({ targetId: result.apiKey.id }),
    )
  }

  async revoke(ctx: OperationContext, id: string): Promise<ApiKey> {
    const caller = callerOf(ctx)
    return this.log.run(
      ctx,
      { action: 'api_key.revoke', targetType: 'api_key', targetId: id },
      async (trx) => {
        const row = isUuid(id)
          ? await this.query(trx).where('apiKeys.id', '=', id).forUpdate().executeTakeFirst()
          : undefined
        // Someone else's key is reported as missing, not forbidden, so ids cannot be probed.
        if (!row || (caller.role !== 'admin' && row.userId !== caller.userId))
          throw new DomainError('notFound', 'API_KEY_NOT_FOUND', `API key ${id} does not exist`)
        if (row.revokedAt) return toApiKey(row)
        const revoked = await trx
          .updateTable('apiKeys')
          .set({ revokedAt: this.now() })
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirstOrThrow()
        return toApiKey({ ...revoked, username: row.username })
      },
      (key) => ({ targetName: key.name }),
    )
  }
}
