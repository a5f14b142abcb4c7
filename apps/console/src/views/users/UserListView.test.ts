import { describe, expect, it } from 'vitest'
import {
  inDocument,
  jsonResponse,
  makeUser,
  mountConsole,
  signedInAs,
  stubServer,
} from '../../../test/unit/harness'
import { eventually } from '../../../test/unit/eventually'

const admin = makeUser()
const operator = makeUser({
  id: '00000000-0000-4000-8000-000000000002',
  username: 'ops-li',
  displayName: '李运维',
  role: 'operator',
  disabled: true,
})

describe('UserListView', () => {
  it('lists users and shows USERNAME_TAKEN on the username field', async () => {
    const created: unknown[] = []
    const { requests } = stubServer({
      ...signedInAs('admin', admin),
      'GET /api/v1/users': () =>
        jsonResponse(200, { items: [admin, operator], total: 2, page: 1, pageSize: 20 }),
      'POST /api/v1/users': async (request) => {
        created.push(await request.json())
        return jsonResponse(409, {
          code: 'USERNAME_TAKEN',
          message: 'Username "ops-li" is already taken',
          details: { field: 'username' },
        })
      },
    })
    const { wrapper } = await mountConsole('/users?role=operator')

    await eventually(() => expect(wrapper.find('.user-table').text()).toContain('ops-li'))
    const table = wrapper.get('.user-table').text()
    expect(table).toContain('李运维')
    expect(table).toContain('操作员')
    expect(table).toContain('已停用')
    const listUrl = new URL(requests.find((request) => request.url.includes('/api/v1/users'))?.url ?? '')
    expect(listUrl.searchParams.get('role')).toBe('operator')

    await wrapper.get('[data-test="create-user"]').trigger('click')
    await eventually(() => inDocument('.user-form-dialog input[name="username"]'))
    await inDocument('.user-form-dialog input[name="username"]').setValue('ops-li')
    await inDocument('.user-form-dialog input[name="password"]').setValue('long-enough-1')
    await inDocument('.user-form-dialog input[name="confirmPassword"]').setValue('long-enough-1')
    await inDocument('[data-test="user-form-submit"]').trigger('click')

    await eventually(() => expect(created).toHaveLength(1))
    expect(created[0]).toMatchObject({ username: 'ops-li', password: 'long-enough-1', role: 'viewer' })
    await eventually(() => {
      const usernameItem = inDocument('.user-form-dialog input[name="username"]').element.closest(
        '.el-form-item',
      )
      expect(usernameItem?.querySelector('.el-form-item__error')?.textContent?.trim()).toBe('用户名已被占用')
    })
  })

  it('does not let an admin delete their own account', async () => {
    stubServer({
      ...signedInAs('admin', admin),
      'GET /api/v1/users': () =>
        jsonResponse(200, { items: [admin, operator], total: 2, page: 1, pageSize: 20 }),
    })
    const { wrapper } = await mountConsole('/users')

    await eventually(() => expect(wrapper.find('.user-table').text()).toContain('ops-li'))
    const deleteButtons = wrapper
      .findAll('.user-table .el-table__body-wrapper .user-table__delete button')
      .map((button) => button.attributes('disabled') !== undefined)
    expect(deleteButtons).toEqual([true, false])
  })
})
