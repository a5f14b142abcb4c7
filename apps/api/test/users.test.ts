import { describe, expect, it } from 'vitest'
import { backends, useApp } from './harness.js'

describe.each(backends)('users on %s', (backend) => {
  const h = useApp(backend)

  async function countUsers(): Promise<number> {
    return (await h().core.users.list({ page: 1, pageSize: 1 })).total
  }

  it('lets an admin create, read, update and delete a user, auditing each step', async () => {
    const token = await h().adminToken()
    const created = await h().request({
      method: 'POST',
      url: '/api/v1/users',
      token,
      payload: { username: 'li.lei', password: 'secret-pass-1', role: 'operator', displayName: '李雷' },
    })
    expect(created.statusCode).toBe(201)
    const user = created.json()
    expect(user).toMatchObject({
      username: 'li.lei',
      displayName: '李雷',
      role: 'operator',
      disabled: false,
      lastLoginAt: null,
    })
    expect(
      (await h().request({ method: 'GET', url: `/api/v1/users/${user.id}`, token })).json().username,
    ).toBe('li.lei')

    const updated = await h().request({
      method: 'PATCH',
      url: `/api/v1/users/${user.id}`,
      token,
      payload: { role: 'viewer' },
    })
    expect(updated.statusCode).toBe(200)
    expect(updated.json().role).toBe('viewer')

    const listed = await h().request({ method: 'GET', url: '/api/v1/users?q=li.&role=viewer', token })
    expect(listed.json()).toMatchObject({ total: 1, page: 1, pageSize: 20, items: [{ username: 'li.lei' }] })

    expect((await h().request({ method: 'DELETE', url: `/api/v1/users/${user.id}`, token })).statusCode).toBe(
      204,
    )
    const gone = await h().request({ method: 'GET', url: `/api/v1/users/${user.id}`, token })
    expect(gone.statusCode).toBe(404)
    expect(gone.json().code).toBe('USER_NOT_FOUND')

    const log = await h().core.operations.list({ targetId: user.id, limit: 10 })
    expect(log.items.map((o) => `${o.action}:${o.result}`)).toEqual([
      'user.delete:success',
      'user.update:success',
      'user.create:success',
    ])
    expect(log.items[0]?.actor.name).toBe('admin')
  })

  it('refuses a duplicate username whatever its case, writing nothing', async () => {
    const token = await h().adminToken()
    const before = await countUsers()
    const dup = await h().request({
      method: 'POST',
      url: '/api/v1/users',
      token,
      payload: { username: 'Admin', password: 'secret-pass-1', role: 'viewer' },
    })
    expect(dup.statusCode).toBe(409)
    expect(dup.json()).toMatchObject({ code: 'USERNAME_TAKEN', details: { field: 'username' } })
    expect(await countUsers()).toBe(before)
    const audit = await h().core.operations.list({ action: 'user.create', result: 'failure', limit: 1 })
    expect(audit.items[0]?.error?.code).toBe('USERNAME_TAKEN')
  })

  it('validates every field and names it', async () => {
    const token = await h().adminToken()
    const before = await countUsers()
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ password: 'secret-pass-1', role: 'viewer' }, 'username'],
      [{ username: 'ab', password: 'secret-pass-1', role: 'viewer' }, 'username'],
      [{ username: '-bad', password: 'secret-pass-1', role: 'viewer' }, 'username'],
      [{ username: 'x'.repeat(65), password: 'secret-pass-1', role: 'viewer' }, 'username'],
      [{ username: 'valid', password: 'short', role: 'viewer' }, 'password'],
      [{ username: 'valid', password: 'secret-pass-1', role: 'root' }, 'role'],
      [
        { username: 'valid', password: 'secret-pass-1', role: 'viewer', displayName: 'n'.repeat(65) },
        'displayName',
      ],
      [{ username: 'valid', password: 'secret-pass-1', role: 'viewer', isAdmin: true }, 'isAdmin'],
      [{ username: 42, password: 'secret-pass-1', role: 'viewer' }, 'username'],
    ]
    for (const [payload, field] of cases) {
      const response = await h().request({ method: 'POST', url: '/api/v1/users', token, payload })
      expect(response.statusCode, JSON.stringify(payload)).toBe(400)
      expect(response.json().code).toBe('VALIDATION_FAILED')
      expect(response.json().details.fields.map((f: { field: string }) => f.field)).toContain(field)
    }
    const emptyPatch = await h().request({
      method: 'PATCH',
      url: `/api/v1/users/${(await h().core.users.findByUsername('admin'))?.id}`,
      token,
      payload: {},
    })
    expect(emptyPatch.statusCode).toBe(400)
    const badQuery = await h().request({ method: 'GET', url: '/api/v1/users?pageSize=1000', token })
    expect(badQuery.statusCode).toBe(400)
    expect(badQuery.json().details.fields[0]).toMatchObject({ field: 'pageSize', location: 'querystring' })
    expect(await countUsers()).toBe(before)
  })

  it('answers 404 for unknown and malformed ids', async () => {
    const token = await h().adminToken()
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      for (const [method, url, payload] of [
        ['GET', `/api/v1/users/${id}`, undefined],
        ['PATCH', `/api/v1/users/${id}`, { role: 'viewer' }],
        ['DELETE', `/api/v1/users/${id}`, undefined],
        ['PUT', `/api/v1/users/${id}/password`, { password: 'another-pass-1' }],
      ] as const) {
        const response = await h().request({ method, url, token, ...(payload ? { payload } : {}) })
        expect(response.statusCode, `${method} ${url}`).toBe(404)
        expect(response.json().code).toBe('USER_NOT_FOUND')
      }
    }
  })

  it('always keeps one enabled administrator and never deletes yourself', async () => {
    const token = await h().adminToken()
    const adminId = (await h().core.users.findByUsername('admin'))?.id
    for (const payload of [{ role: 'operator' }, { disabled: true }]) {
      const response = await h().request({ method: 'PATCH', url: `/api/v1/users/${adminId}`, token, payload })
      expect(response.statusCode).toBe(409)
      expect(response.json().code).toBe('LAST_ADMIN')
    }
    const self = await h().request({ method: 'DELETE', url: `/api/v1/users/${adminId}`, token })
    expect(self.statusCode).toBe(409)
    expect(self.json().code).toBe('CANNOT_DELETE_SELF')
    const second = await h().userWithRole('admin')
    const demoteFirst = await h().request({
      method: 'PATCH',
      url: `/api/v1/users/${adminId}`,
      token: second.token,
      payload: { role: 'operator' },
    })
    expect(demoteFirst.statusCode).toBe(200)
    const demoteLast = await h().request({
      method: 'PATCH',
      url: `/api/v1/users/${second.id}`,
      token: second.token,
      payload: { role: 'viewer' },
    })
    expect(demoteLast.json().code).toBe('LAST_ADMIN')
    await h().request({
      method: 'PATCH',
      url: `/api/v1/users/${adminId}`,
      token: second.token,
      payload: { role: 'admin' },
    })
  })

  it('enforces the admin role on the server', async () => {
    for (const role of ['operator', 'viewer'] as const) {
      const { token } = await h().userWithRole(role)
      const list = await h().request({ method: 'GET', url: '/api/v1/users', token })
      expect(list.statusCode).toBe(403)
      expect(list.json().code).toBe('FORBIDDEN')
      const create = await h().request({
        method: 'POST',
        url: '/api/v1/users',
        token,
        payload: { username: 'sneaky', password: 'secret-pass-1', role: 'admin' },
      })
      expect(create.statusCode).toBe(403)
    }
    expect(await h().core.users.findByUsername('sneaky')).toBeUndefined()
  })

  it('resets a password and signs the user out everywhere', async () => {
    const token = await h().adminToken()
    const user = await h().userWithRole('viewer')
    const reset = await h().request({
      method: 'PUT',
      url: `/api/v1/users/${user.id}/password`,
      token,
      payload: { password: 'fresh-password-9' },
    })
    expect(reset.statusCode).toBe(204)
    expect((await h().request({ method: 'GET', url: '/api/v1/auth/me', token: user.token })).statusCode).toBe(
      401,
    )
    expect(await h().login(user.username, 'fresh-password-9')).toMatch(/^sos_/)
  })

  it('pages through users in a stable order', async () => {
    const token = await h().adminToken()
    for (let i = 0; i < 5; i++) await h().userWithRole('viewer', `pager-${i}`)
    const first = (
      await h().request({ method: 'GET', url: '/api/v1/users?q=pager&pageSize=2&page=1', token })
    ).json()
    const third = (
      await h().request({ method: 'GET', url: '/api/v1/users?q=pager&pageSize=2&page=3', token })
    ).json()
    expect(first.total).toBe(5)
    expect(first.items.map((u: { username: string }) => u.username)).toEqual(['pager-0', 'pager-1'])
    expect(third.items.map((u: { username: string }) => u.username)).toEqual(['pager-4'])
  })
})
