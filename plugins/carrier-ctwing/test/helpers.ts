import {
  isCarrierError,
  type CarrierConnection,
  type CarrierContext,
  type CarrierErrorCode,
} from '@simops/carrier-sdk'
import { expect } from 'vitest'
import carrier, { type CtwingConfig } from '../src/index.js'
import type { CtwingSimulator } from '../src/simulator/index.js'

export const generations = ['legacy', 'cmp5g'] as const
export type Generation = (typeof generations)[number]

const quiet: CarrierContext['logger'] = { debug() {}, info() {}, warn() {} }

/** A connection to the simulator whose clock is the simulator's, as the platform's would be in step with the carrier. */
export async function connect(
  simulator: CtwingSimulator,
  generation: Generation,
  overrides: Partial<CtwingConfig> = {},
  now: () => Date = () => new Date(simulator.state.clock.now()),
): Promise<CarrierConnection> {
  return carrier.create(
    { ...simulator.handle(generation).config, ...overrides },
    { fetch: globalThis.fetch, logger: quiet, now },
  )
}

export const call = (ms = 2000) => ({ signal: AbortSignal.timeout(ms) })

/** The CarrierError code a promise rejects with (failing the test when it resolves or throws something else). */
export async function rejectionCode(promise: Promise<unknown>): Promise<CarrierErrorCode> {
  const error: unknown = await promise.then(
    (value) => expect.fail(`expected a CarrierError, got ${JSON.stringify(value)}`),
    (reason: unknown) => reason,
  )
  if (!isCarrierError(error)) expect.fail(`expected a CarrierError, got ${String(error)}`)
  return error.code
}

/** An ICCID the simulator holds in the status, untaken by other tests. */
export function cardIn(simulator: CtwingSimulator, status: '1' | '2' | '3' | '4' | '5' | '6' | '7'): string {
  const iccid = simulator.state.take(status)
  if (!iccid) expect.fail(`the simulator has no card left in status ${status}`)
  return iccid
}

/** The optional methods this plugin declares, failing the test when the connection lacks them. */
export function changeStateOf(connection: CarrierConnection): NonNullable<CarrierConnection['changeState']> {
  const method = connection.changeState
  if (!method) return expect.fail('the connection has no changeState()')
  return method.bind(connection)
}

export function usageOf(connection: CarrierConnection): NonNullable<CarrierConnection['getUsage']> {
  const method = connection.getUsage
  if (!method) return expect.fail('the connection has no getUsage()')
  return method.bind(connection)
}
