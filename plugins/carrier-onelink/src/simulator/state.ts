import { chinaMonthOf, chinaTimestamp } from '../china-time.js'
import { answers, Refusal } from './answers.js'
import type { SimulatorClock } from './clock.js'
import { seededRandom } from '@simops/carrier-testkit/simulation'
import { generateInventory, makeIccid, usesData, type SimCard } from './inventory.js'
import { batchMoves, singleMoves, stoppedByCarrier, type Move } from './moves.js'
import { RechargeOrders } from './recharge-orders.js'
import { TokenRegistry } from './tokens.js'
import { accrue, nextMidnight, passMidnight } from './usage-ledger.js'

export interface SimulatedOneLinkOptions {
  seed: number
  cards: number
  applyDelayMs: number
  lockSeconds: number
  tokenTtlSeconds: number
  appId: string
  password: string
  accountId: string
  clock: SimulatorClock
}

export type Selector = { key: 'msisdn' | 'iccid' | 'imsi'; value: string }

interface ChangeItem {
  iccid: string
  msisdn: string
  move: Move | null
  answer: { status: string; message: string }
}

/** An accepted change: a single order (orderNum) or a batch job (jobId), applied after the delay. */
interface ChangeOrder {
  id: string
  acceptedAt: number
  applyAt: number
  applied: boolean
  items: ChangeItem[]
}

/**
 * The simulated OneLink account, without HTTP: cards on a clock, tokens, status changes applied
 * after a delay, per-card lock windows, usage accrual and recharge orders.
 */
export class SimulatedOneLink {
  readonly tokens: TokenRegistry
  readonly orders: RechargeOrders
  /** A well-formed China Mobile ICCID this account does not hold. */
  readonly unknownIccid: string
  /** Transids that start with the appid but do not follow appid + yyyyMMddHHmmss + 8 digits. */
  readonly transidDeviations: string[] = []
  private time: number
  private readonly cards = new Map<string, SimCard>()
  private readonly changes = new Map<string, ChangeOrder>()
  private readonly lockedUntil = new Map<string, number>()
  private readonly taken = new Set<string>()
  private largestSelector = 0
  private sequence = 0

  constructor(readonly options: SimulatedOneLinkOptions) {
    const start = options.clock.now()
    const monthStart = chinaMonthOf(start).start
    this.time = monthStart
    for (const card of generateInventory(options.seed, options.cards, start)) {
      // Stopped cards keep what they used earlier in the month, booked on its first day.
      if (card.usedCentiKb > 0 && start - monthStart > 86_400_000) {
        card.dailyCentiKb.set(chinaTimestamp(monthStart).slice(0, 8), card.usedCentiKb)
        card.usedAtMidnightCentiKb = card.usedCentiKb
      } else card.usedCentiKb = 0
      this.cards.set(card.iccid, card)
    }
    // Active cards have used data since the month began: run the ledger up to the start instant.
    this.runUntil(start)
    const random = seededRandom(options.seed ^ 0x5eed)
    let unknown = makeIccid(random)
    while (this.cards.has(unknown)) unknown = makeIccid(random)
    this.unknownIccid = unknown
    this.tokens = new TokenRegistry(options.tokenTtlSeconds)
    this.orders = new RechargeOrders({
      accountId: options.accountId,
      knowsMsisdn: (msisdn) => this.find({ key: 'msisdn', value: msisdn }) !== undefined,
    })
  }

  now(): number {
    this.catchUp()
    return this.time
  }

  /**
   * Brings the account to the clock's time: usage accrues, midnights pass, due changes apply. Within
   * the clock's step nothing moves unless a change falls due.
   */
  catchUp(): void {
    const target = this.options.clock.now()
    const step = this.options.clock.stepMs ?? 0
    if (target - this.time < step && !this.changeDueBy(target)) return
    this.runUntil(target)
  }

  private changeDueBy(instant: number): boolean {
    for (const order of this.changes.values()) if (!order.applied && order.applyAt <= instant) return true
    return false
  }

  advance(ms: number): void {
    this.options.clock.advance(ms)
    // An explicit move is made in full, however small.
    this.runUntil(this.options.clock.now())
  }

  /** Applies every accepted change now, whatever its due time. */
  settle(): void {
    this.catchUp()
    for (const order of this.changes.values()) this.apply(order)
  }

  allCards(): readonly SimCard[] {
    return [...this.cards.values()]
  }

  card(iccid: string): SimCard | undefined {
    return this.cards.get(iccid)
  }

  find(selector: Selector): SimCard | undefined {
    if (selector.key === 'iccid') return this.cards.get(selector.value)
    for (const card of this.cards.values()) if (card[selector.key] === selector.value) return card
    return undefined
  }

  /** Records how many cards one request named, for the conformance batch check. */
  noteSelectorSize(count: number): void {
    this.largestSelector = Math.max(this.largestSelector, count)
  }

  takeLargestSelector(): number {
    const largest = this.largestSelector
    this.largestSelector = 0
    return largest
  }

  /** 23S03: one card, one move, answered with an orderNum; applied after the delay. */
  changeSingle(card: SimCard, operType: string): string {
    this.refuseIfLocked([card])
    const move = this.moveFor(card, singleMoves[operType])
    const order = this.accept([{ iccid: card.iccid, msisdn: card.msisdn, move, answer: answers.ok }])
    return order.id
  }

