/**
 * The simulator's time. Tests use a manual clock they move with `advance`; the command-line
 * simulator follows real time (plus whatever was advanced through the control API).
 */
export interface SimulatorClock {
  now(): number
  advance(ms: number): void
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
    now: () => Date.now() + offset,
    advance: (ms) => {
      offset += ms
    },
  }
}
