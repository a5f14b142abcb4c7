/**
 * Failures the domain reports on purpose. `kind` says what sort of failure it is (the API maps kinds
 * to HTTP statuses); `code` is the stable, module-owned identifier clients match on.
 */
export type DomainErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'notFound'
  | 'conflict'
  | 'rateLimited'
  | 'unavailable'
  /** A carrier (or another system we depend on) failed or answered nonsense. */
  | 'upstream'

export class DomainError extends Error {
  readonly kind: DomainErrorKind
  readonly code: string
  readonly details: Record<string, unknown> | undefined

  constructor(kind: DomainErrorKind, code: string, message: string, details?: Record<string, unknown>) {
    super(message)
    this.name = 'DomainError'
    this.kind = kind
    this.code = code
    this.details = details
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError
}

/** A validation failure naming the field at fault. */
export function invalidField(field: string, message: string, code = 'VALIDATION_FAILED'): DomainError {
  return new DomainError('invalid', code, `${field}: ${message}`, { fields: [{ field, message }] })
}
