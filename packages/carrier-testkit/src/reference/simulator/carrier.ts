import type {
  WireAction,
  WireBlockCode,
  WireCard,
  WireStatus,
  WireStopReason,
  WireUsage,
} from '../protocol.js'
import { billingPeriodOf } from './billing-period.js'
import { seededRandom } from '../../simulation.js'
import { generateInventory, makeIccid, type SimulatedCard } from './inventory.js'
import { RechargeOrders } from './recharge-orders.js'

export interface SimulatedCarrierOptions {
  seed: number
  cards: number
  /** Simulated time between accepting a change and applying it; 0 applies at once. */
  applyDelayMs: number
  /** How long a card refuses another change after one. */
  lockSeconds: number
  /** Where the simulated clock starts. */
  startAt: Date
  accountId: string
}

export type ChangeOutcome =
  | { kind: 'accepted'; requestId: string; applied: boolean }
  | { kind: 'notFound' }
  | { kind: 'locked'; retryAfterSeconds: number }
  | { kind: 'invalidState'; message: string }
  | { kind: 'rejected'; message: string }

/** Which statuses each action starts from, and where it leaves the card. */
const rules: Record<WireAction, { from: readonly WireStatus[]; to: WireStatus }> = {
  ACTIVATE: { from: ['INVENTORY', 'TEST', 'READY'], to: 'ACTIVE' },
  SUSPEND: { from: ['ACTIVE'], to: 'SUSPENDED' },
  RESUME: { from: ['SUSPENDED'], to: 'ACTIVE' },
}

const HOUR_MS = 3_600_000

/**
 * The simulated carrier, without HTTP: its cards, state changes (pending, then applied), lock
 * windows, usage accruing on a simulated clock, and recharge orders. Tests may drive it directly.
 */
export class SimulatedCarrier {
  readonly accountId: string
  readonly orders = new RechargeOrders()
  /** An ICCID of this carrier's format that it has never issued. */
  readonly unknownIccid: string
  private clock: number
  private readonly cardsByIccid: Map<string, SimulatedCard>
  private readonly pending = new Map<string, { action: WireAction; applyAt: number }>()
  private readonly lockedUntil = new Map<string, number>()
  private readonly taken = new Set<string>()
  private largestQuery = 0
  private changeSequence = 0

  constructor(private readonly options: SimulatedCarrierOptions) {
    this.accountId = options.accountId
    this.clock = options.startAt.getTime()
    this.cardsByIccid = new Map(
      generateInventory(options.seed, options.cards, this.clock).map((card) => [card.iccid, card]),
    )
    // A separate stream, so the unknown ICCID does not shift the inventory of a given seed.
    const random = seededRandom(options.seed ^ 0x5eed)
    let unknown = makeIccid(random)
    while (this.cardsByIccid.has(unknown)) unknown = makeIccid(random)
    this.unknownIccid = unknown
  }

  now(): number {
    return this.clock
  }

  /** Moves the clock: active cards use data, the billing period may roll over, due changes apply. */
  advance(ms: number): void {
    const before = billingPeriodOf(this.clock)
    this.clock += ms
    const after = billingPeriodOf(this.clock)
    for (const card of this.cardsByIccid.values()) {
      if (after.start !== before.start) card.usedBytes = 0
      if (card.status === 'ACTIVE') {
        const activeMs = Math.min(ms, this.clock - after.start)
        card.usedBytes += Math.round((card.bytesPerHour * activeMs) / HOUR_MS)
      }
    }
    for (const [iccid, change] of this.pending) if (change.applyAt <= this.clock) this.apply(iccid)
  }

  /** Applies every accepted change now, whatever its due time. */
  settle(): void {
    for (const iccid of [...this.pending.keys()]) this.apply(iccid)
  }

  /** Copies of every card, in issue order. */
  cards(): SimulatedCard[] {
    return [...this.cardsByIccid.values()].map((card) => ({ ...card }))
  }

  card(iccid: string): SimulatedCard | undefined {
    const card = this.cardsByIccid.get(iccid)
    return card ? { ...card } : undefined
  }

  /** The known cards among `iccids`, in issue order (the carrier does not echo the request order). */
  query(iccids: readonly string[]): WireCard[] {
    this.largestQuery = Math.max(this.largestQuery, iccids.length)
    const wanted = new Set(iccids)
    return [...this.cardsByIccid.values()]
      .filter((card) => wanted.has(card.iccid))
      .map((card) => this.toWire(card))
  }

