import type { CallContext, CarrierConnection, CarrierContext } from '@simops/carrier-sdk'
import carrier from '../src/index.js'
import {
  startOneLinkSimulator,
  type OneLinkSimulator,
  type OneLinkSimulatorOptions,
} from '../src/simulator/index.js'

export interface Recorded {
  method: string
  path: string
  params: Record<string, string>
}

/** A simulator plus a connection whose clock follows the simulator's and whose requests are recorded. */
export async function connectToSimulator(
  options: OneLinkSimulatorOptions = {},
  config: Record<string, unknown> = {},
) {
  const simulator: OneLinkSimulator = await startOneLinkSimulator({
    startAt: new Date('2026-01-15T02:00:00Z'),
    applyDelayMs: 1_000,
    ...options,
  })
  const requests: Recorded[] = []
  const recordingFetch: typeof fetch = async (input, init) => {
    const url = new URL(String(input))
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as Record<string, string>) : {}
    requests.push({
      method: init?.method ?? 'GET',
      path: url.pathname.replace(/^\/v5\/ec/, ''),
      params: { ...Object.fromEntries(url.searchParams), ...body },
    })
    return fetch(input, init)
  }
  const context: CarrierContext = {
    fetch: recordingFetch,
    logger: { debug() {}, info() {}, warn() {} },
    now: () => new Date(simulator.state.now()),
  }
  const connection: CarrierConnection = await carrier.create(
    { ...simulator.handle().config, ...config } as Parameters<typeof carrier.create>[0],
    context,
  )
  return { simulator, connection, requests }
}

export function call(timeoutMs = 2_000): CallContext {
  return { signal: AbortSignal.timeout(timeoutMs) }
}

export function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`the simulator holds no ${what}`)
  return value
}

export type { OneLinkSimulator }
export { carrier }
