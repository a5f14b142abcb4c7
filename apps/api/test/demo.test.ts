import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readConfig } from '../src/config.js'
import { startDemo, type RunningDemo } from '../src/demo.js'
import { afterAll, describe, expect, it, vi } from 'vitest'

describe('simops demo', () => {
  let demo: RunningDemo | undefined
  let dataDir = ''
  afterAll(async () => {
    // Stops mid-sync: the background sync ends between cards, then the server and simulators stop.
    const started = Date.now()
    await demo?.stop()
    expect(Date.now() - started).toBeLessThan(20_000)
    if (dataDir) await rm(dataDir, { recursive: true, force: true })
  }, 60_000)

  it('starts every bundled simulator, a platform per account, their cards, devices, and syncs them', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'simops-demo-'))
    const config = readConfig({ SIMOPS_DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent' }, process.cwd())
    demo = await startDemo(config)
    const { core } = demo.server
    expect(demo.simulators.map((s) => s.packageName)).toEqual([
      '@simops/carrier-onelink',
      '@simops/carrier-ctwing',
      '@simops/carrier-unicom',
    ])
    const platforms = await core.platforms.list({ page: 1, pageSize: 20 })
    expect(platforms.items.map((p) => p.carrierId).sort()).toEqual(['ctwing', 'onelink', 'unicom'])
    const cards = await core.cards.list({ filter: {}, sort: 'createdAt', order: 'desc', limit: 1 })
    expect(cards.total).toBeGreaterThanOrEqual(600)
    expect((await core.devices.list({ page: 1, pageSize: 1, unbound: false })).total).toBe(20)

    // The admin can log in with the printed password, and cards turn synced within seconds.
    const login = await fetch(`${demo.server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'simops-demo' }),
    })
    expect(login.status).toBe(200)
    await vi.waitFor(
      async () => {
        const synced = await core.cards.list({
          filter: { syncStates: ['ok'] },
          sort: 'createdAt',
          order: 'desc',
          limit: 1,
        })
        expect(synced.total).toBeGreaterThan(50)
      },
      { timeout: 30_000, interval: 250 },
    )
  }, 120_000)
})
