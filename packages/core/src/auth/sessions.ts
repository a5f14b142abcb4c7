import type { Kysely } from 'kysely'
import { lowerRole, type Actor, type OperationContext } from '../actor.js'
import type { OperationLog } from '../audit/operation-log.js'
import type { Database } from '../db/schema.js'
import { DomainError } from '../errors.js'
import { API_KEY_PREFIX, hashToken, newToken, SESSION_TOKEN_PREFIX } from './tokens.js'
import { toUser, type User, type UserService } from './users.js'
import { assertPasswordAcceptable, unusablePasswordHash, verifyPassword } from './passwords.js'

export interface AuthConfig {
  /** Idle lifetime of a session; each use pushes the expiry out again. */
  sessionTtlMinutes: number
  now: () => Date
}

export interface LoginInput {
  username: string
  password: string
  ip?: string
  userAgent?: string
  requestId?: string
}

export interface LoginResult {
  token: string
  expiresAt: Date
  user: User
}

export type UserActor = Extract<Actor, { type: 'user' }>

export interface Principal {
  actor: UserActor
  user: User
  /** Set for session logins; null for API keys. */
  sessionExpiresAt: Date | null
}

function unauthenticated(code: string, message: string): DomainError {
  return new DomainError('unauthenticated', code, message)
}

