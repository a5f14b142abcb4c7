import { chinaFieldsOf, chinaInstant } from '@simops/carrier-sdk'

/**
 * The Unicom billing cycle holding an instant: from `startDay` 00:00 Beijing time of one month to
 * the same moment of the next (27th → 26th by default). `end` is exclusive: the next cycle's start.
 */
export function billingCycleOf(instant: Date, startDay: number): { start: Date; end: Date } {
  const today = chinaFieldsOf(instant)
  // On or after the start day the cycle began this month, before it the month before.
  const startMonth = today.day >= startDay ? today.month : today.month - 1
  return {
    start: chinaInstant(today.year, startMonth, startDay),
    end: chinaInstant(today.year, startMonth + 1, startDay),
  }
}
