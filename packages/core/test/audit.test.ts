import { describe, expect, it } from 'vitest'
import { systemContext } from '../src/actor.js'
import { DomainError } from '../src/errors.js'
import { backends, useCore } from './setup.js'

describe.each(backends)('audit log and atomic changes on %s', (backend) => {
  const core = useCore(backend)

  it('writes a change and its audit row together, or neither', async () => {
    const ctx = { ...systemContext('tester'), requestId: 'req-1', ip: '10.1.2.3' }
    await expect(
      core().operations.run(ctx, { action: 'demo.fail', targetType: 'user' }, async (trx) => {
        await trx
          .insertInto('users')
          .values({ username: 'half-written', role: 'viewer', passwordHash: 'x' })
          .execute()
        throw new DomainError('conflict', 'DEMO_CONFLICT', 'refused on purpose')
      }),
    ).rejects.toThrow('refused on purpose')
    expect(await core().users.findByUsername('half-written')).toBeUndefined()
    const [failure] = (await core().operations.list({ action: 'demo.fail', limit: 1 })).items
    expect(failure).toMatchObject({
      result: 'failure',
      error: { code: 'DEMO_CONFLICT', message: 'refused on purpose' },
      actor: { type: 'system', name: 'tester' },
      requestId: 'req-1',
      ip: '10.1.2.3',
    })
  })

  it('lets exactly one of two concurrent creates of a username through', async () => {
    const ctx = systemContext('tester')
    const results = await Promise.allSettled(
      ['racer', 'RACER'].map((username) =>
        core().users.create(ctx, { username, password: 'password-123', role: 'viewer' }),
      ),
    )
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    const rejected = results.find((r) => r.status === 'rejected')
    expect(rejected?.status === 'rejected' && rejected.reason).toMatchObject({ code: 'USERNAME_TAKEN' })
  })

  it('never lets concurrent demotions remove the last administrators', async () => {
    const ctx = systemContext('tester')
    const a = await core().users.create(ctx, { username: 'admin-a', password: 'password-123', role: 'admin' })
    const b = await core().users.create(ctx, { username: 'admin-b', password: 'password-123', role: 'admin' })
    const results = await Promise.allSettled(
      [a, b].map((u) => core().users.update(ctx, u.id, { role: 'viewer' })),
    )
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    const refused = results.find((r) => r.status === 'rejected')
    expect(refused?.status === 'rejected' && refused.reason).toMatchObject({ code: 'LAST_ADMIN' })
    const admins = await core().users.list({ role: 'admin', disabled: false, page: 1, pageSize: 10 })
    expect(admins.total).toBe(1)
  })

  it('creates the first administrator only on an empty installation', async () => {
    // This database already has users from the tests above.
    expect(await core().users.ensureInitialAdmin(systemContext(), 'whatever-123')).toEqual({ created: false })
  })
})

describe.each(backends)('credentials key on %s', (backend) => {
  const core = useCore(backend)

  it('refuses to start with a key other than the one the database was set up with', async () => {
    const { verifySecretKey, SecretKeyMismatchError } = await import('../src/secrets/key-check.js')
    const { SecretBox } = await import('../src/secrets/secret-box.js')
    await expect(
      verifySecretKey(core().database.db, SecretBox.fromText(SecretBox.generateKeyText())),
    ).rejects.toBeInstanceOf(SecretKeyMismatchError)
  })
})
