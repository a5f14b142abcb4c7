import { describe, expect, it } from 'vitest'
import { LoginLimiter } from '../src/auth/login-limiter.js'
import { hoistTitledSchemas } from '../src/openapi/hoist.js'

describe('LoginLimiter', () => {
  it('blocks a username after its failures from any address, until the window passes', () => {
    let now = 0
    const limiter = new LoginLimiter({ windowMs: 60_000, perUser: 2, perIp: 10 }, () => now)
    limiter.recordFailure('Alice', '10.0.0.1')
    limiter.recordFailure('alice', '10.0.0.2')
    expect(() => limiter.assertAllowed('ALICE', '10.0.0.3')).toThrow(
      expect.objectContaining({ code: 'LOGIN_RATE_LIMITED' }),
    )
    expect(() => limiter.assertAllowed('bob', '10.0.0.3')).not.toThrow()
    now = 60_001
    expect(() => limiter.assertAllowed('alice', '10.0.0.3')).not.toThrow()
  })

  it('blocks an address trying many usernames, and says how long to wait', () => {
    let now = 0
    const limiter = new LoginLimiter({ windowMs: 60_000, perUser: 100, perIp: 3 }, () => now)
    for (const name of ['a', 'b', 'c']) limiter.recordFailure(name, '10.0.0.9')
    now = 20_000
    try {
      limiter.assertAllowed('d', '10.0.0.9')
      expect.unreachable()
    } catch (error) {
      expect(error).toMatchObject({ details: { retryAfterSeconds: 40 } })
    }
    limiter.recordSuccess('d')
    expect(() => limiter.assertAllowed('d', '10.0.0.10')).not.toThrow()
  })
})

describe('hoistTitledSchemas', () => {
  it('moves titled body and response schemas into components and refuses clashing titles', () => {
    const user = { type: 'object', title: 'User', properties: { id: { type: 'string' } } }
    const document = {
      paths: {
        '/u': {
          get: {
            responses: {
              200: { content: { 'application/json': { schema: { type: 'array', items: user } } } },
            },
          },
          post: {
            requestBody: { content: { 'application/json': { schema: { ...user, description: 'new' } } } },
          },
        },
      },
    }
    const result = hoistTitledSchemas(document)
    expect(result.components).toEqual({ schemas: { User: user } })
    expect(result.paths['/u'].get.responses[200].content['application/json'].schema).toEqual({
      type: 'array',
      items: { $ref: '#/components/schemas/User' },
    })
    expect(result.paths['/u'].post.requestBody.content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/User',
      description: 'new',
    })
    const clash = structuredClone(document)
    clash.paths['/u'].post.requestBody.content['application/json'].schema = {
      ...user,
      type: 'string',
      description: 'x',
    }
    expect(() => hoistTitledSchemas(clash)).toThrow('Two different schemas are titled "User"')
  })
})
