/**
 * The simulator's clock. In tests it stands still until the handle advances it, so usage figures and
 * pending changes move only when a test says so; run alone it follows real time. Either way it starts
 * at the real time by default, because the 5G gateway checks request Timestamps against it.
 */
export class SimulatorClock {
  private offsetMs = 0
  private readonly frozenAt: number

  constructor(
    private readonly mode: 'manual' | 'realTime',
    startAt: number = Date.now(),
  ) {
    this.frozenAt = startAt
    if (mode === 'realTime') this.offsetMs = startAt - Date.now()
  }

  now(): number {
    return (this.mode === 'manual' ? this.frozenAt : Date.now()) + this.offsetMs
  }

  advance(ms: number): void {
    this.offsetMs += ms
  }
}

const CHINA_OFFSET_MS = 8 * 3_600_000

/** "yyyyMM" of the China-time month holding the instant: the carrier's billing and call-cap month. */
export function chinaMonthKey(instant: number): string {
  return new Date(instant + CHINA_OFFSET_MS).toISOString().slice(0, 7).replace('-', '')
}
