import type { RouteRecordRaw } from 'vue-router'
import { describe, expect, it, vi } from 'vitest'
import { emptyOperations, mountConsole, signedInAs, stubServer } from '../../test/unit/harness'
import { buildMenu } from './menu'
import { routes } from './routes'

const paths = (role: Parameters<typeof buildMenu>[1]) =>
  Object.fromEntries(
    buildMenu(routes, role).map((group) => [group.section, group.items.map((item) => item.path)]),
  )

describe('menu built from the route table', () => {
  it('offers only the IoT pages that exist, and hides admin pages from others', () => {
    expect(paths('admin')).toEqual({ cards: ['/operations'], system: ['/users', '/api-keys'] })
    expect(paths('operator')).toEqual({ cards: ['/operations'], system: ['/api-keys'] })
    expect(paths('viewer')).toEqual({ cards: ['/operations'], system: ['/api-keys'] })
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
      '/operations',
      '/dashboard',
    ])
  })

  it('renders the viewer menu without the users page, and refuses it with 403', async () => {
    stubServer({
      ...signedInAs('viewer'),
      ...emptyOperations,
      'GET /api/v1/api-keys': () => Response.json({ items: [] }),
    })
    const { wrapper, router } = await mountConsole('/')

    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/operations'))
    const menu = wrapper.get('.side-menu').text()
    expect(menu).toContain('物联卡')
    expect(menu).toContain('操作记录')
    expect(menu).toContain('API 密钥')
    expect(menu).not.toContain('用户管理')
    expect(menu).not.toContain('仪表盘')

    await router.push('/users')
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('forbidden'))
    await vi.waitFor(() => expect(wrapper.text()).toContain('你没有访问此页面的权限'))
  })

  it('shows the users page to an admin', async () => {
    stubServer({ ...signedInAs('admin'), ...emptyOperations })
    const { wrapper, router } = await mountConsole('/')

    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/operations'))
    expect(wrapper.get('.side-menu').text()).toContain('用户管理')
  })
})
