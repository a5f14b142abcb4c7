import type { Schemas } from '@simops/api-client'

export type Role = Schemas['Role']

/** Highest first, as offered in role pickers. */
export const ROLES: readonly Role[] = ['admin', 'operator', 'viewer']

// admin ⊃ operator ⊃ viewer
const RANK: Record<Role, number> = { viewer: 1, operator: 2, admin: 3 }

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value)
}

export function roleAtLeast(role: Role | null | undefined, minimum: Role): boolean {
  return role !== null && role !== undefined && RANK[role] >= RANK[minimum]
}

/** The roles a holder of `role` may hand out (e.g. to an API key). */
export function rolesUpTo(role: Role | null | undefined): Role[] {
  return ROLES.filter((candidate) => roleAtLeast(role, candidate))
}
