import { i18n } from '@/locales'
import { isPaymentMethod } from './recharge-query'

/** "12.50" → "¥12.50". */
export function formatAmount(amount: string): string {
  return i18n.global.t('recharges.amount', { amount })
}

/** 1234 fen → 12.34 元. */
export function fenToYuan(fen: number): number {
  return fen / 100
}

/** 1234 fen → "12.34". */
export function formatFen(fen: number): string {
  return fenToYuan(fen).toFixed(2)
}

/** The payment method in the user's language; a method this console does not know shows as sent. */
export function paymentMethodLabel(method: string): string {
  return isPaymentMethod(method) ? i18n.global.t(`recharges.paymentMethods.${method}`) : method
}

/** Only web links are opened or rendered as links: a payment URL comes from the carrier, not from us. */
export function isWebUrl(url: string | null | undefined): url is string {
  if (!url) return false
  try {
    const { protocol } = new URL(url)
    return protocol === 'https:' || protocol === 'http:'
  } catch {
    return false
  }
}

/** Opens the carrier's payment page in a new tab, without giving it a handle on the console. */
export function openPaymentPage(url: string): boolean {
  if (!isWebUrl(url)) return false
  window.open(url, '_blank', 'noopener')
  return true
}

/**
 * A key for `Idempotency-Key`. `crypto.randomUUID` exists only in secure contexts (https or
 * localhost); a console served over plain http on the LAN gets a v4 UUID from getRandomValues.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
