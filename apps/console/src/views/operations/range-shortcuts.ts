import { computed } from 'vue'
import { useI18n } from 'vue-i18n'

const HOUR = 3_600_000
const DAY = 24 * HOUR

/** Quick picks for the time range: the last hour, day, week and month up to now. */
export function useRangeShortcuts() {
  const { t } = useI18n()
  const spans = [
    ['lastHour', HOUR],
    ['lastDay', DAY],
    ['lastWeek', 7 * DAY],
    ['lastMonth', 30 * DAY],
  ] as const
  return computed(() =>
    spans.map(([key, span]) => ({
      text: t(`operations.filters.shortcuts.${key}`),
      value: (): [Date, Date] => {
        const now = new Date()
        return [new Date(now.getTime() - span), now]
      },
    })),
  )
}
