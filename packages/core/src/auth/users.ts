import { sql, type Kysely, type Transaction } from 'kysely'
import type { OperationContext } from '../actor.js'
import type { OperationLog } from '../audit/operation-log.js'
import { containsPattern, countAll } from '../db/query-helpers.js'
import type { Database, Role, UserRow } from '../db/schema.js'
import { isUniqueViolation } from '../db/errors.js'
import { DomainError, invalidField } from '../errors.js'
import { assertPasswordAcceptable, generatePassword, hashPassword } from './passwords.js'

export interface User {
  id: string
  username: string
  displayName: string
  role: Role
  disabled: boolean
  createdAt: Date
  updatedAt: Date
  lastLoginAt: Date | null
}

export interface NewUser {
  username: string
  password: string
  role: Role
  displayName?: string
}

export interface UserChanges {
  displayName?: string
  role?: Role
  disabled?: boolean
}

export interface UserFilter {
  q?: string
  role?: Role
  disabled?: boolean
  page: number
  pageSize: number
}

export const USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{2,63}$/
export const DISPLAY_NAME_MAX_LENGTH = 64

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    disabled: row.disabled,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    lastLoginAt: row.lastLoginAt,
  }
}

function userNotFound(id: string): DomainError {
  return new DomainError('notFound', 'USER_NOT_FOUND', `User ${id} does not exist`)
}

function usernameTaken(username: string): DomainError {
  return new DomainError('conflict', 'USERNAME_TAKEN', `Username "${username}" is already taken`, {
    field: 'username',
  })
}

function assertUsername(username: string): void {
  if (!USERNAME_PATTERN.test(username))
    throw invalidField(
      'username',
      '3–64 characters: letters, digits, "_", "." or "-", starting with a letter or digit',
    )
}

function assertDisplayName(displayName: string | undefined): void {
  if (displayName !== undefined && displayName.length > DISPLAY_NAME_MAX_LENGTH)
    throw invalidField('displayName', `must be at most ${DISPLAY_NAME_MAX_LENGTH} characters`)
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Ids from outside are checked before they reach a uuid column, so a malformed one is "not found", not a SQL error. */
export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value)
}

