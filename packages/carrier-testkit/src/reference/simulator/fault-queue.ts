import type { Fault } from '../../simulator-handle.js'

/** Faults waiting for the next requests, one request each, in the order injected. */
export class FaultQueue {
  private queue: Fault[] = []

  inject(fault: Fault, count = 1): void {
    for (let index = 0; index < count; index++) this.queue.push(fault)
  }

  clear(): void {
    this.queue = []
  }

  next(): Fault | undefined {
    return this.queue.shift()
  }
}
