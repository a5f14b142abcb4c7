import type { Schemas } from '@simops/api-client'
import { computed, ref } from 'vue'
import { onBeforeRouteUpdate, useRoute, useRouter } from 'vue-router'
import { api } from '@/api/client'
import { downloadOperations } from './operation-export'
import { filterParams, filtersFromQuery, filtersToQuery, type OperationFilters } from './operation-filters'

const PAGE_SIZE = 50

/** The audit log, filtered by the URL query and read newest first, one keyset page at a time. */
export function useOperationList() {
  const route = useRoute()
  const router = useRouter()

  const filters = ref<OperationFilters>(filtersFromQuery(route.query))
  const items = ref<Schemas['Operation'][]>([])
  const nextCursor = ref<string | null>(null)
  const loading = ref(false)
  const exporting = ref(false)
  const hasMore = computed(() => nextCursor.value !== null)
  // A response that arrives after the filters changed again belongs to a stale query.
  let latestRequest = 0

  async function fetchPage(cursor: string | null): Promise<void> {
    const request = ++latestRequest
    loading.value = true
    const { data } = await api.GET('/api/v1/operations', {
      params: {
        query: { ...filterParams(filters.value), cursor: cursor ?? undefined, limit: PAGE_SIZE },
      },
    })
    if (request !== latestRequest) return
    loading.value = false
    if (!data) return
    items.value = cursor ? [...items.value, ...data.items] : data.items
    nextCursor.value = data.nextCursor
  }

  function reload(): Promise<void> {
    nextCursor.value = null
    return fetchPage(null)
  }

  function loadMore(): Promise<void> {
    return nextCursor.value ? fetchPage(nextCursor.value) : Promise.resolve()
  }

  /** Puts the filters into the URL; the route update then reloads the list. */
  async function applyFilters(next: OperationFilters): Promise<void> {
    await router.push({ query: filtersToQuery(next) })
  }

  /** Downloads every record matching the filters in use (not only the loaded ones) as CSV. */
  async function exportCsv(): Promise<void> {
    exporting.value = true
    try {
      await downloadOperations(filters.value)
    } finally {
      exporting.value = false
    }
  }

  onBeforeRouteUpdate((to) => {
    filters.value = filtersFromQuery(to.query)
    void reload()
  })

  void reload()

  return { filters, items, loading, exporting, hasMore, reload, loadMore, applyFilters, exportCsv }
}
