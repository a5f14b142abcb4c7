import { describe, expect, it } from 'vitest'
import { backends, useApp } from './harness.js'

describe.each(backends)('api keys on %s', (backend) => {
  const h = useApp(backend)

  it('shows the secret once, authenticates with it, and stores only a hash', async () => {
    const { token, username } = await h().userWithRole('operator')
    const created = await h().request({
      method: 'POST',
      url: '/api/v1/api-keys',
      token,
      payload: { name: 'erp sync', role: 'viewer' },
    })
    expect(created.statusCode).toBe(201)
    const { apiKey, secret } = created.json()
    expect(secret).toMatch(/^sok_/)
    expect(secret.startsWith(apiKey.prefix)).toBe(true)
    expect(apiKey).toMatchObject({ name: 'erp sync', role: 'viewer', username, revokedAt: null })

    const listed = await h().request({ method: 'GET', url: '/api/v1/api-keys', token })
    expect(listed.body).not.toContain(secret)
    expect(listed.json().items).toHaveLength(1)
    const stored = await h()
      .core.database.db.selectFrom('apiKeys')
      .select('keyHash')
      .where('id', '=', apiKey.id)
      .executeTakeFirstOrThrow()
    expect(stored.keyHash).not.toContain(secret.slice(4))

    const me = await h().request({ method: 'GET', url: '/api/v1/auth/me', token: secret })
    expect(me.json()).toMatchObject({
      via: 'apiKey',
      role: 'viewer',
      sessionExpiresAt: null,
      user: { username },
    })
  })

  it('never grants more than the key role or the owner role', async () => {
    const viewer = await h().userWithRole('viewer')
    const tooHigh = await h().request({
      method: 'POST',
      url: '/api/v1/api-keys',
      token: viewer.token,
      payload: { name: 'k', role: 'admin' },
    })
    expect(tooHigh.statusCode).toBe(403)
    expect(tooHigh.json()).toMatchObject({ code: 'ROLE_TOO_HIGH', details: { fields: [{ field: 'role' }] } })

    const admin = await h().userWithRole('admin')
    const key = (
      await h().request({
        method: 'POST',
        url: '/api/v1/api-keys',
        token: admin.token,
        payload: { name: 'ops', role: 'viewer' },
      })
    ).json()
    const forbidden = await h().request({ method: 'GET', url: '/api/v1/users', token: key.secret })
    expect(forbidden.statusCode).toBe(403)

    const strong = (
      await h().request({
        method: 'POST',
        url: '/api/v1/api-keys',
        token: admin.token,
        payload: { name: 'full', role: 'admin' },
      })
    ).json()
    expect(
      (await h().request({ method: 'GET', url: '/api/v1/users', token: strong.secret })).statusCode,
    ).toBe(200)
    // Demoting the owner demotes the key with them.
    await h().request({
      method: 'PATCH',
      url: `/api/v1/users/${admin.id}`,
      token: await h().adminToken(),
      payload: { role: 'viewer' },
    })
    expect(
      (await h().request({ method: 'GET', url: '/api/v1/users', token: strong.secret })).statusCode,
    ).toBe(403)
  })

  it('revokes immediately, hides other users keys, and lets admins revoke any', async () => {
    const alice = await h().userWithRole('operator')
    const bob = await h().userWithRole('operator')
    const key = (
      await h().request({
        method: 'POST',
        url: '/api/v1/api-keys',
        token: alice.token,
        payload: { name: 'a', role: 'operator' },
      })
    ).json()
    const bobTries = await h().request({
      method: 'DELETE',
      url: `/api/v1/api-keys/${key.apiKey.id}`,
      token: bob.token,
    })
    expect(bobTries.statusCode).toBe(404)
    expect(bobTries.json().code).toBe('API_KEY_NOT_FOUND')
    expect(
      (await h().request({ method: 'GET', url: '/api/v1/api-keys', token: bob.token })).json().items,
    ).toEqual([])

    const adminList = await h().request({
      method: 'GET',
      url: `/api/v1/api-keys?userId=${alice.id}`,
      token: await h().adminToken(),
    })
    expect(adminList.json().items.map((k: { id: string }) => k.id)).toEqual([key.apiKey.id])

    const revoked = await h().request({
      method: 'DELETE',
      url: `/api/v1/api-keys/${key.apiKey.id}`,
      token: await h().adminToken(),
    })
    expect(revoked.statusCode).toBe(200)
    expect(revoked.json().revokedAt).not.toBeNull()
    const use = await h().request({ method: 'GET', url: '/api/v1/auth/me', token: key.secret })
    expect(use.statusCode).toBe(401)
    expect(use.json().code).toBe('API_KEY_REVOKED')
    expect(
      (await h().request({ method: 'GET', url: '/api/v1/api-keys', token: alice.token })).json().items,
    ).toEqual([])
    expect(
      (
        await h().request({ method: 'GET', url: '/api/v1/api-keys?includeRevoked=true', token: alice.token })
      ).json().items,
    ).toHaveLength(1)
  })

  it('validates names and expiry, and refuses to log out with a key', async () => {
    const { token } = await h().userWithRole('operator')
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ role: 'viewer' }, 'name'],
      [{ name: '', role: 'viewer' }, 'name'],
      [{ name: 'n'.repeat(65), role: 'viewer' }, 'name'],
      [{ name: 'k', role: 'viewer', expiresAt: 'tomorrow' }, 'expiresAt'],
      [{ name: 'k', role: 'viewer', expiresAt: '2001-01-01T00:00:00Z' }, 'expiresAt'],
    ]
    for (const [payload, field] of cases) {
      const response = await h().request({ method: 'POST', url: '/api/v1/api-keys', token, payload })
      expect(response.statusCode, JSON.stringify(payload)).toBe(400)
      expect(response.json().details.fields.map((f: { field: string }) => f.field)).toContain(field)
    }
    const key = (
      await h().request({
        method: 'POST',
        url: '/api/v1/api-keys',
        token,
        payload: { name: 'k', role: 'viewer' },
      })
    ).json()
    const logout = await h().request({ method: 'POST', url: '/api/v1/auth/logout', token: key.secret })
    expect(logout.statusCode).toBe(400)
    expect(logout.json().code).toBe('NOT_A_SESSION')
  })
})
