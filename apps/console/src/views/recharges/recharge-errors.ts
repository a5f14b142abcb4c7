import type { ApiError } from '@simops/api-client'
import { describeApiError } from '@/api/errors'
import { i18n } from '@/locales'

type Params = Record<string, unknown>

/**
 * An error of the recharge API in the user's language: this page's own text for the code, else the
 * console-wide one. A carrier's refusal keeps the carrier's own words, which say what went wrong.
 */
export function describeRechargeError(error: ApiError, params: Params = {}): string {
  const { t, te } = i18n.global
  const key = `recharges.errors.${error.code}`
  if (!te(key)) return describeApiError(error)
  const text = t(key, params)
  const carrierMessage = error.details?.['carrierMessage']
  if (
    error.code.startsWith('CARRIER_') &&
    error.code !== 'CARRIER_RATE_LIMITED' &&
    typeof carrierMessage === 'string' &&
    carrierMessage.trim()
  )
    return t('recharges.errors.withCarrierMessage', { text, message: carrierMessage.trim() })
  return text
}

/**
 * The form fields an error blames (`details.fields`), each with the text to show under it. Codes
 * this page knows get its text; plain validation keeps the server's per-field message.
 */
export function rechargeFieldErrors(
  error: ApiError,
  fields: readonly string[],
  params: Params = {},
): Map<string, string> {
  const placed = new Map<string, string>()
  const ownText = error.code !== 'VALIDATION_FAILED' && i18n.global.te(`recharges.errors.${error.code}`)
  for (const item of error.details?.fields ?? []) {
    if (!fields.includes(item.field) || placed.has(item.field)) continue
    placed.set(item.field, ownText ? describeRechargeError(error, params) : item.message)
  }
  return placed
}
