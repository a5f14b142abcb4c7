import type { Schemas } from '@simops/api-client'
import { ref } from 'vue'
import { api } from '@/api/client'
import { useRoutedPage } from '@/composables/useRoutedPage'
import { cardApiQuery, cardQueryFromRoute, cardQueryToRoute, FILTER_KEYS, type CardQuery } from './card-query'

type Card = Schemas['Card']

/** One page of cards matching the URL's search, filters and sort (sorted and paged by the server). */
export function useCardList() {
  // The total is counted up to 10,000; beyond that the page says "10,000+".
  const totalCapped = ref(false)
  let latest = 0

  const list = useRoutedPage<CardQuery, Card>({
    fromRoute: cardQueryFromRoute,
    toRoute: cardQueryToRoute,
    filterKeys: FILTER_KEYS,
    async fetchPage(query) {
      const request = ++latest
      const { data } = await api.GET('/api/v1/cards', { params: { query: cardApiQuery(query) } })
      if (data && request === latest) totalCapped.value = data.totalCapped
      return data
    },
    // Switching between table and grid shows the same page: no need to ask the server again.
    needsReload: (next, current) =>
      JSON.stringify({ ...next, view: '' }) !== JSON.stringify({ ...current, view: '' }),
  })

  /** Puts a card the server returned after an action in place of its row. */
  function replace(card: Card): void {
    list.items.value = list.items.value.map((item) => (item.id === card.id ? card : item))
  }

  return { ...list, totalCapped, replace }
}
