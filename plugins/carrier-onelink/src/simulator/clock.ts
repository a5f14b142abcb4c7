/**
 * The simulator's time. Tests use a manual clock they move with `advance`; the command-line
 * simulator follows real time (plus whatever was advanced through the control API).
 */
export interface SimulatorClock {
  now(): number
  advance(ms: number): void
  /**
   * The smallest step the account moves in (0: every instant). Moving walks every card to accrue
   * its usage; on the wall clock doing that for the few milliseconds between two requests made each
   * request cost a walk of the whole inventory (~130 ms at 34,000 cards).
   */
  readonly stepMs?: number
}

export function manualClock(startAt: number): SimulatorClock {
  let time = startAt
  return {
    now: () => time,
    advance: (ms) => {
      time += ms
    },
  }
}

export function realTimeClock(): SimulatorClock {
  let offset = 0
  return {
    // OneLink's own timestamps have a resolution of a second.
    stepMs: 1000,
    now: () => Date.now() + offset,
    advance: (ms) => {
      offset += ms
    },
  }
}
