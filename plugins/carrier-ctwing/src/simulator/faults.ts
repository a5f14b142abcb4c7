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
  private queue: QueuedFault[] = []
  latencyMs = 0

  inject(fault: SimulatorFault, count = 1, text?: string): void {
    for (let index = 0; index < count; index++)
      this.queue.push(text === undefined ? { fault } : { fault, text })
  }

  clear(): void {
    this.queue = []
  }

  next(): QueuedFault | undefined {
    return this.queue.shift()
  }

  pending(): number {
    return this.queue.length
  }
}
