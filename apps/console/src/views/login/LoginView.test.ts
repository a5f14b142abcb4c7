import { describe, expect, it } from 'vitest'
import {
  emptyOperations,
  inDocument,
  jsonResponse,
  makeUser,
  mountConsole,
  settle,
  stubServer,
} from '../../../test/unit/harness'
import { eventually } from '../../../test/unit/eventually'

async function fillAndSubmit(username: string, password: string): Promise<void> {
  await inDocument('input[name="username"]').setValue(username)
  const passwordInput = inDocument('input[name="password"]')
  await passwordInput.setValue(password)
  await passwordInput.trigger('keyup', { key: 'Enter' })
  await settle()
}

describe('LoginView', () => {
  it('shows the product and blocks an empty submit with validation messages', async () => {
    const { fetchMock } = stubServer({})
    const { wrapper } = await mountConsole('/login')

    expect(wrapper.text()).toContain('SimOps')
    expect(wrapper.text()).toContain('物联卡管理平台')
    await wrapper.get('.login-card__submit').trigger('click')
    await settle()

    await eventually(() => {
      const errors = wrapper.findAll('.el-form-item__error').map((error) => error.text())
      expect(errors).toEqual(['请输入用户名', '请输入密码'])
    })
    expect(fetchMock).not.toHaveBeenCalled()
  })

  it('shows INVALID_CREDENTIALS in the chosen language', async () => {
    stubServer({
      'POST /api/v1/auth/login': () =>
        jsonResponse(401, { code: 'INVALID_CREDENTIALS', message: 'Wrong username or password' }),
    })
    const { wrapper, router } = await mountConsole('/login')

    await fillAndSubmit('admin', 'wrong-password')

    await eventually(() => expect(wrapper.find('[data-test="login-error"]').text()).toBe('用户名或密码错误'))
    expect(router.currentRoute.value.name).toBe('login')
    expect(localStorage.getItem('simops.token')).toBeNull()
  })

  it('tells how long to wait when logins are rate limited', async () => {
    stubServer({
      'POST /api/v1/auth/login': () =>
        jsonResponse(429, {
          code: 'LOGIN_RATE_LIMITED',
          message: 'Too many failed logins; try again in 42 s',
          details: { retryAfterSeconds: 42 },
        }),
    })
    const { wrapper } = await mountConsole('/login')

    await fillAndSubmit('admin', 'wrong-password')

    await eventually(() =>
      expect(wrapper.find('[data-test="login-error"]').text()).toBe('登录失败次数过多，请 42 秒后再试'),
    )
  })

  it('stores the token and goes to the redirect target after a successful login', async () => {
    const { requests } = stubServer({
      ...emptyOperations,
      'POST /api/v1/auth/login': () =>
        jsonResponse(200, { token: 'session-123', expiresAt: '2099-01-01T00:00:00.000Z', user: makeUser() }),
    })
    const { wrapper, router } = await mountConsole('/login?redirect=/operations')

    await fillAndSubmit('admin', 'admin-pass-1')

    await eventually(() => expect(router.currentRoute.value.fullPath).toBe('/operations'))
    expect(localStorage.getItem('simops.token')).toBe('session-123')
    await eventually(() => expect(wrapper.find('.el-breadcrumb').text()).toContain('操作记录'))
    const operationsRequest = requests.find((request) => request.url.includes('/api/v1/operations'))
    expect(operationsRequest?.headers.get('authorization')).toBe('Bearer session-123')
  })
})
