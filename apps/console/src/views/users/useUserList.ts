import type { Schemas } from '@simops/api-client'
import { useI18n } from 'vue-i18n'
import { api } from '@/api/client'
import { notifySuccess } from '@/api/notify'
import { useRoutedPage } from '@/composables/useRoutedPage'
import { confirmAction } from '@/utils/confirm'
import { userQueryFromRoute, userQueryToRoute, type UserQuery } from './user-query'

type User = Schemas['User']

/** One page of users matching the URL's search and filters, and the row actions that change them. */
export function useUserList() {
  const { t } = useI18n()
  const list = useRoutedPage<UserQuery, User>({
    fromRoute: userQueryFromRoute,
    toRoute: userQueryToRoute,
    filterKeys: ['q', 'role', 'status', 'pageSize'],
    async fetchPage({ q, role, status, page, pageSize }) {
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
      return data
    },
  })

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
    await list.load()
  }

  async function remove(user: User): Promise<void> {
    if (!(await confirmAction(t('users.confirm.delete', { username: user.username })))) return
    const { error } = await api.DELETE('/api/v1/users/{id}', { params: { path: { id: user.id } } })
    if (error) return
    notifySuccess(t('users.messages.deleted'))
    await list.afterRemove()
  }

  const { query, items, total, loading, load, navigate } = list
  return { query, items, total, loading, load, navigate, setDisabled, remove }
}
