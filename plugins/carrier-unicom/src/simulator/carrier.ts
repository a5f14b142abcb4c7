import type { Lifecycle } from '@simops/carrier-sdk'
import type { SimStatus } from '../protocol.js'
import type { SimulatorClock } from './clock.js'
import { cycleStartOf } from './cycle.js'
import { seededRandom } from '@simops/carrier-testkit/simulation'
import { generateInventory, makeIccid, type SimulatedCard } from './inventory.js'

export interface SimulatedUnicomOptions {
  seed: number
  cards: number
  /** Simulator-clock time between accepting an asynchronous edit and applying it. */
  applyDelayMs: number
  /** Whether the account may retire (4) and purge (5) cards, which depends on account rights. */
  retireRights: boolean
  billingCycleStartDay: number
  /** Force-activate cards left ready this many days after shipping (Unicom does so after about 360); off when undefined. */
  forcedActivationDays?: number
}

export type EditOutcome =
  | { kind: 'accepted'; effectiveAt: number }
  | { kind: 'unknownIccid' }
  | { kind: 'alreadyInTarget' }
  | { kind: 'refused' }
  | { kind: 'noRights' }

/** Which statuses each target may be reached from through wsEditTerminal changeType 3. */
const editSources: Readonly<Partial<Record<SimStatus, readonly SimStatus[]>>> = {
  '2': ['0', '1', '3', '7', '8'],
  '3': ['2'],
  '4': ['3'],
  '5': ['4'],
}
const needsRights: ReadonlySet<SimStatus> = new Set(['4', '5'])

/**
 * The simulator's own reading of which statuses are which lifecycle state, deliberately not the
 * plugin's mapper: the conformance suite compares the plugin's reading against it.
 */
const statusesOf: Readonly<Partial<Record<Lifecycle, readonly SimStatus[]>>> = {
  test: ['0'],
  ready: ['1', '8'],
  active: ['2'],
  suspended: ['3'],
  terminated: ['4', '5', '6'],
  inventory: ['7'],
  pending_termination: ['9'],
}

const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS

/**
 * The simulated CMP without HTTP: its cards, asynchronous status edits, usage accruing over the
 * billing cycle and carrier-driven drift. Everything happens against the simulator clock.
 */
export class SimulatedUnicom {
  /** A well-formed Unicom ICCID this account has never held. */
  readonly unknownIccid: string
  private readonly cardsByIccid: Map<string, SimulatedCard>
  private readonly pending = new Map<string, { target: SimStatus; applyAt: number }>()
  private readonly taken = new Set<string>()
  private syncedTo: number
  private largestDetailsRequest = 0

  constructor(
    private readonly options: SimulatedUnicomOptions,
    readonly clock: SimulatorClock,
  ) {
    this.syncedTo = clock.now()
    this.cardsByIccid = new Map(
      generateInventory(options.seed, options.cards, this.syncedTo).map((card) => [card.iccid, card]),
    )
    // A separate stream, so the unknown ICCID does not shift the inventory of a given seed.
    const random = seededRandom(options.seed ^ 0x5eed)
    let unknown = makeIccid(random)
    while (this.cardsByIccid.has(unknown)) unknown = makeIccid(random)
    this.unknownIccid = unknown
  }

  now(): number {
    this.sync()
    return this.syncedTo
  }

  advance(ms: number): void {
    this.clock.advance(ms)
    this.sync()
  }

  /** Brings the cards up to the clock: usage accrues (from zero after a cycle turns), due edits apply. */
  sync(): void {
    const now = this.clock.now()
    if (now <= this.syncedTo) return
    const cycleStart = cycleStartOf(now, this.options.billingCycleStartDay)
    const newCycle = this.syncedTo < cycleStart
    for (const card of this.cardsByIccid.values()) {
      if (newCycle) {
        card.usedBytes = 0
        card.overageLimitReached = false
      }
      const change = this.pending.get(card.iccid)
      // Usage accrues while activated, up to the moment a pending edit changes the status.
      const activeUntil = change && change.applyAt <= now ? change.applyAt : now
      const from = Math.max(this.syncedTo, cycleStart)
      if (card.simStatus === '2' && !card.overageLimitReached && activeUntil > from) {
        card.usedBytes += Math.round((card.bytesPerHour * (activeUntil - from)) / HOUR_MS)
        if (card.overageLimitBytes !== null && card.usedBytes >= card.overageLimitBytes)
          card.overageLimitReached = true
      }
      if (change && change.applyAt <= now) this.apply(card.iccid)
      this.drift(card, now)
    }
    this.syncedTo = now
  }