/** Logging in and out, and turning a bearer token (session or API key) into a principal. */
export class AuthService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly log: OperationLog,
    private readonly users: UserService,
    private readonly config: AuthConfig,
  ) {}

  async login(input: LoginInput): Promise<LoginResult> {
    const row = await this.users.findByUsername(input.username)
    // Verify against a dummy hash for unknown users so response time does not reveal which names exist.
    const passwordOk = await verifyPassword(input.password, row?.passwordHash ?? (await unusablePasswordHash))
    const ctx: OperationContext = {
      actor: row
        ? {
            type: 'user',
            userId: row.id,
            username: row.username,
            role: row.role,
            apiKeyId: null,
            sessionId: null,
          }
        : { type: 'system', name: `login:${input.username.slice(0, 64)}` },
      ...(input.requestId ? { requestId: input.requestId } : {}),
      ...(input.ip ? { ip: input.ip } : {}),
    }
    const entry = {
      action: 'auth.login',
      targetType: 'user',
      targetId: row?.id ?? null,
      targetName: input.username.slice(0, 64),
    }
    return this.log.run(ctx, entry, async (trx) => {
      if (!row || !passwordOk) throw unauthenticated('INVALID_CREDENTIALS', 'Wrong username or password')
      if (row.disabled) throw new DomainError('forbidden', 'ACCOUNT_DISABLED', 'This account is disabled')
      const token = newToken(SESSION_TOKEN_PREFIX)
      const now = this.config.now()
      const expiresAt = this.expiryFrom(now)
      await trx
        .insertInto('sessions')
        .values({
          userId: row.id,
          tokenHash: hashToken(token),
          createdAt: now,
          lastSeenAt: now,
          expiresAt,
          ip: input.ip ?? null,
          userAgent: input.userAgent?.slice(0, 512) ?? null,
        })
        .execute()
      const updated = await trx
        .updateTable('users')
        .set({ lastLoginAt: now })
        .where('id', '=', row.id)
        .returningAll()
        .executeTakeFirstOrThrow()
      return { token, expiresAt, user: toUser(updated) }
    })
  }

  async logout(ctx: OperationContext): Promise<void> {
    const sessionId = ctx.actor.type === 'user' ? ctx.actor.sessionId : null
    if (!sessionId)
      throw new DomainError(
        'invalid',
        'NOT_A_SESSION',
        'Only a session can log out; API keys are revoked instead',
      )
    await this.log.run(
      ctx,
      { action: 'auth.logout', targetType: 'session', targetId: sessionId },
      async (trx) => {
        await trx.deleteFrom('sessions').where('id', '=', sessionId).execute()
      },
    )
  }

  /** Changes the caller's own password after checking the current one; other sessions are signed out. */
  async changeOwnPassword(
    ctx: OperationContext,
    currentPassword: string,
    newPassword: string,
  ): Promise<void> {
    if (ctx.actor.type !== 'user')
      throw new DomainError('forbidden', 'FORBIDDEN', 'Only a user can change a password')
    const { userId, sessionId } = ctx.actor
    await this.log.run(
      ctx,
      { action: 'auth.change_password', targetType: 'user', targetId: userId },
      async (trx) => {
        const row = await trx
          .selectFrom('users')
          .selectAll()
          .where('id', '=', userId)
          .forUpdate()
          .executeTakeFirstOrThrow()
        if (!(await verifyPassword(currentPassword, row.passwordHash)))
          throw new DomainError(
            'invalid',
            'INVALID_CURRENT_PASSWORD',
            'currentPassword: is not your current password',
            {
              fields: [{ field: 'currentPassword', message: 'is not your current password' }],
            },
          )
        assertPasswordAcceptable(newPassword, 'newPassword')
        await this.users.writePassword(trx, userId, newPassword)
        let others = trx.deleteFrom('sessions').where('userId', '=', userId)
        if (sessionId) others = others.where('id', '!=', sessionId)
        await others.execute()
      },
    )
  }

  /** Resolves an `Authorization: Bearer` token. Throws `unauthenticated` errors with a precise code. */
  async authenticate(token: string): Promise<Principal> {
    if (token.startsWith(SESSION_TOKEN_PREFIX)) return this.authenticateSession(token)
    if (token.startsWith(API_KEY_PREFIX)) return this.authenticateApiKey(token)
    throw unauthenticated('INVALID_TOKEN', 'The bearer token is not a SimOps session token or API key')
  }

  private async authenticateSession(token: string): Promise<Principal> {
    const now = this.config.now()
    const session = await this.db
      .selectFrom('sessions')
      .selectAll()
      .where('tokenHash', '=', hashToken(token))
      .executeTakeFirst()
    if (!session) throw unauthenticated('INVALID_TOKEN', 'The session does not exist or was ended')
    if (session.expiresAt <= now) {
      await this.db.deleteFrom('sessions').where('id', '=', session.id).execute()
      throw unauthenticated('SESSION_EXPIRED', 'The session has expired; log in again')
    }
    const user = await this.activeUser(session.userId)
    let expiresAt = session.expiresAt
    // Slide the expiry, but write at most about once a minute rather than on every request.
    if (now.getTime() - session.lastSeenAt.getTime() > 60_000) {
      expiresAt = this.expiryFrom(now)
      await this.db
        .updateTable('sessions')
        .set({ lastSeenAt: now, expiresAt })
        .where('id', '=', session.id)
        .execute()
    }
    return {
      actor: {
        type: 'user',
        userId: user.id,
        username: user.username,
        role: user.role,
        apiKeyId: null,
        sessionId: session.id,
      },
      user,
      sessionExpiresAt: expiresAt,
    }
  }

  private async authenticateApiKey(token: string): Promise<Principal> {
    const now = this.config.now()
    const key = await this.db
      .selectFrom('apiKeys')
      .selectAll()
      .where('keyHash', '=', hashToken(token))
      .executeTakeFirst()
    if (!key) throw unauthenticated('INVALID_TOKEN', 'The API key does not exist')
    if (key.revokedAt) throw unauthenticated('API_KEY_REVOKED', 'The API key was revoked')
    if (key.expiresAt && key.expiresAt <= now)
      throw unauthenticated('API_KEY_EXPIRED', 'The API key has expired')
    const user = await this.activeUser(key.userId)
    if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > 60_000)
      await this.db.updateTable('apiKeys').set({ lastUsedAt: now }).where('id', '=', key.id).execute()
    // A key never grants more than its owner has now, even if the owner was demoted after creating it.
    const role = lowerRole(key.role, user.role)
    return {
      actor: {
        type: 'user',
        userId: user.id,
        username: user.username,
        role,
        apiKeyId: key.id,
        sessionId: null,
      },
      user,
      sessionExpiresAt: null,
    }
  }

  private async activeUser(userId: string): Promise<User> {
    const row = await this.db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst()
    if (!row) throw unauthenticated('INVALID_TOKEN', 'The account no longer exists')
    if (row.disabled) throw unauthenticated('ACCOUNT_DISABLED', 'This account is disabled')
    return toUser(row)
  }

  private expiryFrom(now: Date): Date {
    return new Date(now.getTime() + this.config.sessionTtlMinutes * 60_000)
  }

  /** Deletes sessions that have expired; run periodically. */
  async purgeExpiredSessions(): Promise<number> {
    const result = await this.db
      .deleteFrom('sessions')
      .where('expiresAt', '<=', this.config.now())
      .executeTakeFirst()
    return Number(result.numDeletedRows)
  }
}
