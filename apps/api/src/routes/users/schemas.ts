import { Type } from 'typebox'
import {
  DISPLAY_NAME_MAX_LENGTH,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  type User as CoreUser,
} from '@simops/core'
import { NullableTimestamp, Timestamp } from '../../schemas/common.js'

export const RoleSchema = Type.Union(
  [Type.Literal('admin'), Type.Literal('operator'), Type.Literal('viewer')],
  {
    title: 'Role',
    description: 'admin: everything; operator: card operations and recharges; viewer: read-only',
  },
)

export const UserSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    username: Type.String(),
    displayName: Type.String(),
    role: RoleSchema,
    disabled: Type.Boolean(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    lastLoginAt: NullableTimestamp,
  },
  { title: 'User' },
)

export const Username = Type.String({
  minLength: 3,
  maxLength: 64,
  pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*$',
  description:
    'Letters, digits, "_", "." and "-", starting with a letter or digit; unique regardless of case',
})
export const Password = Type.String({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })
export const DisplayName = Type.String({ maxLength: DISPLAY_NAME_MAX_LENGTH })

export const CreateUserBody = Type.Object(
  { username: Username, password: Password, role: RoleSchema, displayName: Type.Optional(DisplayName) },
  { additionalProperties: false, title: 'CreateUser' },
)

export const UpdateUserBody = Type.Object(
  {
    displayName: Type.Optional(DisplayName),
    role: Type.Optional(RoleSchema),
    disabled: Type.Optional(
      Type.Boolean({ description: 'A disabled user cannot log in and is signed out at once' }),
    ),
  },
  { additionalProperties: false, minProperties: 1, title: 'UpdateUser' },
)

export const SetPasswordBody = Type.Object(
  { password: Password },
  { additionalProperties: false, title: 'SetPassword' },
)

export const UserListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 64, description: 'Matches username or display name' })),
    role: Type.Optional(RoleSchema),
    disabled: Type.Optional(Type.Boolean()),
    page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
  },
  { additionalProperties: false },
)

export const UserList = Type.Object(
  { items: Type.Array(UserSchema), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() },
  { title: 'UserList' },
)

/** Fastify serialises Dates in date-time fields; this keeps the handler types honest about it. */
export function userBody(user: CoreUser) {
  return {
    ...user,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
  }
}
