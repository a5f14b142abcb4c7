import type { CarrierErrorCode } from '@simops/carrier-sdk'
import { afterEach, describe, expect, it } from 'vitest'
import type { FaultKind } from '../src/simulator/index.js'
import { call, connectToSimulator, must, type OneLinkSimulator } from './support.js'

describe('recovery from injected faults', () => {
  let simulator: OneLinkSimulator | undefined
  afterEach(async () => simulator?.close())

  it.each<[FaultKind, CarrierErrorCode, boolean]>([
    ['rateLimited', 'rateLimited', true],
    ['serverError', 'unavailable', true],
    ['malformedBody', 'protocol', false],
    ['timeout', 'timeout', true],
    ['unauthorized', 'auth', false],
  ])('%s → %s (retryable %s), then works again on the same connection', async (fault, code, retryable) => {
    const setup = await connectToSimulator()
    simulator = setup.simulator
    const iccid = must(await simulator.handle().takeCard('active'), 'active card')
    await setup.connection.getCards({ iccids: [iccid] }, call())
    simulator.injectFault({ kind: fault }, 2)
    await expect(setup.connection.getCards({ iccids: [iccid] }, call(300))).rejects.toMatchObject({
      code,
      retryable,
    })
    simulator.clearFaults()
    const [lookup] = (await setup.connection.getCards({ iccids: [iccid] }, call())).cards
    expect(lookup).toMatchObject({ iccid, found: true, card: { lifecycle: 'active' } })
  })

  it('fetches a new token when every token expires mid-run, without failing the call', async () => {
    const setup = await connectToSimulator()
    simulator = setup.simulator
    const iccid = must(await simulator.handle().takeCard('active'), 'active card')
    await setup.connection.getCards({ iccids: [iccid] }, call())
    simulator.state.tokens.expireAll()
    await expect(setup.connection.getUsage?.({ iccid }, call())).resolves.toMatchObject({
      usedBytes: expect.any(Number),
    })
    expect(setup.requests.filter((request) => request.path === '/get/token')).toHaveLength(2)
  })

  it('answers normally after injected latency', async () => {
    const setup = await connectToSimulator()
    simulator = setup.simulator
    simulator.injectFault({ kind: 'latency', delayMs: 150 })
    const started = performance.now()
    await expect(setup.connection.healthCheck({}, call())).resolves.toMatchObject({ detail: /token issued/ })
    expect(performance.now() - started).toBeGreaterThanOrEqual(140)
  })
})
