import type { Schemas } from '@simops/api-client'
import { computed, ref } from 'vue'
import { api } from '@/api/client'
import { useCarriersStore } from '@/stores/carriers'

type Platform = Schemas['Platform']
export type RechargeCapability = NonNullable<Schemas['Carrier']['capabilities']['recharge']>

/** The API pages platforms at 100 at most; recharge-capable ones are far fewer in practice. */
const PLATFORM_PAGE_SIZE = 100

/**
 * Platforms whose carrier takes recharges, per the carrier catalogue. The platforms API cannot
 * filter by capability, so the catalogue decides here.
 */
export function useRechargePlatforms() {
  const carriers = useCarriersStore()
  const all = ref<Platform[]>([])
  const loading = ref(false)

  function capabilityOf(platform: Platform | undefined): RechargeCapability | null {
    return (platform && carriers.find(platform.carrierId)?.capabilities.recharge) || null
  }

  const platforms = computed(() => all.value.filter((platform) => capabilityOf(platform) !== null))

  /** `enabledOnly`: those an order can be placed with now, as the recharge form offers them. */
  async function load(enabledOnly = false): Promise<void> {
    loading.value = true
    const [, { data }] = await Promise.all([
      carriers.load(),
      api.GET('/api/v1/platforms', {
        params: { query: { state: enabledOnly ? 'enabled' : undefined, pageSize: PLATFORM_PAGE_SIZE } },
      }),
    ])
    loading.value = false
    if (data) all.value = enabledOnly ? data.items.filter((item) => item.state === 'enabled') : data.items
  }

  function find(id: string): Platform | undefined {
    return platforms.value.find((platform) => platform.id === id)
  }

  return { platforms, loading, load, find, capabilityOf }
}
