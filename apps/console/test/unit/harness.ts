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

/** The reference carrier as `GET /api/v1/carriers` lists it. */
export function makeCarrier(overrides: Partial<Schemas['Carrier']> = {}): Schemas['Carrier'] {
  return {
    id: 'reference',
    displayName: { 'zh-CN': '参考运营商（测试）', en: 'Reference carrier (testing)' },
    carrierName: { 'zh-CN': '参考运营商', en: 'Reference carrier' },
    packageName: '@simops/carrier-testkit',
    version: '1.0.0',
    apiVersion: 1,
    iccidPrefixes: ['8999'],
    capabilities: {
      changeState: { transitions: { activate: ['ready'], suspend: ['active'], resume: ['suspended'] } },
      usage: true,
      stopReason: true,
      recharge: { paymentMethods: ['ALIPAY_WAP'], minAmountFen: 100, maxAmountFen: 50000 },
      rechargeStatus: true,
    },
    limits: { batchSize: { getCards: 50, changeState: 1 }, requestsPerSecond: 50, lockSeconds: 60 },
    configSchema: {
      type: 'object',
      properties: {
        baseUrl: {
          type: 'string',
          format: 'uri',
          'x-label': { 'zh-CN': '接口地址', en: 'API address' },
          'x-help': { 'zh-CN': '模拟器的地址', en: 'Address of the simulator' },
          examples: ['http://127.0.0.1:8080'],
        },
        apiKey: {
          type: 'string',
          'x-secret': true,
          maxLength: 128,
          'x-label': { 'zh-CN': 'API 密钥', en: 'API key' },
          'x-help': { 'zh-CN': '模拟器给出的密钥', en: 'The key the simulator prints' },
        },
        accountId: { type: 'string', 'x-label': { 'zh-CN': '账户编号', en: 'Account ID' } },
      },
      required: ['baseUrl', 'apiKey'],
      additionalProperties: false,
    },
    ...overrides,
  }
}

export function makePlatform(overrides: Partial<Schemas['Platform']> = {}): Schemas['Platform'] {
  return {
    id: '00000000-0000-4000-8000-0000000000a1',
    carrierId: 'reference',
    name: '测试平台',
    description: '',
    state: 'disabled',
    config: { baseUrl: 'http://127.0.0.1:8080', apiKey: '******' },
    secretsSet: ['apiKey'],
    lastTest: null,
    syncSchedule: { enabled: false, intervalMinutes: 60, nextSyncAt: null },
    createdAt: '2025-01-02T03:04:05.000Z',
    updatedAt: '2025-01-02T03:04:05.000Z',
    ...overrides,
  }
}

/** The carrier catalogue and a list of `platforms`, as the platform pages read them. */
export function platformsApi(
  platforms: Schemas['Platform'][],
  carriers = [makeCarrier()],
): Record<string, Handler> {
  return {
    'GET /api/v1/carriers': () => jsonResponse(200, { items: carriers }),
    'GET /api/v1/platforms': () =>
      jsonResponse(200, { items: platforms, total: platforms.length, page: 1, pageSize: 20 }),
  }
}

export const emptyPlatforms: Record<string, Handler> = platformsApi([])

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