  /**
   * 23S06: one move for up to 100 cards, answered with a jobId. One locked card fails the whole
   * batch; unknown cards and cards the move does not fit fail on their own row.
   */
  changeBatch(
    cards: ReadonlyArray<{ msisdn: string; card: SimCard | undefined }>,
    operType: string,
    reason: string,
  ) {
    const rule = batchMoves[operType]
    if (!rule) throw new Refusal(answers.badParameters)
    if (rule.unsupported) throw new Refusal(answers.unsupportedOperType)
    if (rule.reasonRequired && reason === '') throw new Refusal(answers.badParameters)
    this.refuseIfLocked(cards.flatMap(({ card }) => (card ? [card] : [])))
    const items = cards.map(({ msisdn, card }): ChangeItem => {
      if (!card) return { iccid: '', msisdn, move: null, answer: answers.cardUnknown }
      try {
        return { iccid: card.iccid, msisdn, move: this.moveFor(card, rule), answer: answers.ok }
      } catch (error) {
        if (!(error instanceof Refusal)) throw error
        return { iccid: card.iccid, msisdn, move: null, answer: error.answer }
      }
    })
    return this.accept(items).id
  }

  /** 23M10: a job or order by its id; jobStatus 0 waiting, 1 processing, 2 finished. */
  changeResult(id: string) {
    this.catchUp()
    const order = this.changes.get(id)
    if (!order) return undefined
    const halfway = order.acceptedAt + (order.applyAt - order.acceptedAt) / 2
    const jobStatus = order.applied ? '2' : this.time < halfway ? '0' : '1'
    return {
      jobId: order.id,
      jobStatus,
      resultList: order.items.map((item, index) => ({
        resultId: String(index + 1),
        msisdn: item.msisdn,
        status: order.applied || item.answer.status !== '0' ? item.answer.status : '',
        message: order.applied || item.answer.status !== '0' ? item.answer.message : '处理中',
      })),
    }
  }

  /**
   * An untaken card the simulator holds in one of `statuses`, with no change pending or lock
   * running; customer-stopped cards first, since only those can be resumed.
   */
  take(statuses: readonly string[]): string | undefined {
    this.catchUp()
    const free = this.allCards().filter(
      (card) =>
        statuses.includes(card.status) &&
        !this.taken.has(card.iccid) &&
        (this.lockedUntil.get(card.iccid) ?? 0) <= this.time &&
        ![...this.changes.values()].some(
          (order) => !order.applied && order.items.some((item) => item.iccid === card.iccid),
        ),
    )
    const card = free.find((candidate) => !stoppedByCarrier(candidate.stopBits)) ?? free[0]
    if (card) this.taken.add(card.iccid)
    return card?.iccid
  }

  private moveFor(card: SimCard, rule: (typeof singleMoves)[string] | undefined): Move {
    if (!rule || rule.unsupported) throw new Refusal(answers.unsupportedOperType)
    const move = card.platformType === 'OneLink-PB' ? rule.pb : rule.ct
    if (!move || move.from !== card.status) throw new Refusal(answers.invalidTransition)
    if (move.resumes && stoppedByCarrier(card.stopBits)) throw new Refusal(answers.resumeRefused)
    return move
  }

  private refuseIfLocked(cards: readonly SimCard[]): void {
    this.catchUp()
    if (cards.some((card) => (this.lockedUntil.get(card.iccid) ?? 0) > this.time))
      throw new Refusal(answers.locked(Math.round(this.options.lockSeconds / 60)))
  }

  private accept(items: ChangeItem[]): ChangeOrder {
    this.sequence += 1
    const order: ChangeOrder = {
      id: `${chinaTimestamp(this.time)}${String(this.sequence).padStart(6, '0')}`,
      acceptedAt: this.time,
      applyAt: this.time + this.options.applyDelayMs,
      applied: false,
      items,
    }
    for (const item of items)
      if (item.move) this.lockedUntil.set(item.iccid, this.time + this.options.lockSeconds * 1000)
    this.changes.set(order.id, order)
    if (this.options.applyDelayMs === 0) this.apply(order)
    return order
  }

  private apply(order: ChangeOrder): void {
    if (order.applied) return
    order.applied = true
    for (const item of order.items) {
      const card = this.cards.get(item.iccid)
      // The card may have moved on meanwhile (another job); OneLink then fails the item.
      if (!card || !item.move) continue
      if (card.status !== item.move.from) {
        item.answer = answers.invalidTransition
        continue
      }
      card.status = item.move.to
      card.stopBits = item.move.stopBits
      card.lastChangeAt = this.time
      if (usesData(card)) card.activatedAt ??= this.time
    }
  }

  /** Moves time to `target` in steps that end at each midnight and each due change. */
  private runUntil(target: number): void {
    while (this.time < target) {
      const midnight = nextMidnight(this.time)
      const due = [...this.changes.values()].filter((order) => !order.applied).map((order) => order.applyAt)
      const stepEnd = Math.min(target, midnight, ...due.filter((at) => at > this.time))
      for (const card of this.cards.values()) accrue(card, this.time, stepEnd)
      this.time = stepEnd
      if (stepEnd === midnight) for (const card of this.cards.values()) passMidnight(card, midnight)
      for (const order of this.changes.values())
        if (!order.applied && order.applyAt <= this.time) this.apply(order)
    }
    for (const order of this.changes.values())
      if (!order.applied && order.applyAt <= this.time) this.apply(order)
  }
}
