/** Faults waiting for the next requests, one request each, in the order injected. */
export class FaultQueue<T> {
  private queue: T[] = []

  inject(fault: T, count = 1): void {
    for (let index = 0; index < count; index++) this.queue.push(fault)
  }

  clear(): void {
    this.queue = []
  }

  next(): T | undefined {
    return this.queue.shift()
  }

  /** What is still waiting, oldest first. */
  waiting(): readonly T[] {
    return [...this.queue]
  }
}
