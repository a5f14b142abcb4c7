import type { ApiError, Schemas } from '@simops/api-client'
import { computed, reactive, ref, shallowRef } from 'vue'
import { api, inlineErrors } from '@/api/client'
import { describeApiError, fieldErrorsOf } from '@/api/errors'
import { initialValues, schemaFields, type ConfigValues } from '@/components/schema-form/config-schema'
import { notifyError } from '@/api/notify'
import { useCarriersStore } from '@/stores/carriers'
import { configChanges, createConfig } from './platform-changes'

type Platform = Schemas['Platform']

const CONFIG_PREFIX = 'config.'
/** A new platform's schedule, as the server would default it: on, every six hours. */
export const DEFAULT_SYNC_SCHEDULE: Readonly<{ enabled: boolean; intervalMinutes: number }> = {
  enabled: true,
  intervalMinutes: 360,
}

/** The create/edit form of one platform: its values, what changed, and server errors per field. */
export function usePlatformDetail() {
  const carriers = useCarriersStore()

  const platform = shallowRef<Platform | null>(null)
  const carrierId = ref('')
  const form = reactive({ name: '', description: '' })
  /** 定时同步, as edited. */
  const schedule = reactive({ ...DEFAULT_SYNC_SCHEDULE })
  const config = ref<ConfigValues>({})
  let originalConfig: ConfigValues = {}
  const errors = reactive({ name: '', description: '' })
  const configErrors = ref<Record<string, string>>({})
  const loading = ref(false)
  const missing = ref(false)

  const carrier = computed(() => carriers.find(carrierId.value))
  const fields = computed(() => (carrier.value ? schemaFields(carrier.value.configSchema) : []))

  function clearErrors(): void {
    Object.assign(errors, { name: '', description: '' })
    configErrors.value = {}
  }

  /** Puts the form in the state of `value` (a saved platform), or empty for `carrier` when null. */
  function reset(value: Platform | null, forCarrier = value?.carrierId ?? ''): void {
    platform.value = value
    carrierId.value = forCarrier
    form.name = value?.name ?? ''
    form.description = value?.description ?? ''
    schedule.enabled = value?.syncSchedule.enabled ?? DEFAULT_SYNC_SCHEDULE.enabled
    schedule.intervalMinutes = value?.syncSchedule.intervalMinutes ?? DEFAULT_SYNC_SCHEDULE.intervalMinutes
    originalConfig = initialValues(fields.value, value?.config)
    config.value = { ...originalConfig }
    clearErrors()
  }

  async function open(id: string | null): Promise<void> {
    missing.value = false
    loading.value = true
    await carriers.load()
    if (id === null) {
      reset(null, '')
      loading.value = false
      return
    }
    const { data } = await api.GET('/api/v1/platforms/{id}', { params: { path: { id } } })
    loading.value = false
    if (data) reset(data)
    else missing.value = true
  }

  /** Shows the server's field errors on their fields; anything else as a toast. */
  function showError(error: ApiError): void {
    clearErrors()
    const onConfig: Record<string, string> = {}
    let placed = false
    for (const [field, message] of fieldErrorsOf(error)) {
      if (field === 'name' || field === 'description') errors[field] = message
      else if (field.startsWith(CONFIG_PREFIX)) onConfig[field.slice(CONFIG_PREFIX.length)] = message
      else continue
      placed = true
    }
    configErrors.value = onConfig
    if (!placed) notifyError(describeApiError(error))
  }

  /** Creates the platform; the new one, or null (errors already shown). */
  async function create(): Promise<Platform | null> {
    clearErrors()
    const description = form.description.trim()
    const { data, error } = await api.POST('/api/v1/platforms', {
      body: {
        carrierId: carrierId.value,
        name: form.name.trim(),
        ...(description ? { description } : {}),
        config: createConfig(fields.value, config.value),
        syncSchedule: { ...schedule },
      },
      middleware: [inlineErrors],
    })
    if (error) showError(error)
    return data ?? null
  }

  /** What an edit changed, as the PATCH body; null when nothing did. */
  function changes(): Schemas['UpdatePlatform'] | null {
    const current = platform.value
    if (!current) return null
    const body: Schemas['UpdatePlatform'] = {}
    if (form.name.trim() !== current.name) body.name = form.name.trim()
    if (form.description.trim() !== current.description) body.description = form.description.trim()
    const changedConfig = configChanges(fields.value, originalConfig, config.value)
    if (Object.keys(changedConfig).length > 0) body.config = changedConfig
    const saved = current.syncSchedule
    if (schedule.enabled !== saved.enabled || schedule.intervalMinutes !== saved.intervalMinutes)
      body.syncSchedule = { ...schedule }
    return Object.keys(body).length > 0 ? body : null
  }

  /** Saves an edit; the updated platform, 'unchanged', or null (errors already shown). */
  async function update(): Promise<Platform | 'unchanged' | null> {
    const current = platform.value
    const body = changes()
    if (!current || !body) return 'unchanged'
    clearErrors()
    const { data, error } = await api.PATCH('/api/v1/platforms/{id}', {
      params: { path: { id: current.id } },
      body,
      middleware: [inlineErrors],
    })
    if (error) showError(error)
    if (data) reset(data)
    return data ?? null
  }

  return {
    platform,
    carrierId,
    carrier,
    carriers,
    form,
    schedule,
    config,
    errors,
    configErrors,
    loading,
    missing,
    reset,
    open,
    create,
    update,
  }
}
