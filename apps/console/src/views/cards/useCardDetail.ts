import type { Schemas } from '@simops/api-client'
import { computed, ref, shallowRef } from 'vue'
import { api, inlineErrors } from '@/api/client'
import { describeApiError } from '@/api/errors'

type Card = Schemas['Card']
type Operation = Schemas['Operation']

const HISTORY_PAGE_SIZE = 20

/** One card, its operation history (newest first, by cursor) and, on demand, why it is stopped. */
export function useCardDetail() {
  const card = shallowRef<Card | null>(null)
  const loading = ref(false)
  const missing = ref(false)

  const history = ref<Operation[]>([])
  const historyCursor = ref<string | null>(null)
  const historyLoading = ref(false)
  const hasMoreHistory = computed(() => historyCursor.value !== null)
  let historyRequest = 0

  const stopReason = shallowRef<Schemas['StopReason'] | null>(null)
  const stopReasonLoading = ref(false)
  /** Why the stop reason could not be had; shown in its tooltip rather than as a toast on every hover. */
  const stopReasonError = ref('')

  async function open(id: string): Promise<void> {
    missing.value = false
    loading.value = true
    card.value = null
    stopReason.value = null
    stopReasonError.value = ''
    const { data } = await api.GET('/api/v1/cards/{id}', { params: { path: { id } } })
    loading.value = false
    if (!data) {
      missing.value = true
      return
    }
    card.value = data
    await reloadHistory()
  }

  /** Records follow the card by number (they outlive the card itself). */
  async function fetchHistory(cursor: string | null): Promise<void> {
    if (!card.value) return
    const request = ++historyRequest
    historyLoading.value = true
    const { data } = await api.GET('/api/v1/operations', {
      params: { query: { card: card.value.number, limit: HISTORY_PAGE_SIZE, cursor: cursor ?? undefined } },
    })
    if (request !== historyRequest) return
    historyLoading.value = false
    if (!data) return
    history.value = cursor ? [...history.value, ...data.items] : data.items
    historyCursor.value = data.nextCursor
  }

  function reloadHistory(): Promise<void> {
    historyCursor.value = null
    return fetchHistory(null)
  }

  function loadMoreHistory(): Promise<void> {
    return historyCursor.value ? fetchHistory(historyCursor.value) : Promise.resolve()
  }

  /** Takes the card an action returned, and the history that action has just grown. */
  async function replace(updated: Card): Promise<void> {
    if (updated.lifecycle !== card.value?.lifecycle || updated.block !== card.value?.block) {
      stopReason.value = null
      stopReasonError.value = ''
    }
    card.value = updated
    await reloadHistory()
  }

  /** Asks the carrier why the card is stopped, once per visit. */
  async function loadStopReason(): Promise<void> {
    if (!card.value || stopReason.value || stopReasonLoading.value) return
    stopReasonLoading.value = true
    const { data, error } = await api.GET('/api/v1/cards/{id}/stop-reason', {
      params: { path: { id: card.value.id } },
      middleware: [inlineErrors],
    })
    stopReasonLoading.value = false
    stopReason.value = data ?? null
    stopReasonError.value = error ? describeApiError(error) : ''
  }

  return {
    card,
    loading,
    missing,
    open,
    replace,
    history,
    historyLoading,
    hasMoreHistory,
    reloadHistory,
    loadMoreHistory,
    stopReason,
    stopReasonLoading,
    stopReasonError,
    loadStopReason,
  }
}
