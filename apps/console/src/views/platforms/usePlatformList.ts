import type { Schemas } from '@simops/api-client'
import { ref } from 'vue'
import { onBeforeRouteUpdate, useRoute, useRouter } from 'vue-router'
import { api } from '@/api/client'
import { platformQueryFromRoute, platformQueryToRoute, type PlatformQuery } from './platform-query'

type Platform = Schemas['Platform']

/** One page of platforms matching the URL's search and filters. */
export function usePlatformList() {
  const route = useRoute()
  const router = useRouter()

  const query = ref<PlatformQuery>(platformQueryFromRoute(route.query))
  const items = ref<Platform[]>([])
  const total = ref(0)
  const loading = ref(false)
  let latestRequest = 0

  async function load(): Promise<void> {
    const request = ++latestRequest
    const { q, carrierId, state, page, pageSize } = query.value
    loading.value = true
    const { data } = await api.GET('/api/v1/platforms', {
      params: {
        query: {
          q: q || undefined,
          carrierId: carrierId || undefined,
          state: state || undefined,
          page,
          pageSize,
        },
      },
    })
    if (request !== latestRequest) return
    loading.value = false
    if (!data) return
    items.value = data.items
    total.value = data.total
  }

  /** Changes search, filters, page or layout through the URL; the route update reloads. */
  async function navigate(changes: Partial<PlatformQuery>): Promise<void> {
    const filtersChanged = ['q', 'carrierId', 'state', 'pageSize'].some((key) => key in changes)
    const next = { ...query.value, ...(filtersChanged ? { page: 1 } : {}), ...changes }
    await router.push({ query: platformQueryToRoute(next) })
  }

  /** Puts a platform the server returned after an action in place of its row. */
  function replace(platform: Platform): void {
    items.value = items.value.map((item) => (item.id === platform.id ? platform : item))
  }

  /** After a delete: an emptied page steps back one page. */
  async function afterRemove(): Promise<void> {
    if (items.value.length === 1 && query.value.page > 1) await navigate({ page: query.value.page - 1 })
    else await load()
  }

  onBeforeRouteUpdate((to) => {
    const next = platformQueryFromRoute(to.query)
    const onlyView = JSON.stringify({ ...next, view: '' }) === JSON.stringify({ ...query.value, view: '' })
    query.value = next
    // Switching between table and cards shows the same page: no need to ask the server again.
    if (!onlyView) void load()
  })

  void load()

  return { query, items, total, loading, load, navigate, replace, afterRemove }
}
