import type { Schemas } from '@simops/api-client'
import { ref, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { api } from '@/api/client'
import { notifySuccess } from '@/api/notify'
import { confirmAction } from '@/utils/confirm'

/** The caller's API keys (every user's, for admins), optionally with revoked ones. */
export function useApiKeyList() {
  const { t } = useI18n()
  const items = ref<Schemas['ApiKey'][]>([])
  const includeRevoked = ref(false)
  const loading = ref(false)
  let latestRequest = 0

  async function load(): Promise<void> {
    const request = ++latestRequest
    loading.value = true
    const { data } = await api.GET('/api/v1/api-keys', {
      params: { query: { includeRevoked: includeRevoked.value } },
    })
    if (request !== latestRequest) return
    loading.value = false
    if (data) items.value = data.items
  }

  async function revoke(key: Schemas['ApiKey']): Promise<void> {
    if (!(await confirmAction(t('apiKeys.confirm.revoke', { name: key.name })))) return
    const { error } = await api.DELETE('/api/v1/api-keys/{id}', { params: { path: { id: key.id } } })
    if (error) return
    notifySuccess(t('apiKeys.messages.revoked'))
    await load()
  }

  watch(includeRevoked, load)
  void load()

  return { items, includeRevoked, loading, load, revoke }
}
