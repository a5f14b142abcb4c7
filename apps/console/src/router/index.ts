import { createRouter, type RouterHistory, type Router } from 'vue-router'
import { installGuards } from './guards'
import { routes } from './routes'

export function createAppRouter(history: RouterHistory): Router {
  const router = createRouter({ history, routes })
  installGuards(router)
  return router
}
