import type { Schemas } from '@simops/api-client'
import { storeToRefs } from 'pinia'
import { computed, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { api } from '@/api/client'
import { notifySuccess } from '@/api/notify'
import { useRoutedPage } from '@/composables/useRoutedPage'
import { useAuthStore } from '@/stores/auth'
import { confirmAction } from '@/utils/confirm'
import { roleAtLeast } from '@/utils/roles'
import { deviceQueryFromRoute, deviceQueryToRoute, unboundParam, type DeviceQuery } from './device-query'

type Device = Schemas['Device']

/**
 * One page of devices matching the URL's search and filters, what the current role may do with
 * them, and deleting one. Operators and admins manage devices; viewers only read.
 */
export function useDeviceList() {
  const { t } = useI18n()
  const { role } = storeToRefs(useAuthStore())
  const canManage = computed(() => roleAtLeast(role.value, 'operator'))
  // The server counts up to 10,000 matches; beyond that it says so rather than counting on.
  const totalCapped = ref(false)
  let latestFetch = 0

  const list = useRoutedPage<DeviceQuery, Device>({
    fromRoute: deviceQueryFromRoute,
    toRoute: deviceQueryToRoute,
    filterKeys: ['q', 'product', 'state', 'binding', 'pageSize'],
    async fetchPage({ q, product, state, binding, page, pageSize }) {
      const fetch = ++latestFetch
      const { data } = await api.GET('/api/v1/devices', {
        params: {
          query: {
            q: q || undefined,
            product: product || undefined,
            state: state || undefined,
            unbound: unboundParam(binding),
            page,
            pageSize,
          },
        },
      })
      if (data && fetch === latestFetch) totalCapped.value = data.totalCapped
      return data
    },
  })

  /** Deletes after a confirmation that names the card the device releases; true when it is gone. */
  async function remove(device: Device): Promise<boolean> {
    const message = device.card
      ? t('devices.confirm.deleteBound', { name: device.name, card: device.card.number })
      : t('devices.confirm.delete', { name: device.name })
    if (!(await confirmAction(message))) return false
    const { error } = await api.DELETE('/api/v1/devices/{id}', { params: { path: { id: device.id } } })
    if (error) return false
    notifySuccess(t(device.card ? 'devices.messages.deletedReleased' : 'devices.messages.deleted'))
    await list.afterRemove()
    return true
  }

  return { ...list, totalCapped, canManage, remove }
}
