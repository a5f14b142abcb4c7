import type { Schemas } from '@simops/api-client'
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { api } from '@/api/client'

type Carrier = Schemas['Carrier']

/**
 * The installed carrier plugins. They change only when the server restarts with other plugins, so
 * the catalogue is fetched once per session and shared by every view; `load(true)` refreshes it.
 */
export const useCarriersStore = defineStore('carriers', () => {
  const items = ref<Carrier[]>([])
  const loaded = ref(false)
  let pending: Promise<void> | null = null

  function load(force = false): Promise<void> {
    if (loaded.value && !force) return Promise.resolve()
    pending ??= api
      .GET('/api/v1/carriers')
      .then(({ data }) => {
        if (!data) return
        items.value = data.items
        loaded.value = true
      })
      .finally(() => {
        pending = null
      })
    return pending
  }

  function find(id: string): Carrier | undefined {
    return items.value.find((carrier) => carrier.id === id)
  }

  return { items, loaded, load, find }
})
