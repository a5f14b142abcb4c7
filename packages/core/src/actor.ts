import type { Role } from './db/schema.js'

/** Who is acting: a signed-in user (possibly through one of their API keys) or the system itself. */
export type Actor =
  | {
      type: 'user'
      userId: string
      username: string
      role: Role
      apiKeyId: string | null
      sessionId: string | null
    }
  | { type: 'system'; name: string }

/** What every mutating call receives so it can be authorised and audited. */
export interface OperationContext {
  actor: Actor
  requestId?: string
  ip?: string
  /** The bulk job this call is one item of; stored with each audit row it writes. */
  jobId?: string
}

const roleRank: Record<Role, number> = { viewer: 1, operator: 2, admin: 3 }

/** The less powerful of two roles. */
export function lowerRole(a: Role, b: Role): Role {
  return roleRank[a] <= roleRank[b] ? a : b
}

export const roles: readonly Role[] = ['admin', 'operator', 'viewer']

/** Roles are ordered: admin can do all an operator can, an operator all a viewer can. */
export function roleAtLeast(role: Role, required: Role): boolean {
  return roleRank[role] >= roleRank[required]
}

export function systemContext(name = 'system'): OperationContext {
  return { actor: { type: 'system', name } }
}
