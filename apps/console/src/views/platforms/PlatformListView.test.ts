import { describe, expect, it } from 'vitest'
import { makePlatform, mountConsole, platformsApi, signedInAs, stubServer } from '../../../test/unit/harness'
import { eventually } from '../../../test/unit/eventually'

const enabled = makePlatform({
  name: '启用中的平台',
  state: 'enabled',
  lastTest: {
    ok: false,
    at: '2025-01-02T03:04:05.000Z',
    latencyMs: 42,
    detail: null,
    error: { code: 'CARRIER_AUTH', message: 'key refused' },
  },
})
const disabled = makePlatform({ id: '00000000-0000-4000-8000-0000000000a2', name: '已禁用的平台' })

describe('PlatformListView', () => {
  it('shows platforms with carrier, state and last test, and keeps the filters in the request', async () => {
    const { requests } = stubServer({ ...signedInAs('admin'), ...platformsApi([enabled, disabled]) })
    const { wrapper } = await mountConsole('/platforms?state=enabled&carrierId=reference')

    await eventually(() => expect(wrapper.find('.platform-table').text()).toContain('启用中的平台'))
    const table = wrapper.get('.platform-table').text()
    expect(table).toContain('参考运营商（测试）')
    expect(table).toContain('启用')
    expect(table).toContain('失败')
    expect(table).toContain('42 ms')
    expect(table).toContain('未测试')
    const listUrl = new URL(requests.find((request) => request.url.includes('/api/v1/platforms'))?.url ?? '')
    expect(listUrl.searchParams.get('state')).toBe('enabled')
    expect(listUrl.searchParams.get('carrierId')).toBe('reference')
  })

  it('disables 删除 for an enabled platform, for admins', async () => {
    stubServer({ ...signedInAs('admin'), ...platformsApi([enabled, disabled]) })
    const { wrapper } = await mountConsole('/platforms')

    await eventually(() => expect(wrapper.find('.platform-table').text()).toContain('已禁用的平台'))
    expect(wrapper.find('[data-test="create-platform"]').exists()).toBe(true)
    const deleteButtons = wrapper
      .findAll('.platform-table .el-table__body-wrapper [data-test="platform-delete"]')
      .map((button) => button.attributes('disabled') !== undefined)
    expect(deleteButtons).toEqual([true, false])
  })

  it('hides the admin actions from a viewer, in the table and in the card view', async () => {
    stubServer({ ...signedInAs('viewer'), ...platformsApi([enabled, disabled]) })
    const { wrapper, router } = await mountConsole('/platforms')

    await eventually(() => expect(wrapper.find('.platform-table').text()).toContain('已禁用的平台'))
    expect(wrapper.find('[data-test="create-platform"]').exists()).toBe(false)
    for (const action of ['platform-delete', 'platform-toggle', 'platform-test']) {
      expect(wrapper.find(`[data-test="${action}"]`).exists()).toBe(false)
    }
    expect(wrapper.find('[data-test="platform-open"]').text()).toBe('详情')

    await wrapper.get('[data-test="view-cards"]').trigger('click')
    await eventually(() => expect(router.currentRoute.value.query['view']).toBe('cards'))
    await eventually(() => expect(wrapper.findAll('.platform-card')).toHaveLength(2))
    expect(wrapper.find('[data-test="platform-delete"]').exists()).toBe(false)
  })

  it('lets an operator test but not manage', async () => {
    stubServer({ ...signedInAs('operator'), ...platformsApi([disabled]) })
    const { wrapper } = await mountConsole('/platforms?view=cards')

    await eventually(() => expect(wrapper.findAll('.platform-card')).toHaveLength(1))
    expect(wrapper.find('[data-test="platform-test"]').exists()).toBe(true)
    expect(wrapper.find('[data-test="platform-toggle"]').exists()).toBe(false)
  })
})