  /** The largest number of ICCIDs in one query since the last call. */
  takeLargestQuery(): number {
    const largest = this.largestQuery
    this.largestQuery = 0
    return largest
  }

  requestChange(iccid: string, action: WireAction): ChangeOutcome {
    const card = this.cardsByIccid.get(iccid)
    if (!card) return { kind: 'notFound' }
    const lockedFor = (this.lockedUntil.get(iccid) ?? 0) - this.clock
    if (lockedFor > 0 || this.pending.has(iccid))
      return { kind: 'locked', retryAfterSeconds: Math.max(1, Math.ceil(lockedFor / 1000)) }
    const rule = rules[action]
    if (!rule.from.includes(card.status))
      return { kind: 'invalidState', message: `${action} is not possible from ${card.status}` }
    if (action === 'RESUME' && card.stoppedBy === 'CARRIER')
      return {
        kind: 'rejected',
        message: `stopped by the carrier (${card.blockCode ?? 'no reason given'}); resume refused`,
      }
    this.changeSequence += 1
    const requestId = `REQ${String(this.changeSequence).padStart(8, '0')}`
    this.lockedUntil.set(iccid, this.clock + this.options.lockSeconds * 1000)
    this.pending.set(iccid, { action, applyAt: this.clock + this.options.applyDelayMs })
    const applied = this.options.applyDelayMs === 0
    if (applied) this.apply(iccid)
    return { kind: 'accepted', requestId, applied }
  }

  /** The carrier stops a card on its own (data cap, arrears…), as the platform must then notice. */
  stopByCarrier(iccid: string, blockCode: WireBlockCode): boolean {
    const card = this.cardsByIccid.get(iccid)
    if (!card || card.status !== 'ACTIVE') return false
    Object.assign(card, { status: 'SUSPENDED', stoppedBy: 'CARRIER', blockCode })
    return true
  }

  usage(iccid: string): WireUsage | undefined {
    const card = this.cardsByIccid.get(iccid)
    if (!card) return undefined
    const period = billingPeriodOf(this.clock)
    return {
      periodStart: new Date(period.start).toISOString(),
      periodEnd: new Date(period.end).toISOString(),
      usedKb: card.usedBytes / 1024,
      packageKb: card.packageBytes === null ? null : card.packageBytes / 1024,
      asOf: new Date(this.clock).toISOString(),
    }
  }

  stopReason(iccid: string): WireStopReason | undefined {
    const card = this.cardsByIccid.get(iccid)
    if (!card) return undefined
    if (card.status !== 'SUSPENDED')
      return { stoppedBy: null, blockCode: card.blockCode, text: null, resumable: false }
    const byCustomer = card.stoppedBy !== 'CARRIER'
    return {
      stoppedBy: byCustomer ? 'CUSTOMER' : 'CARRIER',
      blockCode: card.blockCode,
      text: byCustomer
        ? 'Suspended at the customer’s request'
        : `Suspended by the carrier: ${card.blockCode ?? 'other'}`,
      resumable: byCustomer,
    }
  }

  /**
   * An untaken card in the status that no change is pending or locked on, and marks it taken.
   * Suspended cards the customer stopped come first, since only those can be resumed.
   */
  take(status: WireStatus): string | undefined {
    const free = [...this.cardsByIccid.values()].filter(
      (card) =>
        card.status === status &&
        !this.taken.has(card.iccid) &&
        !this.pending.has(card.iccid) &&
        (this.lockedUntil.get(card.iccid) ?? 0) <= this.clock,
    )
    const card = free.find((candidate) => candidate.stoppedBy !== 'CARRIER') ?? free[0]
    if (card) this.taken.add(card.iccid)
    return card?.iccid
  }

  private apply(iccid: string): void {
    const change = this.pending.get(iccid)
    const card = this.cardsByIccid.get(iccid)
    this.pending.delete(iccid)
    if (!change || !card) return
    card.status = rules[change.action].to
    card.stoppedBy = change.action === 'SUSPEND' ? 'CUSTOMER' : null
    card.blockCode = change.action === 'SUSPEND' ? card.blockCode : null
    card.activatedAt ??= this.clock
  }

  private toWire(card: SimulatedCard): WireCard {
    return {
      iccid: card.iccid,
      msisdn: card.msisdn,
      imsi: card.imsi,
      imei: card.imei,
      status: card.status,
      blockCode: card.blockCode,
      activatedAt: card.activatedAt === null ? null : new Date(card.activatedAt).toISOString(),
    }
  }
}
