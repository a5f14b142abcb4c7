import { describe, expect, it } from 'vitest'
import { backends, useApp } from './harness.js'

// PostgreSQL text cannot hold U+0000: such input must be refused as bad input, not fail as a 500.
describe.each(backends)('NUL characters in requests on %s', (backend) => {
  const h = useApp(backend)

  it('are refused with VALIDATION_FAILED naming the field, wherever they are', async () => {
    const token = await h().adminToken()
    const cases = [
      { method: 'GET', url: '/api/v1/cards?q=a%00b', field: 'q', location: 'querystring' },
      { method: 'GET', url: '/api/v1/operations?card=1%00', field: 'card', location: 'querystring' },
      { method: 'GET', url: '/api/v1/devices/a%00b', field: 'id', location: 'params' },
      {
        method: 'PUT',
        url: '/api/v1/devices',
        payload: {
          devices: [
            { id: 'ok-1', name: 'fine' },
            { id: 'ok-2', name: 'bad\u0000' },
          ],
        },
        field: 'devices[1].name',
        location: 'body',
      },
      {
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'admin\u0000', password: 'x' },
        field: 'username',
        location: 'body',
      },
    ] as const
    for (const { field, location, ...request } of cases) {
      const response = await h().request({ ...request, token })
      expect(response.statusCode, request.url).toBe(400)
      expect(response.json()).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { fields: [{ field, location }] },
      })
    }
    expect((await h().request({ method: 'GET', url: '/api/v1/devices/ok-1', token })).statusCode).toBe(404)
  })
})
