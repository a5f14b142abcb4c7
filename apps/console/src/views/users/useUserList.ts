import type { Schemas } from '@simops/api-client'
import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { onBeforeRouteUpdate, useRoute, useRouter } from 'vue-router'
import { api } from '@/api/client'
import { notifySuccess } from '@/api/notify'
import { confirmAction } from '@/utils/confirm'
import { userQueryFromRoute, userQueryToRoute, type UserQuery } from './user-query'

type User = Schemas['User']

/** One page of users matching the URL's search and filters, and the row actions that change them. */
export function useUserList() {
  const route = useRoute()
  const router = useRouter()
  const { t } = useI18n()

  const query = ref<UserQuery>(userQueryFromRoute(route.query))
  const items = ref<User[]>([])
  const total = ref(0)
  const loading = ref(false)
  let latestRequest = 0

  async function load(): Promise<void> {
    const request = ++latestRequest
    const { q, role, status, page, pageSize } = query.value
    loading.value = true
    const { data } = await api.GET('/api/v1/users', {
      params: {
        query: {
          q: q || undefined,
          role: role || undefined,
          disabled: status === '' ? undefined : status === 'disabled',
          page,
          pageSize,
        },
      },
    })
    if (request !== latestRequest) return
    loading.value = false
    if (!data) return
    items.value = data.items
    total.value = data.total
  }

  /** Changes search, filters or page through the URL; the route update reloads. */
  async function navigate(changes: Partial<UserQuery>): Promise<void> {
    const filtersChanged = ['q', 'role', 'status', 'pageSize'].some((key) => key in changes)
    const next = { ...query.value, ...(filtersChanged ? { page: 1 } : {}), ...changes }
    await router.push({ query: userQueryToRoute(next) })
  }

  async function setDisabled(user: User, disabled: boolean): Promise<void> {
    const message = t(disabled ? 'users.confirm.disable' : 'users.confirm.enable', {
      username: user.username,
    })
    if (!(await confirmAction(message))) return
    const { error } = await api.PATCH('/api/v1/users/{id}', {
      params: { path: { id: user.id } },
      body: { disabled },
    })
    if (error) return
    notifySuccess(t(disabled ? 'users.messages.disabled' : 'users.messages.enabled'))
    await load()
  }

  async function remove(user: User): Promise<void> {
    if (!(await confirmAction(t('users.confirm.delete', { username: user.username })))) return
    const { error } = await api.DELETE('/api/v1/users/{id}', { params: { path: { id: user.id } } })
    if (error) return
    notifySuccess(t('users.messages.deleted'))
    // Deleting the last row of a page leaves it empty: step back one page.
    if (items.value.length === 1 && query.value.page > 1) await navigate({ page: query.value.page - 1 })
    else await load()
  }

  onBeforeRouteUpdate((to) => {
    query.value = userQueryFromRoute(to.query)
    void load()
  })

  void load()

  return { query, items, total, loading, load, navigate, setDisabled, remove }
}
