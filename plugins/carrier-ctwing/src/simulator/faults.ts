import { FaultQueue } from '@simops/carrier-testkit/simulation'

/**
 * Misbehaviour on request. The first five are the conformance kit's faults; `bareError` answers 200
 * with a plain-text message, as the legacy API does for failures it has no envelope for.
 */
export const simulatorFaults = [
  'unauthorized',
  'rateLimited',
  'serverError',
  'timeout',
  'malformedBody',
  'bareError',
] as const
export type SimulatorFault = (typeof simulatorFaults)[number]

export interface QueuedFault {
  fault: SimulatorFault
  /** For bareError: the text to answer with. */
  text?: string
}

export const DEFAULT_BARE_ERROR = '99系统繁忙，请稍后再试'

export function isSimulatorFault(value: unknown): value is SimulatorFault {
  return (simulatorFaults as readonly unknown[]).includes(value)
}

/** Faults waiting for the next carrier requests, one request each, plus a latency added to every answer. */
export class FaultPlan {
  private readonly queue = new FaultQueue<QueuedFault>()
  latencyMs = 0

  inject(fault: SimulatorFault, count = 1, text?: string): void {
    this.queue.inject(text === undefined ? { fault } : { fault, text }, count)
  }

  clear(): void {
    this.queue.clear()
  }

  next(): QueuedFault | undefined {
    return this.queue.next()
  }

  pending(): number {
    return this.queue.waiting().length
  }
}
