import { createPinia, type Pinia } from 'pinia'
import { START_LOCATION, type Router, type RouterHistory } from 'vue-router'
import { bindSession } from '@/api/client'
import { i18n } from '@/locales'
import { createAppRouter } from '@/router'
import { loginLocation } from '@/router/guards'
import { useAuthStore } from '@/stores/auth'
import { usePreferencesStore } from '@/stores/preferences'

export interface ConsolePlugins {
  pinia: Pinia
  router: Router
  plugins: [Pinia, Router, typeof i18n]
}

/** Everything the console app needs installed, wired together; the language is loaded before it resolves. */
export async function createConsolePlugins(history: RouterHistory): Promise<ConsolePlugins> {
  const pinia = createPinia()
  const router = createAppRouter(history)
  const auth = useAuthStore(pinia)

  bindSession({
    token: () => auth.token,
    onSessionLost: () => {
      const current = router.currentRoute.value
      auth.clearSession()
      // Before the first navigation completes the router guard does the redirect itself.
      if (current !== START_LOCATION && !current.meta.public)
        void router.replace(loginLocation(current.fullPath))
    },
  })

  await usePreferencesStore(pinia).restore()
  return { pinia, router, plugins: [pinia, router, i18n] }
}
