import type { CarrierError, CarrierErrorCode } from '@simops/carrier-sdk'
import { DomainError, type DomainErrorKind } from '../errors.js'

const kindOf: Record<CarrierErrorCode, DomainErrorKind> = {
  auth: 'upstream',
  notFound: 'notFound',
  invalidState: 'conflict',
  rejected: 'conflict',
  rateLimited: 'rateLimited',
  locked: 'conflict',
  unavailable: 'upstream',
  timeout: 'upstream',
  protocol: 'upstream',
  unsupported: 'upstream',
  config: 'upstream',
}

/** CARRIER_AUTH, CARRIER_NOT_FOUND, CARRIER_INVALID_STATE, … : one stable API code per carrier error code. */
export function carrierErrorCode(code: CarrierErrorCode): string {
  return `CARRIER_${code.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`
}

/** A carrier failure as the API reports it: naming the platform, keeping the carrier's own code and text. */
export function carrierFailure(
  platform: { id: string; name: string; carrierId: string },
  error: CarrierError,
): DomainError {
  return new DomainError(
    kindOf[error.code],
    carrierErrorCode(error.code),
    `Platform "${platform.name}" (${platform.carrierId}): ${error.message}`,
    {
      platformId: platform.id,
      carrierId: platform.carrierId,
      retryable: error.retryable,
      ...(error.carrierCode !== undefined ? { carrierCode: error.carrierCode } : {}),
      ...(error.carrierMessage !== undefined ? { carrierMessage: error.carrierMessage } : {}),
      ...(error.retryAfterMs !== undefined
        ? { retryAfterSeconds: Math.ceil(error.retryAfterMs / 1000) }
        : {}),
    },
  )
}
