import { DomainError } from '@simops/core'
import { Type, type TSchema } from 'typebox'

/** The one error shape of every 4xx and 5xx response. */
export const ErrorResponse = Type.Object(
  {
    code: Type.String({
      description: 'Stable machine-readable code, e.g. VALIDATION_FAILED, USER_NOT_FOUND',
    }),
    message: Type.String({
      description: 'Human-readable explanation; names the field at fault where there is one',
    }),
    details: Type.Optional(
      Type.Object(
        {
          fields: Type.Optional(
            Type.Array(
              Type.Object(
                {
                  field: Type.String(),
                  location: Type.Optional(Type.String()),
                  message: Type.String(),
                },
                { title: 'FieldError' },
              ),
            ),
          ),
        },
        { additionalProperties: true },
      ),
    ),
  },
  { title: 'Error' },
)

const errorDescriptions: Record<number, string> = {
  400: 'Invalid input',
  401: 'Not authenticated',
  403: 'Not allowed for your role',
  404: 'Not found',
  409: 'Conflicts with the current state',
  413: 'Request too large',
  415: 'Unsupported content type',
  429: 'Too many requests',
  502: 'The carrier failed or could not be reached',
  503: 'Unavailable',
}

/** Response schemas for the error statuses a route can answer with. */
export function errorResponses(...statuses: number[]): Record<number, TSchema> {
  const all = [...new Set([400, 401, ...statuses])]
  return Object.fromEntries(
    all.map((status) => [status, { ...ErrorResponse, description: errorDescriptions[status] ?? 'Error' }]),
  )
}

export const Timestamp = Type.String({ format: 'date-time' })
export const NullableTimestamp = Type.Union([Timestamp, Type.Null()])
export const Uuid = Type.String({ format: 'uuid' })
export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) })
export const NoContent = Type.Null({ description: 'No content' })

/** A time as the API writes it (ISO 8601); null stays null. */
export function isoOrNull(date: Date | null): string | null {
  return date ? date.toISOString() : null
}

/**
 * An optional querystring time range, `to` exclusive: refused with VALIDATION_FAILED naming the
 * `to` field when it does not come after `from`.
 */
export function queryTimeRange(
  from: string | undefined,
  to: string | undefined,
  names: { from: string; to: string } = { from: 'from', to: 'to' },
): { from?: Date; to?: Date } {
  const start = from ? new Date(from) : undefined
  const end = to ? new Date(to) : undefined
  if (start && end && start >= end) {
    const message = `must be after ${names.from}`
    throw new DomainError('invalid', 'VALIDATION_FAILED', `${names.to}: ${message}`, {
      fields: [{ field: names.to, location: 'querystring', message }],
    })
  }
  return { ...(start ? { from: start } : {}), ...(end ? { to: end } : {}) }
}
