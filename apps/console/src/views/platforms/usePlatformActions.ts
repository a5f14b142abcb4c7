import type { Schemas } from '@simops/api-client'
import { storeToRefs } from 'pinia'
import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { api } from '@/api/client'
import { describeApiError } from '@/api/errors'
import { notifyError, notifySuccess } from '@/api/notify'
import { i18n } from '@/locales'
import { useAuthStore } from '@/stores/auth'
import { confirmAction } from '@/utils/confirm'
import { roleAtLeast } from '@/utils/roles'

type Platform = Schemas['Platform']
type PlatformTest = Schemas['PlatformTest']

/**
 * What the current role may do with platforms, and the actions shared by the list and the detail
 * page. The server enforces the same roles; the console only spares users buttons that would fail.
 */
export function usePlatformActions() {
  const { t } = useI18n()
  const { role } = storeToRefs(useAuthStore())
  const canManage = computed(() => roleAtLeast(role.value, 'admin'))
  const canTest = computed(() => roleAtLeast(role.value, 'operator'))

  /**
   * Runs the connection test. A failed test is an answer, not an error, so it is announced here,
   * unless the caller shows the result itself (`notify: false`).
   */
  async function test(platform: Platform, notify = true): Promise<PlatformTest | null> {
    const { data } = await api.POST('/api/v1/platforms/{id}/test', {
      params: { path: { id: platform.id } },
      body: {},
    })
    if (!data || !notify) return data ?? null
    if (data.ok) notifySuccess(t('platforms.messages.testOk', { ms: data.latencyMs }))
    else notifyError(t('platforms.messages.testFailed', { message: testErrorText(data) }))
    return data
  }

  /** Enables or disables after confirmation; the updated platform, or null when nothing changed. */
  async function setEnabled(platform: Platform, enabled: boolean): Promise<Platform | null> {
    const verb = enabled ? 'enable' : 'disable'
    if (!(await confirmAction(t(`platforms.confirm.${verb}`, { name: platform.name })))) return null
    const path = enabled ? '/api/v1/platforms/{id}/enable' : '/api/v1/platforms/{id}/disable'
    const { data } = await api.POST(path, { params: { path: { id: platform.id } } })
    if (!data) return null
    notifySuccess(t(enabled ? 'platforms.messages.enabled' : 'platforms.messages.disabled'))
    return data
  }

  /** Deletes after confirmation; true when it is gone. */
  async function remove(platform: Platform): Promise<boolean> {
    if (!(await confirmAction(t('platforms.confirm.delete', { name: platform.name })))) return false
    const { error } = await api.DELETE('/api/v1/platforms/{id}', { params: { path: { id: platform.id } } })
    if (error) return false
    notifySuccess(t('platforms.messages.deleted'))
    return true
  }

  return { canManage, canTest, test, setEnabled, remove }
}

/** A failed test's reason: our text for its code, then the carrier's own words. */
export function testErrorText(result: PlatformTest): string {
  if (!result.error) return ''
  const code = describeApiError({ code: result.error.code, message: '' })
  if (!code) return result.error.message
  if (!result.error.message || result.error.message === code) return code
  return i18n.global.t('platforms.test.reason', { code, message: result.error.message })
}
