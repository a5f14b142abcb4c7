import { storeToRefs } from 'pinia'
import { computed, type ComputedRef } from 'vue'
import { useAuthStore } from '@/stores/auth'
import { roleAtLeast, type Role } from '@/utils/roles'

/** Whether the signed-in user holds `minimum` or a higher role (the server checks the same). */
export function useRoleAtLeast(minimum: Role): ComputedRef<boolean> {
  const { role } = storeToRefs(useAuthStore())
  return computed(() => roleAtLeast(role.value, minimum))
}