export class UserService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly log: OperationLog,
  ) {}

  async list(filter: UserFilter): Promise<{ items: User[]; total: number }> {
    let query = this.db.selectFrom('users')
    if (filter.q) {
      const pattern = containsPattern(filter.q)
      query = query.where((eb) =>
        eb.or([eb('username', 'ilike', pattern), eb('displayName', 'ilike', pattern)]),
      )
    }
    if (filter.role) query = query.where('role', '=', filter.role)
    if (filter.disabled !== undefined) query = query.where('disabled', '=', filter.disabled)
    const [rows, count] = await Promise.all([
      query
        .selectAll()
        .orderBy('username')
        .orderBy('id')
        .limit(filter.pageSize)
        .offset((filter.page - 1) * filter.pageSize)
        .execute(),
      query.select(countAll.as('n')).executeTakeFirstOrThrow(),
    ])
    return { items: rows.map(toUser), total: count.n }
  }

  async get(id: string): Promise<User> {
    const row = isUuid(id)
      ? await this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()
      : undefined
    if (!row) throw userNotFound(id)
    return toUser(row)
  }

  async findByUsername(username: string): Promise<UserRow | undefined> {
    return this.db
      .selectFrom('users')
      .selectAll()
      .where(sql`lower(username)`, '=', username.toLowerCase())
      .executeTakeFirst()
  }

  async create(ctx: OperationContext, input: NewUser): Promise<User> {
    const entry = {
      action: 'user.create',
      targetType: 'user',
      targetName: input.username,
      details: { role: input.role },
    }
    return this.log.run(
      ctx,
      entry,
      async (trx) => {
        assertUsername(input.username)
        assertDisplayName(input.displayName)
        assertPasswordAcceptable(input.password)
        await this.assertUsernameFree(trx, input.username)
        const row = await trx
          .insertInto('users')
          .values({
            username: input.username,
            displayName: input.displayName ?? '',
            role: input.role,
            passwordHash: await hashPassword(input.password),
          })
          .returningAll()
          .executeTakeFirstOrThrow()
          .catch((error: unknown) => {
            // A concurrent create of the same name gets past the check above and stops at the unique index.
            throw isUniqueViolation(error) ? usernameTaken(input.username) : error
          })
        return toUser(row)
      },
      (user) => ({ targetId: user.id }),
    )
  }

  async update(ctx: OperationContext, id: string, changes: UserChanges): Promise<User> {
    const entry = { action: 'user.update', targetType: 'user', targetId: id, details: { ...changes } }
    return this.log.run(
      ctx,
      entry,
      async (trx) => {
        assertDisplayName(changes.displayName)
        const mayRemoveAdmin =
          (changes.role !== undefined && changes.role !== 'admin') || changes.disabled === true
        const admins = mayRemoveAdmin ? await this.lockActiveAdmins(trx) : []
        const current = await this.lockUser(trx, id)
        if (mayRemoveAdmin) assertAnotherAdmin(admins, current)
        const row = await trx
          .updateTable('users')
          .set({
            ...(changes.displayName !== undefined ? { displayName: changes.displayName } : {}),
            ...(changes.role !== undefined ? { role: changes.role } : {}),
            ...(changes.disabled !== undefined ? { disabled: changes.disabled } : {}),
            updatedAt: new Date(),
          })
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirstOrThrow()
        // A disabled user is signed out everywhere at once; a role change takes effect on the next request anyway.
        if (changes.disabled === true) await trx.deleteFrom('sessions').where('userId', '=', id).execute()
        return toUser(row)
      },
      (user) => ({ targetName: user.username }),
    )
  }

  async delete(ctx: OperationContext, id: string): Promise<void> {
    const entry = { action: 'user.delete', targetType: 'user', targetId: id }
    let username: string | undefined
    await this.log.run(
      ctx,
      entry,
      async (trx) => {
        if (ctx.actor.type === 'user' && ctx.actor.userId === id)
          throw new DomainError('conflict', 'CANNOT_DELETE_SELF', 'You cannot delete your own account')
        const admins = await this.lockActiveAdmins(trx)
        const current = await this.lockUser(trx, id)
        username = current.username
        assertAnotherAdmin(admins, current)
        await trx.deleteFrom('users').where('id', '=', id).execute()
      },
      () => ({ targetName: username ?? null }),
    )
  }

  /** Sets a user's password (admin reset or CLI). Signs the user out everywhere. */
  async setPassword(ctx: OperationContext, id: string, password: string): Promise<void> {
    await this.log.run(
      ctx,
      { action: 'user.reset_password', targetType: 'user', targetId: id },
      async (trx) => {
        assertPasswordAcceptable(password)
        await this.lockUser(trx, id)
        await this.writePassword(trx, id, password)
        await trx.deleteFrom('sessions').where('userId', '=', id).execute()
      },
    )
  }

  async writePassword(trx: Transaction<Database>, id: string, password: string): Promise<void> {
    const now = new Date()
    await trx
      .updateTable('users')
      .set({ passwordHash: await hashPassword(password), passwordChangedAt: now, updatedAt: now })
      .where('id', '=', id)
      .execute()
  }

  /**
   * On a fresh installation, creates the first administrator. Returns the password when it was
   * generated, so the caller can show it exactly once.
   */
  async ensureInitialAdmin(
    ctx: OperationContext,
    password: string | undefined,
  ): Promise<{ created: false } | { created: true; username: string; password: string; generated: boolean }> {
    const existing = await this.db.selectFrom('users').select('id').limit(1).executeTakeFirst()
    if (existing) return { created: false }
    const chosen = password ?? generatePassword()
    await this.create(ctx, {
      username: 'admin',
      password: chosen,
      role: 'admin',
      displayName: 'Administrator',
    })
    return { created: true, username: 'admin', password: chosen, generated: password === undefined }
  }

  private async lockUser(trx: Transaction<Database>, id: string): Promise<UserRow> {
    const row = isUuid(id)
      ? await trx.selectFrom('users').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
      : undefined
    if (!row) throw userNotFound(id)
    return row
  }

  private async assertUsernameFree(trx: Transaction<Database>, username: string): Promise<void> {
    const taken = await trx
      .selectFrom('users')
      .select('id')
      .where(sql`lower(username)`, '=', username.toLowerCase())
      .executeTakeFirst()
    if (taken) throw usernameTaken(username)
  }

  /**
   * Locks the enabled administrators, always in id order, so that concurrent demotions queue up
   * behind each other (instead of deadlocking) and each sees the others' outcome.
   */
  private async lockActiveAdmins(trx: Transaction<Database>): Promise<string[]> {
    const rows = await trx
      .selectFrom('users')
      .select('id')
      .where('role', '=', 'admin')
      .where('disabled', '=', false)
      .orderBy('id')
      .forUpdate()
      .execute()
    return rows.map((row) => row.id)
  }
}

/** The installation must always keep one enabled administrator, or nobody could manage it. */
function assertAnotherAdmin(activeAdminIds: string[], user: UserRow): void {
  const isActiveAdmin = user.role === 'admin' && !user.disabled
  if (isActiveAdmin && activeAdminIds.every((id) => id === user.id))
    throw new DomainError(
      'conflict',
      'LAST_ADMIN',
      'This is the only enabled administrator; add another one first',
    )
}
