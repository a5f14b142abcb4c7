import { CarrierRegistry } from '@simops/core'
import { startCtwingSimulator } from '@simops/carrier-ctwing/simulator'
import { startOneLinkSimulator } from '@simops/carrier-onelink/simulator'
import { startUnicomSimulator } from '@simops/carrier-unicom/simulator'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bundledPlugins } from '../src/config.js'
import { importPlugin } from '../src/plugin-loader.js'
import { useApp } from './harness.js'

/** Each bundled carrier, loaded by package name as the server does, against its own simulator. */
const registry = await CarrierRegistry.load(bundledPlugins, importPlugin)

interface Running {
  config: Record<string, unknown>
  close(): Promise<void>
}

const simulators: Record<string, () => Promise<Running[]>> = {
  onelink: async () => {
    const simulator = await startOneLinkSimulator()
    return [{ config: { ...simulator.handle().config }, close: () => simulator.close() }]
  },
  unicom: async () => {
    const simulator = await startUnicomSimulator()
    return [{ config: { ...simulator.handle().config }, close: () => simulator.close() }]
  },
  ctwing: async () => {
    const simulator = await startCtwingSimulator()
    return [
      { config: { ...simulator.handle('legacy').config }, close: async () => undefined },
      { config: { ...simulator.handle('cmp5g').config }, close: () => simulator.close() },
    ]
  },
}

describe('bundled carrier plugins', () => {
  const running: Running[] = []
  beforeAll(async () => {
    for (const start of Object.values(simulators)) running.push(...(await start()))
  })
  afterAll(async () => {
    for (const simulator of running) await simulator.close()
  })
  const h = useApp('pglite', { carriers: registry })

  it('are the three carriers plus the reference carrier, each from its package', () => {
    expect(registry.list().map((c) => [c.definition.id, c.packageName, c.version])).toEqual([
      ['onelink', '@simops/carrier-onelink', '1.1.0'],
      ['ctwing', '@simops/carrier-ctwing', '1.1.0'],
      ['unicom', '@simops/carrier-unicom', '1.1.0'],
      ['reference', '@simops/carrier-testkit/reference', '1.1.0'],
    ])
  })

  it('each pass the connection test against their simulator, and fail it with wrong credentials', async () => {
    const token = await h().adminToken()
    const carriers = ['onelink', 'unicom', 'ctwing', 'ctwing']
    for (const [index, simulator] of running.entries()) {
      const carrierId = carriers[index] ?? ''
      const created = await h().request({
        method: 'POST',
        url: '/api/v1/platforms',
        token,
        payload: { carrierId, name: `${carrierId} ${index}`, config: simulator.config },
      })
      expect(created.statusCode, created.body).toBe(201)
      const { id, secretsSet } = created.json()
      expect(secretsSet.length, carrierId).toBeGreaterThan(0)
      const ok = await h().request({
        method: 'POST',
        url: `/api/v1/platforms/${id}/test`,
        token,
        payload: {},
      })
      expect(ok.json(), `${carrierId} ${JSON.stringify(simulator.config)}`).toMatchObject({
        ok: true,
        error: null,
      })

      // Every secret replaced by a wrong value of the same shape.
      const wrong = Object.fromEntries(
        secretsSet.map((name: string) => [
          name,
          String(simulator.config[name]).replace(/./g, (c) => (c === 'x' ? 'y' : 'x')),
        ]),
      )
      await h().request({
        method: 'PATCH',
        url: `/api/v1/platforms/${id}`,
        token,
        payload: { config: wrong },
      })
      const refused = await h().request({
        method: 'POST',
        url: `/api/v1/platforms/${id}/test`,
        token,
        payload: {},
      })
      expect(refused.json(), carrierId).toMatchObject({ ok: false, error: { code: 'CARRIER_AUTH' } })
    }
  })
})
