import type { Fault } from '@simops/carrier-testkit'
import type { EditQuirk } from './operations.js'

/** Every fault the simulator can be told to show, by name (the control endpoint takes these names). */
export const simulatorFaults = [
  'unauthorized',
  'rateLimited',
  'serverError',
  'timeout',
  'malformedBody',
  'latency',
  'resultCode9017',
  'resultCode1044',
] as const
export type SimulatorFault = (typeof simulatorFaults)[number]

/** What the next gateway request meets: a misbehaviour, or an answer delayed by `ms`. */
export type RequestFault = { kind: Fault } | { kind: 'latency'; ms: number }

/**
 * Faults waiting for the next requests, one request each, in the order injected. The 9017/1044
 * answers wait for the next wsEditTerminal request only, since only edits answer them.
 */
export class FaultPlan {
  private requests: RequestFault[] = []
  private edits: EditQuirk[] = []

  inject(fault: SimulatorFault, count = 1, latencyMs = 1000): void {
    for (let index = 0; index < count; index++) {
      if (fault === 'resultCode9017') this.edits.push('9017')
      else if (fault === 'resultCode1044') this.edits.push('1044')
      else if (fault === 'latency') this.requests.push({ kind: 'latency', ms: latencyMs })
      else this.requests.push({ kind: fault })
    }
  }

  clear(): void {
    this.requests = []
    this.edits = []
  }

  nextRequestFault(): RequestFault | undefined {
    return this.requests.shift()
  }

  nextEditQuirk(): EditQuirk | undefined {
    return this.edits.shift()
  }

  pending(): { requests: RequestFault[]; edits: EditQuirk[] } {
    return { requests: [...this.requests], edits: [...this.edits] }
  }
}