  /** Applies every accepted edit now, whatever its due time. */
  settle(): void {
    this.sync()
    for (const iccid of [...this.pending.keys()]) this.apply(iccid)
  }

  /** Copies of every card, in issue order. */
  cards(): SimulatedCard[] {
    this.sync()
    return [...this.cardsByIccid.values()].map((card) => ({ ...card }))
  }

  card(iccid: string): SimulatedCard | undefined {
    this.sync()
    const card = this.cardsByIccid.get(iccid)
    return card ? { ...card } : undefined
  }

  /** The known cards among `iccids`, in issue order: the gateway does not echo the request order. */
  details(iccids: readonly string[]): SimulatedCard[] {
    this.sync()
    this.largestDetailsRequest = Math.max(this.largestDetailsRequest, iccids.length)
    const wanted = new Set(iccids)
    return [...this.cardsByIccid.values()]
      .filter((card) => wanted.has(card.iccid))
      .map((card) => ({ ...card }))
  }

  /** The most ICCIDs one details request carried since the last call. */
  takeLargestDetailsRequest(): number {
    const largest = this.largestDetailsRequest
    this.largestDetailsRequest = 0
    return largest
  }

  /** wsEditTerminal changeType 3: asynchronous edits apply after the delay, synchronous ones at once. */
  editStatus(iccid: string, target: SimStatus, asynchronous: boolean): EditOutcome {
    this.sync()
    const card = this.cardsByIccid.get(iccid)
    if (!card) return { kind: 'unknownIccid' }
    if (card.simStatus === target) return { kind: 'alreadyInTarget' }
    if (needsRights.has(target) && !this.options.retireRights) return { kind: 'noRights' }
    if (!(editSources[target] ?? []).includes(card.simStatus)) return { kind: 'refused' }
    const applyAt = this.syncedTo + (asynchronous ? this.options.applyDelayMs : 0)
    // A later edit of the same card replaces one still waiting.
    this.pending.set(iccid, { target, applyAt })
    if (applyAt <= this.syncedTo) this.apply(iccid)
    return { kind: 'accepted', effectiveAt: applyAt }
  }

  /** Applies a card's waiting edit at once (an edit the carrier answered oddly but carried out). */
  applyNow(iccid: string): void {
    this.apply(iccid)
  }

  /**
   * An untaken card in the lifecycle state with no edit waiting, marked taken. Cards without a
   * real-name hold come first, as the ones an administrator would change.
   */
  take(lifecycle: Lifecycle): string | undefined {
    this.sync()
    const statuses = statusesOf[lifecycle] ?? []
    const free = [...this.cardsByIccid.values()].filter(
      (card) =>
        statuses.includes(card.simStatus) && !this.taken.has(card.iccid) && !this.pending.has(card.iccid),
    )
    const card = free.find((candidate) => candidate.realNameStatus !== '1') ?? free[0]
    if (card) this.taken.add(card.iccid)
    return card?.iccid
  }

  private apply(iccid: string): void {
    const change = this.pending.get(iccid)
    const card = this.cardsByIccid.get(iccid)
    this.pending.delete(iccid)
    if (!change || !card) return
    card.simStatus = change.target
    card.dateModified = change.applyAt
    if (change.target === '2') card.dateActivated ??= change.applyAt
  }

  /** Carrier-driven changes: ready cards left unused are activated by the carrier after a while. */
  private drift(card: SimulatedCard, now: number): void {
    const days = this.options.forcedActivationDays
    if (days === undefined || card.simStatus !== '1' || this.pending.has(card.iccid)) return
    const due = card.dateShipped + days * DAY_MS
    if (due > now) return
    card.simStatus = '2'
    card.dateActivated = due
    card.dateModified = due
  }
}
