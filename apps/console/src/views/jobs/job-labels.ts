import { describeApiError } from '@/api/errors'
import { i18n } from '@/locales'
import type { Job, JobAction, JobItemResult, JobOrigin, JobState } from './job-types'

export type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger'

export const JOB_ACTIONS: readonly JobAction[] = [
  'activate',
  'suspend',
  'resume',
  'sync',
  'delete',
  'bind',
  'import',
]
export const JOB_STATES: readonly JobState[] = [
  'staging',
  'queued',
  'running',
  'completed',
  'cancelled',
  'failed',
]
export const JOB_ORIGINS: readonly JobOrigin[] = ['request', 'schedule']
export const ITEM_RESULTS: readonly JobItemResult[] = ['pending', 'ok', 'skipped', 'failed']

const FINISHED: readonly JobState[] = ['completed', 'cancelled', 'failed']

const STATE_TAGS: Record<JobState, TagType> = {
  staging: 'info',
  queued: 'info',
  running: 'primary',
  completed: 'success',
  cancelled: 'warning',
  failed: 'danger',
}

const RESULT_TAGS: Record<JobItemResult, TagType> = {
  pending: 'info',
  ok: 'success',
  skipped: 'warning',
  failed: 'danger',
}

export const isFinished = (state: JobState): boolean => FINISHED.includes(state)
export const stateTagType = (state: JobState): TagType => STATE_TAGS[state] ?? 'info'
export const resultTagType = (result: JobItemResult): TagType => RESULT_TAGS[result] ?? 'info'

/** Items done (ok, skipped or failed) out of the total. */
export const doneCount = (job: Job): number => job.counts.ok + job.counts.skipped + job.counts.failed

/** A filter job has no total until the worker has listed its cards: "preparing" until then. */
export const isPreparing = (job: Job): boolean => !isFinished(job.state) && job.counts.total === 0

/** Whole percent done; a finished job with nothing to do is complete. */
export function jobPercent(job: Job): number {
  if (job.counts.total === 0) return isFinished(job.state) ? 100 : 0
  return Math.min(100, Math.floor((doneCount(job) / job.counts.total) * 100))
}

/** The progress bar's colour: none while running; green, amber (some failed, or cancelled) or red at the end. */
export function progressStatus(job: Job): 'success' | 'warning' | 'exception' | undefined {
  if (!isFinished(job.state)) return undefined
  if (job.state === 'completed') return job.counts.failed > 0 ? 'warning' : 'success'
  return job.state === 'failed' ? 'exception' : 'warning'
}

/** The reason an item ended as it did: its code in the user's language when known, else the server's text. */
export function describeItem(code: string | null, message: string | null): string {
  if (!code) return message ?? ''
  const { t, te } = i18n.global
  if (te(`jobs.itemCodes.${code}`)) return t(`jobs.itemCodes.${code}`)
  if (te(`errors.codes.${code}`)) return describeApiError({ code, message: message ?? code })
  return message || code
}

function numberOf(value: unknown): number {
  return Array.isArray(value) ? value.length : 0
}

/** What the job works on, in words: "3 selected cards", "cards matching a filter", "cards.csv"… */
export function describeSelector(job: Job): string {
  const { t } = i18n.global
  const selector: Record<string, unknown> = { ...job.selector }
  switch (selector['kind']) {
    case 'ids':
      return t('jobs.selector.ids', { count: numberOf(selector['cardIds']) })
    case 'pairs':
      return t('jobs.selector.pairs', { count: numberOf(selector['pairs']) })
    case 'filter': {
      const filter = selector['filter']
      const used =
        typeof filter === 'object' && filter !== null
          ? Object.entries(filter).map(
              ([key, value]) => `${key}=${Array.isArray(value) ? value.join('|') : String(value)}`,
            )
          : []
      return used.length > 0 ? `${t('jobs.selector.filter')}：${used.join('；')}` : t('jobs.selector.all')
    }
    case 'file': {
      const name = typeof selector['fileName'] === 'string' ? selector['fileName'] : ''
      return selector['dryRun'] === true ? t('jobs.selector.fileDryRun', { name }) : name
    }
    default:
      return job.origin === 'schedule' ? t('jobs.selector.schedule') : ''
  }
}
