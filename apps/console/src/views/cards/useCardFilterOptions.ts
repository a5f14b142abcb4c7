import type { Schemas } from '@simops/api-client'
import { computed, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { api } from '@/api/client'
import { useCarriersStore } from '@/stores/carriers'
import { localized } from '@/utils/localized'
import { labelIn } from './card-labels'

type Platform = Schemas['Platform']
type CarrierStatus = Schemas['CarrierStatusList'][number]

/** The API's page limit for platforms; a deployment with more platforms than this is not expected. */
const PLATFORM_PAGE_SIZE = 200

/** Options of the card filters that come from the server: carriers, platforms and carrier statuses. */
export function useCardFilterOptions() {
  const { locale } = useI18n()
  const carriers = useCarriersStore()
  const platforms = ref<Platform[]>([])
  const statuses = ref<CarrierStatus[]>([])

  async function load(): Promise<void> {
    const [platformPage, statusList] = await Promise.all([
      api.GET('/api/v1/platforms', { params: { query: { pageSize: PLATFORM_PAGE_SIZE } } }),
      api.GET('/api/v1/cards/carrier-statuses'),
      carriers.load(),
    ])
    platforms.value = platformPage.data?.items ?? []
    statuses.value = statusList.data ?? []
  }

  const carrierName = (carrierId: string): string => {
    const carrier = carriers.find(carrierId)
    return carrier ? localized(carrier.displayName, locale.value) : carrierId
  }

  /** Carrier statuses grouped by carrier, each valued `carrierId:code` as the API filters them. */
  const statusGroups = computed(() => {
    const groups = new Map<string, { value: string; label: string }[]>()
    for (const status of statuses.value) {
      const options = groups.get(status.carrierId) ?? []
      options.push({
        value: `${status.carrierId}:${status.code}`,
        label: labelIn(status.label, locale.value) || status.code,
      })
      groups.set(status.carrierId, options)
    }
    return [...groups].map(([carrierId, options]) => ({ carrierId, label: carrierName(carrierId), options }))
  })

  void load()

  return { carriers, platforms, statusGroups, carrierName }
}
