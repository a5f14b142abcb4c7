import type { Schemas } from '@simops/api-client'
import { storeToRefs } from 'pinia'
import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { api, inlineErrors } from '@/api/client'
import { notifyError, notifyInfo, notifySuccess } from '@/api/notify'
import { useAuthStore } from '@/stores/auth'
import { roleAtLeast } from '@/utils/roles'
import { describeRechargeError } from './recharge-errors'

type Recharge = Schemas['Recharge']

/**
 * What the current role may do with recharge orders. The server enforces the same roles (operators
 * recharge and refresh, admins confirm by hand); the console only spares users buttons that would fail.
 */
export function useRechargeActions() {
  const { t } = useI18n()
  const { role } = storeToRefs(useAuthStore())
  const canRecharge = computed(() => roleAtLeast(role.value, 'operator'))
  const canConfirm = computed(() => roleAtLeast(role.value, 'admin'))

  /** Asks the carrier about the order now; the order as it stands afterwards, or null on failure. */
  async function refresh(recharge: Recharge): Promise<Recharge | null> {
    const { data, error } = await api.POST('/api/v1/recharges/{id}/refresh', {
      params: { path: { id: recharge.id } },
      middleware: [inlineErrors],
    })
    if (error) {
      notifyError(describeRechargeError(error))
      return null
    }
    const status = t(`recharges.status.${data.status}`)
    if (data.status !== recharge.status) notifySuccess(t('recharges.messages.refreshed', { status }))
    else notifyInfo(t('recharges.messages.unchanged', { status }))
    return data
  }

  return { canRecharge, canConfirm, refresh }
}
