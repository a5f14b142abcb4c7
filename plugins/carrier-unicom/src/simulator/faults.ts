import type { Fault } from '@simops/carrier-testkit'
import { FaultQueue } from '@simops/carrier-testkit/simulation'
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
  private readonly requests = new FaultQueue<RequestFault>()
  private readonly edits = new FaultQueue<EditQuirk>()

  inject(fault: SimulatorFault, count = 1, latencyMs = 1000): void {
    if (fault === 'resultCode9017') this.edits.inject('9017', count)
    else if (fault === 'resultCode1044') this.edits.inject('1044', count)
    else if (fault === 'latency') this.requests.inject({ kind: 'latency', ms: latencyMs }, count)
    else this.requests.inject({ kind: fault }, count)
  }

  clear(): void {
    this.requests.clear()
    this.edits.clear()
  }

  nextRequestFault(): RequestFault | undefined {
    return this.requests.next()
  }

  nextEditQuirk(): EditQuirk | undefined {
    return this.edits.next()
  }

  pending(): { requests: RequestFault[]; edits: EditQuirk[] } {
    return { requests: [...this.requests.waiting()], edits: [...this.edits.waiting()] }
  }
}
