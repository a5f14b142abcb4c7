import { isApiError, type ApiError } from '@simops/api-client'
import { i18n } from '@/locales'

/** Message parameters some error codes carry in `details` (e.g. the wait after too many logins). */
function messageParams(error: ApiError): Record<string, unknown> {
  const seconds = error.details?.['retryAfterSeconds']
  return typeof seconds === 'number' ? { seconds } : {}
}

/**
 * The error in the user's language when its code is known, else the server's own message. Carrier
 * failures keep the server's message too: it names the platform and quotes the carrier.
 */
export function describeApiError(error: ApiError): string {
  const key = `errors.codes.${error.code}`
  if (!i18n.global.te(key)) return error.message
  const text = i18n.global.t(key, messageParams(error))
  return error.code.startsWith('CARRIER_') ? `${text}（${error.message}）` : text
}

/** Turns a failed response's body into an ApiError even when the server (or a proxy) sent something else. */
export function toApiError(body: unknown, status: number): ApiError {
  if (isApiError(body)) return body
  return { code: `HTTP_${status}`, message: i18n.global.t('errors.httpStatus', { status }) }
}

// Codes whose `details.fields` say what is wrong with each field; one generic text would hide that.
const PER_FIELD_CODES = new Set(['VALIDATION_FAILED', 'INVALID_PLATFORM_CONFIG'])

/**
 * The form fields an error blames, each with the message to show under it. The API names fields in
 * `details.fields` (validation) or `details.field` (e.g. USERNAME_TAKEN).
 */
export function fieldErrorsOf(error: ApiError): Map<string, string> {
  const fields = new Map<string, string>()
  const codeKnown = !PER_FIELD_CODES.has(error.code) && i18n.global.te(`errors.codes.${error.code}`)
  for (const item of error.details?.fields ?? []) {
    fields.set(item.field, codeKnown ? describeApiError(error) : item.message)
  }
  const single = error.details?.['field']
  if (typeof single === 'string' && !fields.has(single)) fields.set(single, describeApiError(error))
  return fields
}
