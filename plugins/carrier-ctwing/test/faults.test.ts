import type { CarrierErrorCode } from '@simops/carrier-sdk'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startCtwingSimulator, type CtwingSimulator, type SimulatorFault } from '../src/simulator/index.js'
import { call, cardIn, connect, generations, rejectionCode } from './helpers.js'

describe.each(generations)('injected faults and recovery (%s)', (generation) => {
  let simulator: CtwingSimulator
  beforeAll(async () => {
    simulator = await startCtwingSimulator({ seed: 11 })
  })
  afterAll(() => simulator.close())
  beforeEach(() => {
    simulator.clearFaults()
    simulator.setLatency(0)
  })

  const expected: Array<[SimulatorFault, CarrierErrorCode, boolean]> = [
    ['unauthorized', 'auth', false],
    ['rateLimited', 'rateLimited', true],
    ['serverError', 'unavailable', true],
    ['malformedBody', 'protocol', false],
    ['bareError', 'rejected', false],
    ['timeout', 'timeout', true],
  ]

  it.each(expected)('%s → %s, then the same connection works again', async (fault, code, retryable) => {
    const connection = await connect(simulator, generation)
    const iccid = cardIn(simulator, '4')
    simulator.injectFault(fault, 1)
    const failure = connection.getCards({ iccids: [iccid] }, call(fault === 'timeout' ? 300 : 2000))
    expect(await rejectionCode(failure)).toBe(code)
    await failure.catch((error: { retryable: boolean }) => expect(error.retryable).toBe(retryable))
    const { cards } = await connection.getCards({ iccids: [iccid] }, call())
    expect(cards[0]).toMatchObject({ found: true, card: { lifecycle: 'active' } })
  })

  it('a bare error string keeps its text for the operator', async () => {
    const connection = await connect(simulator, generation)
    simulator.injectFault('bareError', 1, '03号码已销户')
    const error = await connection
      .getCards({ iccids: [cardIn(simulator, '4')] }, call())
      .catch((reason: unknown) => reason)
    expect(error).toMatchObject({ code: 'rejected', carrierCode: '03', carrierMessage: '03号码已销户' })
  })

  it('latency beyond the call timeout is a timeout; once it is gone, calls succeed', async () => {
    const connection = await connect(simulator, generation)
    const iccid = cardIn(simulator, '4')
    simulator.setLatency(400)
    expect(await rejectionCode(connection.getCards({ iccids: [iccid] }, call(150)))).toBe('timeout')
    simulator.setLatency(20)
    const { cards } = await connection.getCards({ iccids: [iccid] }, call())
    expect(cards[0]?.found).toBe(true)
  })

  it('wrong credentials are refused as auth', async () => {
    const wrong = generation === 'legacy' ? { password: 'not-the-password' } : { secretKey: 'not-the-secret' }
    const connection = await connect(simulator, generation, wrong)
    expect(await rejectionCode(connection.healthCheck({}, call()))).toBe('auth')
  })
})

describe('5G Timestamp window', () => {
  let simulator: CtwingSimulator
  beforeAll(async () => {
    simulator = await startCtwingSimulator({ seed: 12, maxSkewSeconds: 300 })
  })
  afterAll(() => simulator.close())

  it('refuses a clock ten minutes ahead, and accepts it once the correction is configured', async () => {
    const ahead = () => new Date(simulator.state.clock.now() + 600_000)
    const skewed = await connect(simulator, 'cmp5g', {}, ahead)
    const error = await skewed.healthCheck({}, call()).catch((reason: unknown) => reason)
    expect(error).toMatchObject({ code: 'auth', carrierMessage: '时间戳无效或超出允许范围' })
    const corrected = await connect(simulator, 'cmp5g', { clockSkewSeconds: -600 }, ahead)
    await expect(corrected.healthCheck({}, call())).resolves.toMatchObject({
      detail: expect.stringContaining('accepted'),
    })
  })
})

describe('legacy parameter spelling', () => {
  it('works with userId / password as well as user_id / passWord', async () => {
    const simulator = await startCtwingSimulator({ seed: 13 })
    try {
      const connection = await connect(simulator, 'legacy', { paramStyle: 'userId' })
      const { cards } = await connection.getCards({ iccids: [cardIn(simulator, '4')] }, call())
      expect(cards[0]?.found).toBe(true)
    } finally {
      await simulator.close()
    }
  })
})
