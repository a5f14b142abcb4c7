const BEIJING_OFFSET_MS = 8 * 3_600_000

/**
 * Start of the billing cycle holding an instant, as the carrier computes it: the last `startDay`
 * 00:00 Beijing time at or before the instant. Written apart from the plugin's own computation so
 * the conformance suite compares two independent readings.
 */
export function cycleStartOf(instant: number, startDay: number): number {
  const beijing = new Date(instant + BEIJING_OFFSET_MS)
  let year = beijing.getUTCFullYear()
  let month = beijing.getUTCMonth()
  if (beijing.getUTCDate() < startDay) {
    month -= 1
    if (month < 0) {
      month = 11
      year -= 1
    }
  }
  return Date.UTC(year, month, startDay) - BEIJING_OFFSET_MS
}
