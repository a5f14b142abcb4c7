import type { RouteLocationRaw, Router } from 'vue-router'
import { useAuthStore } from '@/stores/auth'
import { roleAtLeast } from '@/utils/roles'
import { buildMenu } from './menu'
import { FORBIDDEN_ROUTE, HOME_ROUTE, LOGIN_ROUTE } from './routes'

export function loginLocation(redirect: string): RouteLocationRaw {
  return redirect === '/' ? { name: LOGIN_ROUTE } : { name: LOGIN_ROUTE, query: { redirect } }
}

/** Only same-site paths, so a crafted link cannot send the user elsewhere after login. */
export function safeRedirect(value: unknown): string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : '/'
}

export function installGuards(router: Router): void {
  router.beforeEach(async (to) => {
    const auth = useAuthStore()
    if (to.meta.public) {
      if (to.name === LOGIN_ROUTE && (await auth.ensureLoaded())) return safeRedirect(to.query['redirect'])
      return true
    }
    if (!(await auth.ensureLoaded())) return loginLocation(to.fullPath)

    if (to.name === HOME_ROUTE) {
      const first = buildMenu(router.options.routes, auth.role)[0]?.items[0]
      return first ? first.path : { name: FORBIDDEN_ROUTE }
    }
    const allowed = to.matched.every(
      (record) => !record.meta.minRole || roleAtLeast(auth.role, record.meta.minRole),
    )
    return allowed ? true : { name: FORBIDDEN_ROUTE, replace: true }
  })
}
