import type { ApiError, Schemas } from '@simops/api-client'
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { api, inlineErrors } from '@/api/client'

const TOKEN_STORAGE_KEY = 'simops.token'

/** The signed-in session: its token (kept across reloads) and who it belongs to. */
export const useAuthStore = defineStore('auth', () => {
  const token = ref<string | null>(localStorage.getItem(TOKEN_STORAGE_KEY))
  const me = ref<Schemas['Me'] | null>(null)
  let loadingMe: Promise<boolean> | null = null

  const isAuthenticated = computed(() => token.value !== null)
  const user = computed(() => me.value?.user ?? null)
  const role = computed(() => me.value?.role ?? null)

  function setToken(value: string | null): void {
    token.value = value
    if (value === null) localStorage.removeItem(TOKEN_STORAGE_KEY)
    else localStorage.setItem(TOKEN_STORAGE_KEY, value)
  }

  /** Signs in; returns the server's error (for the login form to show) or null. */
  async function login(username: string, password: string): Promise<ApiError | null> {
    const { data, error } = await api.POST('/api/v1/auth/login', {
      body: { username, password },
      middleware: [inlineErrors],
    })
    if (error) return error
    setToken(data.token)
    me.value = { user: data.user, role: data.user.role, via: 'session', sessionExpiresAt: data.expiresAt }
    return null
  }

  /** Fetches who we are once per session; false when the token is no longer accepted. */
  function ensureLoaded(): Promise<boolean> {
    if (!token.value) return Promise.resolve(false)
    if (me.value) return Promise.resolve(true)
    loadingMe ??= api
      .GET('/api/v1/auth/me')
      .then(({ data }) => {
        if (data) me.value = data
        return data !== undefined
      })
      .finally(() => {
        loadingMe = null
      })
    return loadingMe
  }

  function clearSession(): void {
    setToken(null)
    me.value = null
  }

  async function logout(): Promise<void> {
    // Whatever the server says, this browser forgets the session.
    await api.POST('/api/v1/auth/logout', { middleware: [inlineErrors] })
    clearSession()
  }

  return { token, me, user, role, isAuthenticated, login, ensureLoaded, clearSession, logout }
})
