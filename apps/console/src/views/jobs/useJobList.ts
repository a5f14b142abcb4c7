import { onScopeDispose, watch } from 'vue'
import { api } from '@/api/client'
import { useRoutedPage } from '@/composables/useRoutedPage'
import { isFinished } from './job-labels'
import { JOB_FILTER_KEYS, jobQueryFromRoute, jobQueryToRoute, type JobQuery } from './job-query'
import type { Job } from './job-types'

/** How often the page refreshes itself while a job on it is still running. */
const LIVE_REFRESH_MS = 5_000

/** Recent jobs, newest first, filtered by the URL; refreshed quietly while any of them runs. */
export function useJobList() {
  const list = useRoutedPage<JobQuery, Job>({
    fromRoute: jobQueryFromRoute,
    toRoute: jobQueryToRoute,
    filterKeys: JOB_FILTER_KEYS,
    fetchPage: (query) => fetchJobs(query),
  })

  async function fetchJobs({ action, state, origin, page, pageSize }: JobQuery) {
    const { data } = await api.GET('/api/v1/jobs', {
      params: {
        query: {
          action: action || undefined,
          state: state || undefined,
          origin: origin || undefined,
          page,
          pageSize,
        },
      },
    })
    return data
  }

  let timer: ReturnType<typeof setTimeout> | undefined
  let disposed = false

  // No loading mask for these: the rows just move on.
  async function refreshQuietly(): Promise<void> {
    const asked = list.query.value
    const page = await fetchJobs(asked)
    if (disposed || !page || asked !== list.query.value || list.loading.value) return
    list.items.value = page.items
    list.total.value = page.total
  }

  function schedule(): void {
    clearTimeout(timer)
    if (disposed || !list.items.value.some((job) => !isFinished(job.state))) return
    timer = setTimeout(() => void refreshQuietly().finally(schedule), LIVE_REFRESH_MS)
  }

  watch(list.items, schedule)

  onScopeDispose(() => {
    disposed = true
    clearTimeout(timer)
  })

  return list
}
