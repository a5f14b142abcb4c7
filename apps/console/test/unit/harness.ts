import type { Schemas } from '@simops/api-client'
import { DOMWrapper, flushPromises, mount } from '@vue/test-utils'
import { vi } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import App from '@/App.vue'
import { createConsolePlugins } from '@/app'
import type { Role } from '@/utils/roles'

type Handler = (request: Request) => Response | Promise<Response>

export function jsonResponse(status: number, body?: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
  })
}

/** Answers the console's fetches from `routes`, keyed `"METHOD /path"`; anything else is a 404. */
export function stubServer(routes: Record<string, Handler>) {
  const requests: Request[] = []
  const fetchMock = vi.fn(async (request: Request) => {
    requests.push(request)
    const { pathname } = new URL(request.url)
    const handler = routes[`${request.method} ${pathname}`]
    return handler
      ? handler(request)
      : jsonResponse(404, { code: 'ROUTE_NOT_FOUND', message: `${pathname} not stubbed` })
  })
  vi.stubGlobal('fetch', fetchMock)
  return { requests, fetchMock }
}

export function makeUser(overrides: Partial<Schemas['User']> = {}): Schemas['User'] {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    username: 'admin',
    displayName: 'Administrator',
    role: 'admin',
    disabled: false,
    createdAt: '2025-01-02T03:04:05.000Z',
    updatedAt: '2025-01-02T03:04:05.000Z',
    lastLoginAt: null,
    ...overrides,
  }
}

/** A stored session plus the `/auth/me` answer that goes with it. */
export function signedInAs(role: Role, user: Partial<Schemas['User']> = {}): Record<string, Handler> {
  localStorage.setItem('simops.token', 'test-session-token')
  const me: Schemas['Me'] = {
    user: makeUser({ role, ...user }),
    role,
    via: 'session',
    sessionExpiresAt: null,
  }
  return { 'GET /api/v1/auth/me': () => jsonResponse(200, me) }
}

export const emptyOperations: Record<string, Handler> = {
  'GET /api/v1/operations': () => jsonResponse(200, { items: [], nextCursor: null }),
}

/** Mounts the whole console, as `main.ts` does, at `path`. */
export async function mountConsole(path: string) {
  const { plugins, router, pinia } = await createConsolePlugins(createMemoryHistory())
  await router.push(path)
  const wrapper = mount(App, { global: { plugins }, attachTo: document.body })
  await settle()
  return { wrapper, router, pinia }
}

/** Lets requests, lazy route components and re-renders finish. */
export async function settle(): Promise<void> {
  for (let round = 0; round < 5; round++) {
    await flushPromises()
    await new Promise((resolve) => setTimeout(resolve, 0))
  }
}

/** Queries the whole document, since dialogs and dropdowns are teleported out of the app's root. */
export function inDocument(selector: string): DOMWrapper<Element> {
  const element = document.querySelector(selector)
  if (!element) throw new Error(`Nothing matches ${selector}`)
  return new DOMWrapper(element)
}
