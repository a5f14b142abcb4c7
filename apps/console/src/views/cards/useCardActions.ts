import type { Schemas } from '@simops/api-client'
import { storeToRefs } from 'pinia'
import { computed, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { api } from '@/api/client'
import { notifySuccess } from '@/api/notify'
import { useAuthStore } from '@/stores/auth'
import { confirmAction } from '@/utils/confirm'
import { roleAtLeast } from '@/utils/roles'
import type { StateAction } from './card-labels'

type Card = Schemas['Card']

const STATE_PATHS = {
  activate: '/api/v1/cards/{id}/activate',
  suspend: '/api/v1/cards/{id}/suspend',
  resume: '/api/v1/cards/{id}/resume',
} as const

/**
 * The card actions shared by the list and the detail page, and what the current role may do.
 * Operators and admins change cards; viewers only read. The server enforces the same rule.
 * Each action resolves to the card as the server now has it, or null when nothing changed.
 */
export function useCardActions() {
  const { t } = useI18n()
  const { role } = storeToRefs(useAuthStore())
  const canOperate = computed(() => roleAtLeast(role.value, 'operator'))
  /** `${cardId}:${action}` of the request in flight, for a spinner on its button. */
  const busy = ref<string | null>(null)

  /** The lifecycle buttons to offer: what the carrier allows now (server-derived), if the role may. */
  function lifecycleActions(card: Card): StateAction[] {
    return canOperate.value ? card.actions : []
  }

  async function run<T>(card: Card, action: string, request: () => Promise<T>): Promise<T> {
    busy.value = `${card.id}:${action}`
    try {
      return await request()
    } finally {
      busy.value = null
    }
  }

  async function changeState(card: Card, action: StateAction): Promise<Card | null> {
    if (!(await confirmAction(t(`cards.confirm.${action}`, { number: card.number })))) return null
    const { data } = await run(card, action, () =>
      api.POST(STATE_PATHS[action], { params: { path: { id: card.id } } }),
    )
    if (!data) return null
    // Most carriers apply a change later: the card then shows it as pending.
    notifySuccess(t(data.pending ? `cards.messages.${action}Pending` : `cards.messages.${action}Done`))
    return data
  }

  async function sync(card: Card): Promise<Card | null> {
    const path = { path: { id: card.id } }
    const { data, error } = await run(card, 'sync', () =>
      api.POST('/api/v1/cards/{id}/sync', { params: path }),
    )
    if (data) {
      notifySuccess(t('cards.messages.synced'))
      return data
    }
    // A carrier failure is also stored on the card (sync failed + message): fetch the card to show it.
    if (!error.code.startsWith('CARRIER_')) return null
    const { data: current } = await api.GET('/api/v1/cards/{id}', { params: path })
    return current ?? null
  }

  async function unbind(card: Card): Promise<Card | null> {
    const device = card.device?.name || card.device?.id || ''
    if (!(await confirmAction(t('cards.confirm.unbind', { device })))) return null
    const { data } = await run(card, 'unbind', () =>
      api.DELETE('/api/v1/cards/{id}/device', { params: { path: { id: card.id } } }),
    )
    if (!data) return null
    notifySuccess(t('cards.messages.unbound'))
    return data
  }

  /** Deletes after confirmation; true when it is gone. */
  async function remove(card: Card): Promise<boolean> {
    if (!(await confirmAction(t('cards.confirm.delete', { number: card.number })))) return false
    const { error } = await run(card, 'delete', () =>
      api.DELETE('/api/v1/cards/{id}', { params: { path: { id: card.id } } }),
    )
    if (error) return false
    notifySuccess(t('cards.messages.deleted'))
    return true
  }

  return { canOperate, busy, lifecycleActions, changeState, sync, unbind, remove }
}
