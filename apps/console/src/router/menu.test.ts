import type { RouteRecordRaw } from 'vue-router'
import { describe, expect, it } from 'vitest'
import {
  emptyOperations,
  emptyPlatforms,
  mountConsole,
  signedInAs,
  stubServer,
} from '../../test/unit/harness'
import { buildMenu } from './menu'
import { routes } from './routes'
import { eventually } from '../../test/unit/eventually'

const paths = (role: Parameters<typeof buildMenu>[1]) =>
  Object.fromEntries(
    buildMenu(routes, role).map((group) => [group.section, group.items.map((item) => item.path)]),
  )

describe('menu built from the route table', () => {
  it('offers only the IoT pages that exist, and hides admin pages from others', () => {
    const cards = ['/cards', '/devices', '/recharges', '/platforms', '/operations', '/jobs']
    expect(paths('admin')).toEqual({ cards, system: ['/users', '/api-keys'] })
    expect(paths('operator')).toEqual({ cards, system: ['/api-keys'] })
    expect(paths('viewer')).toEqual({ cards, system: ['/api-keys'] })
  })

  it('adds a page to its section as soon as its route exists', () => {
    const withDashboard: RouteRecordRaw[] = [
      ...routes,
      {
        path: '/dashboard',
        component: {},
        meta: { titleKey: 'menu.dashboard', section: 'cards', minRole: 'viewer' },
      },
    ]
    expect(buildMenu(withDashboard, 'viewer')[0]?.items.map((item) => item.path)).toEqual([
      '/cards',
      '/devices',
      '/recharges',
      '/platforms',
      '/operations',
      '/jobs',
      '/dashboard',
    ])
  })

  it('renders the viewer menu without the users page, and refuses it with 403', async () => {
    stubServer({
      ...signedInAs('viewer'),
      ...emptyOperations,
      ...emptyPlatforms,
      'GET /api/v1/api-keys': () => Response.json({ items: [] }),
      'GET /api/v1/cards': () => Response.json({ items: [], total: 0, totalCapped: false, nextCursor: null }),
    })
    const { wrapper, router } = await mountConsole('/')

    await eventually(() => expect(router.currentRoute.value.path).toBe('/cards'))
    const menu = wrapper.get('.side-menu').text()
    expect(menu).toContain('物联卡')
    expect(menu).toContain('物联卡管理')
    expect(menu).toContain('充值管理')
    expect(menu).toContain('平台接入')
    expect(menu).toContain('操作记录')
    expect(menu).toContain('任务')
    expect(menu).toContain('API 密钥')
    expect(menu).not.toContain('用户管理')
    expect(menu).not.toContain('仪表盘')

    await router.push('/users')
    await eventually(() => expect(router.currentRoute.value.name).toBe('forbidden'))
    await eventually(() => expect(wrapper.text()).toContain('你没有访问此页面的权限'))
  })

  it('shows the users page to an admin', async () => {
    stubServer({
      ...signedInAs('admin'),
      ...emptyOperations,
      ...emptyPlatforms,
      'GET /api/v1/cards': () => Response.json({ items: [], total: 0, totalCapped: false, nextCursor: null }),
    })
    const { wrapper, router } = await mountConsole('/')

    await eventually(() => expect(router.currentRoute.value.path).toBe('/cards'))
    expect(wrapper.get('.side-menu').text()).toContain('用户管理')
  })
})
