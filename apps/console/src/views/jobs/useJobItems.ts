import { ref, watch, type Ref } from 'vue'
import { api } from '@/api/client'
import type { JobItem, JobItemResult } from './job-types'

export const ITEM_PAGE_SIZES = [20, 50, 100]
/** While the job runs, its items are asked for again at most this often. */
const LIVE_REFRESH_MS = 3_000

/** One page of a job's items, filtered by result. */
export function useJobItems(jobId: Ref<string>) {
  const result = ref<JobItemResult | ''>('')
  const paging = ref({ page: 1, pageSize: ITEM_PAGE_SIZES[0] ?? 20 })
  const items = ref<JobItem[]>([])
  const total = ref(0)
  const loading = ref(false)
  let latest = 0
  let lastLoad = 0

  async function load(quiet = false): Promise<void> {
    if (!jobId.value) return
    const request = ++latest
    lastLoad = Date.now()
    if (!quiet) loading.value = true
    const { page, pageSize } = paging.value
    const { data } = await api.GET('/api/v1/jobs/{id}/items', {
      params: { path: { id: jobId.value }, query: { result: result.value || undefined, page, pageSize } },
    })
    if (request !== latest) return
    loading.value = false
    if (!data) return
    items.value = data.items
    total.value = data.total
  }

  /** For progress updates: reloads unless it did so a moment ago. */
  function refreshLive(): void {
    if (Date.now() - lastLoad >= LIVE_REFRESH_MS) void load(true)
  }

  function changePage(changes: { page: number } | { pageSize: number }): void {
    paging.value = 'page' in changes ? { ...paging.value, ...changes } : { page: 1, ...changes }
  }

  watch([jobId, result], () => {
    paging.value = { ...paging.value, page: 1 }
  })
  watch(paging, () => void load())

  return { result, paging, items, total, loading, load, refreshLive, changePage }
}
