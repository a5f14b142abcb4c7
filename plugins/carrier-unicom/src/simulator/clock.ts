/**
 * The simulator's clock. In tests it starts at a fixed moment and moves only when told, so runs are
 * reproducible; run alone it follows real time. Either way `advance` can jump it forward.
 */
export class SimulatorClock {
  private offsetMs = 0

  constructor(private readonly start: { mode: 'simulated'; at: Date } | { mode: 'real' }) {}

  now(): number {
    return (this.start.mode === 'real' ? Date.now() : this.start.at.getTime()) + this.offsetMs
  }

  advance(ms: number): void {
    this.offsetMs += ms
  }
}
