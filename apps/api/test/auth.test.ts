import { describe, expect, it } from 'vitest'
import { LoginLimiter } from '../src/auth/login-limiter.js'
import { ADMIN_PASSWORD, backends, useApp } from './harness.js'

describe.each(backends)('auth on %s', (backend) => {
  let clock = new Date('2026-11-29T08:00:00Z')
  const h = useApp(backend, {
    now: () => clock,
    loginLimiter: new LoginLimiter({ windowMs: 60_000, perUser: 3, perIp: 100 }),
  })

  it('logs in and tells who is signed in', async () => {
    const login = await h().request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'admin', password: ADMIN_PASSWORD },
    })
    expect(login.statusCode).toBe(200)
    const body = login.json()
    expect(body.token).toMatch(/^sos_/)
    expect(body.user).toMatchObject({ username: 'admin', role: 'admin', disabled: false })
    expect(body.user.passwordHash).toBeUndefined()
    const me = await h().request({ method: 'GET', url: '/api/v1/auth/me', token: body.token })
    expect(me.statusCode).toBe(200)
    expect(me.json()).toMatchObject({ user: { username: 'admin' }, role: 'admin', via: 'session' })
  })

  it('treats usernames case-insensitively at login', async () => {
    const login = await h().request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'ADMIN', password: ADMIN_PASSWORD },
    })
    expect(login.statusCode).toBe(200)
  })

  it('rejects a wrong password and an unknown user alike, and audits both', async () => {
    for (const username of ['admin', 'nobody-here']) {
      const response = await h().request({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username, password: 'wrong-password' },
      })
      expect(response.statusCode).toBe(401)
      expect(response.json()).toEqual({ code: 'INVALID_CREDENTIALS', message: 'Wrong username or password' })
    }
    const failures = await h().core.operations.list({ action: 'auth.login', result: 'failure', limit: 10 })
    expect(failures.items.map((o) => o.target.name)).toEqual(expect.arrayContaining(['admin', 'nobody-here']))
  })

  it('names the field at fault for malformed login bodies', async () => {
    const cases: Array<[unknown, string]> = [
      [{ username: 'admin' }, 'password'],
      [{ username: 'admin', password: 12345678 }, 'password'],
      [{ username: '', password: 'x' }, 'username'],
      [{ username: 'a'.repeat(65), password: 'x' }, 'username'],
      [{ username: 'admin', password: 'x', extra: true }, 'extra'],
    ]
    for (const [payload, field] of cases) {
      const response = await h().request({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: payload as object,
      })
      expect(response.statusCode, JSON.stringify(payload)).toBe(400)
      const body = response.json()
      expect(body.code).toBe('VALIDATION_FAILED')
      expect(body.details.fields.map((f: { field: string }) => f.field)).toContain(field)
      expect(body.message).toContain(field)
    }
  })

  it('rejects bodies that are not JSON objects with 4xx, never 500', async () => {
    const bad = await h().request({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": ',
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().code).toBe('INVALID_JSON')
    const text = await h().request({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'text/csv' },
      payload: 'a,b',
    })
    expect(text.statusCode).toBe(415)
    expect(text.json().code).toBe('UNSUPPORTED_MEDIA_TYPE')
  })

  it('rate-limits repeated failures for one username and answers with Retry-After', async () => {
    const { username } = await h().userWithRole('viewer', 'limited-user')
    for (let i = 0; i < 3; i++) {
      const r = await h().request({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username, password: 'nope-nope' },
      })
      expect(r.statusCode).toBe(401)
    }
    const blocked = await h().request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password: 'password-123' },
    })
    expect(blocked.statusCode).toBe(429)
    expect(blocked.json().code).toBe('LOGIN_RATE_LIMITED')
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0)
  })

  it('requires authentication everywhere but login, health and docs', async () => {
    for (const url of ['/api/v1/auth/me', '/api/v1/users', '/api/v1/api-keys', '/api/v1/operations']) {
      const response = await h().request({ method: 'GET', url })
      expect(response.statusCode, url).toBe(401)
      expect(response.json().code).toBe('UNAUTHENTICATED')
    }
    for (const [authorization, code] of [
      ['Basic abc', 'INVALID_TOKEN'],
      ['Bearer sos_notarealtoken', 'INVALID_TOKEN'],
      ['Bearer something-else', 'INVALID_TOKEN'],
    ]) {
      const response = await h().request({
        method: 'GET',
        url: '/api/v1/auth/me',
        headers: { authorization },
      })
      expect(response.statusCode).toBe(401)
      expect(response.json().code).toBe(code)
    }
  })

  it('ends the session at logout', async () => {
    const token = await h().login('admin', ADMIN_PASSWORD)
    const out = await h().request({ method: 'POST', url: '/api/v1/auth/logout', token })
    expect(out.statusCode).toBe(204)
    const me = await h().request({ method: 'GET', url: '/api/v1/auth/me', token })
    expect(me.statusCode).toBe(401)
    expect(me.json().code).toBe('INVALID_TOKEN')
  })

  it('expires idle sessions and slides active ones', async () => {
    const token = await h().login('admin', ADMIN_PASSWORD)
    clock = new Date(clock.getTime() + 11 * 60 * 60_000)
    expect((await h().request({ method: 'GET', url: '/api/v1/auth/me', token })).statusCode).toBe(200)
    // Used 11 h in, so the 12 h idle window now runs from there.
    clock = new Date(clock.getTime() + 11 * 60 * 60_000)
    expect((await h().request({ method: 'GET', url: '/api/v1/auth/me', token })).statusCode).toBe(200)
    clock = new Date(clock.getTime() + 13 * 60 * 60_000)
    const expired = await h().request({ method: 'GET', url: '/api/v1/auth/me', token })
    expect(expired.statusCode).toBe(401)
    expect(expired.json().code).toBe('SESSION_EXPIRED')
  })

  it('changes the own password after checking the current one', async () => {
    const { username, token } = await h().userWithRole('operator')
    const wrong = await h().request({
      method: 'PUT',
      url: '/api/v1/auth/password',
      token,
      payload: { currentPassword: 'not-mine-at-all', newPassword: 'new-password-1' },
    })
    expect(wrong.statusCode).toBe(400)
    expect(wrong.json().code).toBe('INVALID_CURRENT_PASSWORD')
    const weak = await h().request({
      method: 'PUT',
      url: '/api/v1/auth/password',
      token,
      payload: { currentPassword: 'password-123', newPassword: 'short' },
    })
    expect(weak.statusCode).toBe(400)
    expect(weak.json().details.fields[0].field).toBe('newPassword')
    const ok = await h().request({
      method: 'PUT',
      url: '/api/v1/auth/password',
      token,
      payload: { currentPassword: 'password-123', newPassword: 'new-password-1' },
    })
    expect(ok.statusCode).toBe(204)
    expect((await h().request({ method: 'GET', url: '/api/v1/auth/me', token })).statusCode).toBe(200)
    await expect(h().login(username, 'password-123')).rejects.toThrow()
    expect(await h().login(username, 'new-password-1')).toMatch(/^sos_/)
  })

  it('refuses disabled accounts', async () => {
    const admin = await h().adminToken()
    const { id, username, token } = await h().userWithRole('viewer')
    const disable = await h().request({
      method: 'PATCH',
      url: `/api/v1/users/${id}`,
      token: admin,
      payload: { disabled: true },
    })
    expect(disable.statusCode).toBe(200)
    expect((await h().request({ method: 'GET', url: '/api/v1/auth/me', token })).statusCode).toBe(401)
    const login = await h().request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password: 'password-123' },
    })
    expect(login.statusCode).toBe(403)
    expect(login.json().code).toBe('ACCOUNT_DISABLED')
  })
})
