import type { Schemas } from '@simops/api-client'
import { ref, shallowRef, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { api } from '@/api/client'
import { notifyInfo } from '@/api/notify'
import { confirmAction } from '@/utils/confirm'
import type { CardJobAction, Job } from '../jobs/job-types'
import { cardJobBody, downloadCards, targetCount, type ExportFormat } from './card-bulk'
import type { CardQuery } from './card-query'

type Card = Schemas['Card']

/**
 * 批量操作 on the card list: each acts on the selected cards, or on every card matching the
 * filters when none is selected, after a confirmation that names the action and the number of cards.
 */
export function useCardBulk(query: Ref<CardQuery>, selected: Ref<Card[]>) {
  const { t, n, locale } = useI18n()
  /** The command in flight, for a spinner on the menu. */
  const busy = ref<string | null>(null)
  /** The job last started, for the progress dialog. */
  const job = shallowRef<Job | null>(null)
  const progressOpen = ref(false)

  async function confirmJob(action: CardJobAction, count: number, bySelection: boolean): Promise<boolean> {
    const params = { count: n(count), action: t(`cards.bulk.actions.${action}`) }
    const scope = t(bySelection ? 'cards.bulk.confirm.selection' : 'cards.bulk.confirm.filter', params)
    const danger = action === 'delete'
    const message = danger ? `${scope}${t('cards.bulk.confirm.deleteWarning')}` : scope
    return confirmAction(message, {
      title: params.action,
      danger,
      confirmText: t(danger ? 'cards.bulk.confirm.deleteButton' : 'common.actions.confirm'),
    })
  }

  /** Starts `action` as a job after confirmation; the progress dialog then follows it. */
  async function run(action: CardJobAction): Promise<void> {
    if (busy.value) return
    busy.value = action
    try {
      // The cards as they are when the user asks: the confirmation counts exactly these.
      const cards = [...selected.value]
      const filters = { ...query.value }
      const count = await targetCount(filters, cards)
      if (count === null) return
      if (count === 0) return notifyInfo(t('cards.bulk.none'))
      if (!(await confirmJob(action, count, cards.length > 0))) return
      const { data } = await api.POST('/api/v1/jobs', { body: cardJobBody(action, filters, cards) })
      if (!data) return
      job.value = data.job
      progressOpen.value = true
    } finally {
      busy.value = null
    }
  }

  async function exportFile(format: ExportFormat): Promise<void> {
    if (busy.value) return
    busy.value = `export-${format}`
    try {
      await downloadCards(format, query.value, selected.value, locale.value)
    } finally {
      busy.value = null
    }
  }

  return { busy, job, progressOpen, run, exportFile }
}
