import { ref, type Ref } from 'vue'
import {
  onBeforeRouteUpdate,
  useRoute,
  useRouter,
  type LocationQuery,
  type LocationQueryRaw,
} from 'vue-router'

export interface PagedQuery {
  page: number
  pageSize: number
}

export interface RoutedPageOptions<Q extends PagedQuery, T> {
  fromRoute(query: LocationQuery): Q
  toRoute(query: Q): LocationQueryRaw
  /** Query keys whose change sends the list back to page 1. */
  filterKeys: ReadonlyArray<keyof Q>
  /** Fetches one page; undefined when the request failed (the client has already told the user). */
  fetchPage(query: Q): Promise<{ items: T[]; total: number } | undefined>
  /** Whether a route change needs a new fetch; by default every change does. */
  needsReload?(next: Q, current: Q): boolean
}

/**
 * A paged list whose search, filters and page live in the URL, so a view can be shared and reloaded.
 * Navigation goes through the router; the route update fetches. Only the latest request's answer is
 * shown, so quick successive changes never leave an older page on screen.
 */
export function useRoutedPage<Q extends PagedQuery, T>(options: RoutedPageOptions<Q, T>) {
  const route = useRoute()
  const router = useRouter()
  const query = ref(options.fromRoute(route.query)) as Ref<Q>
  const items = ref([]) as Ref<T[]>
  const total = ref(0)
  const loading = ref(false)
  let latestRequest = 0

  async function load(): Promise<void> {
    const request = ++latestRequest
    loading.value = true
    const page = await options.fetchPage(query.value)
    if (request !== latestRequest) return
    loading.value = false
    if (!page) return
    items.value = page.items
    total.value = page.total
  }

  async function navigate(changes: Partial<Q>): Promise<void> {
    const filtersChanged = options.filterKeys.some((key) => key in changes)
    const next = { ...query.value, ...(filtersChanged ? { page: 1 } : {}), ...changes }
    await router.push({ query: options.toRoute(next) })
  }

  /** After a delete: an emptied page steps back one page, otherwise the page reloads. */
  async function afterRemove(): Promise<void> {
    if (items.value.length === 1 && query.value.page > 1)
      await navigate({ page: query.value.page - 1 } as Partial<Q>)
    else await load()
  }

  onBeforeRouteUpdate((to) => {
    const next = options.fromRoute(to.query)
    const reload = options.needsReload?.(next, query.value) ?? true
    query.value = next
    if (reload) void load()
  })

  void load()

  return { query, items, total, loading, load, navigate, afterRemove }
}
