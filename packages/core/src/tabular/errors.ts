import { DomainError } from '../errors.js'

export const tableReadErrorCodes = ['TABLE_ENCODING', 'TABLE_CORRUPT', 'TABLE_EMPTY', 'TABLE_FORMAT'] as const
export type TableReadErrorCode = (typeof tableReadErrorCodes)[number]

/**
 * An uploaded table cannot be read. A DomainError of kind `invalid`, so the API's one error handler
 * answers 4xx with the code and this English message without any table-specific mapping.
 */
export class TableReadError extends DomainError {
  declare readonly code: TableReadErrorCode
  /** 1-based row (header = 1) at or near which reading failed, when known. */
  readonly row: number | undefined

  constructor(code: TableReadErrorCode, message: string, row?: number) {
    super('invalid', code, message, row === undefined ? undefined : { row })
    this.name = 'TableReadError'
    this.row = row
  }
}

export function isTableReadError(error: unknown): error is TableReadError {
  return error instanceof TableReadError
}
