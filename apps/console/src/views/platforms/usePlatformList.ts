import type { Schemas } from '@simops/api-client'
import { api } from '@/api/client'
import { useRoutedPage } from '@/composables/useRoutedPage'
import { platformQueryFromRoute, platformQueryToRoute, type PlatformQuery } from './platform-query'

type Platform = Schemas['Platform']

/** One page of platforms matching the URL's search and filters. */
export function usePlatformList() {
  const list = useRoutedPage<PlatformQuery, Platform>({
    fromRoute: platformQueryFromRoute,
    toRoute: platformQueryToRoute,
    filterKeys: ['q', 'carrierId', 'state', 'pageSize'],
    async fetchPage({ q, carrierId, state, page, pageSize }) {
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
      return data
    },
    // Switching between table and cards shows the same page: no need to ask the server again.
    needsReload: (next, current) =>
      JSON.stringify({ ...next, view: '' }) !== JSON.stringify({ ...current, view: '' }),
  })

  /** Puts a platform the server returned after an action in place of its row. */
  function replace(platform: Platform): void {
    list.items.value = list.items.value.map((item) => (item.id === platform.id ? platform : item))
  }

  return { ...list, replace }
}
