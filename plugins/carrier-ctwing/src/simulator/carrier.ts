import { chinaMonthKey, type SimulatorClock } from './clock.js'
import { seededRandom } from '@simops/carrier-testkit/simulation'
import { generateInventory, makeIccid, type SimulatedCard, type StatusCode } from './inventory.js'
import { bytesOfUsageText, usageText } from './usage-text.js'

export interface SimulatedCtwingOptions {
  seed: number
  cards: number
  /** Clock milliseconds between accepting a change and applying it. */
  applyDelayMs: number
  /** Accepted calls per card, per action method, per China-time month (the carrier's -5 cap). */
  monthlyActionCap: number
}

export type ActionOutcome =
  | { kind: 'accepted'; transactionId: string }
  | { kind: 'notBound' }
  /** disabledNumber 20 on a 可激活 card: 100008, use requestServActive. */
  | { kind: 'readyCard' }
  | { kind: 'refused'; message: string }
  | { kind: 'capReached' }

/** Which status each order type / activation starts from, and where it leaves the card. */
const transitions: Record<string, { from: StatusCode; to: StatusCode }> = {
  requestServActive: { from: '1', to: '4' },
  '19': { from: '4', to: '5' },
  '20': { from: '5', to: '4' },
  '21': { from: '2', to: '3' },
  '22': { from: '3', to: '2' },
}

const HOUR_MS = 3_600_000

/**
 * The simulated carrier without HTTP: cards, the status machine 1–7, changes accepted now and applied
 * after a delay, the per-card monthly action cap, and data use accruing on the simulator clock.
 */
export class SimulatedCtwing {
  readonly unknownIccid: string
  private readonly byIccid19 = new Map<string, SimulatedCard>()
  private readonly byAccessNumber = new Map<string, SimulatedCard>()
  private readonly pending = new Map<string, { to: StatusCode; applyAt: number }>()
  private readonly actionCounts = new Map<string, number>()
  private readonly taken = new Set<string>()
  private lastSync: number
  private transactions = 0
  private largestRequest = 0

  constructor(
    private readonly options: SimulatedCtwingOptions,
    readonly clock: SimulatorClock,
  ) {
    for (const card of generateInventory(options.seed, options.cards)) {
      this.byIccid19.set(card.iccid19, card)
      this.byAccessNumber.set(card.accessNumber, card)
    }
    const random = seededRandom(options.seed ^ 0x5eed)
    let unknown = makeIccid(random)
    while (this.byIccid19.has(unknown.slice(0, 19))) unknown = makeIccid(random)
    this.unknownIccid = unknown
    this.lastSync = clock.now()
  }

  /** Brings usage and pending changes up to the clock; called before every answer. */
  sync(): void {
    const now = this.clock.now()
    const newMonth = chinaMonthKey(now) !== chinaMonthKey(this.lastSync)
    for (const card of this.byIccid19.values()) {
      if (newMonth) card.usedBytes = 0
      if (card.status === '4' || card.status === '2')
        card.usedBytes += Math.round((card.bytesPerHour * (now - this.lastSync)) / HOUR_MS)
    }
    this.lastSync = now
    for (const [accessNumber, change] of this.pending) if (change.applyAt <= now) this.apply(accessNumber)
  }

  /** Applies every accepted change now, whatever its due time. */
  settle(): void {
    this.sync()
    for (const accessNumber of [...this.pending.keys()]) this.apply(accessNumber)
  }

  cards(): SimulatedCard[] {
    return [...this.byIccid19.values()].map((card) => ({ ...card }))
  }

  /** A card by 19- or 20-character ICCID, as the carrier resolves it. */
  cardByIccid(iccid: string): SimulatedCard | undefined {
    this.noteCardsInRequest(1)
    return this.byIccid19.get(iccid.slice(0, 19))
  }

  /** A card by access number; 拆机 cards only when the caller asked for them (queryDropCard=true). */
  cardByAccessNumber(accessNumber: string, includeDropped = true): SimulatedCard | undefined {
    this.noteCardsInRequest(1)
    const card = this.byAccessNumber.get(accessNumber)
    return card && (includeDropped || card.status !== '7') ? card : undefined
  }

  /** One page of the account's cards, 50 per page as getSIMList gives them. */
  page(pageIndex: number): { total: number; cards: SimulatedCard[] } {
    const all = [...this.byIccid19.values()]
    return { total: all.length, cards: all.slice((pageIndex - 1) * 50, pageIndex * 50) }
  }

  /** The month-to-date figure as the carrier writes it ("12.50MB"). */
  usageTextOf(card: SimulatedCard): string {
    return usageText(card.usedBytes)
  }

  /** The carrier's reported figure in bytes: what the text says, not the unrounded counter. */
  reportedBytes(iccid: string): number | undefined {
    const card = this.byIccid19.get(iccid.slice(0, 19))
    return card ? bytesOfUsageText(usageText(card.usedBytes)) : undefined
  }

  nextTransactionId(): string {
    this.transactions += 1
    return `1000000190${chinaMonthKey(this.clock.now())}${String(this.transactions).padStart(10, '0')}`
  }

  /** requestServActive, or disabledNumber with order type 19–22. */
  requestChange(
    accessNumber: string,
    action: 'requestServActive' | '19' | '20' | '21' | '22',
  ): ActionOutcome {
    const card = this.cardByAccessNumber(accessNumber, false)
    if (!card) return { kind: 'notBound' }
    const method = action === 'requestServActive' ? action : 'disabledNumber'
    const capKey = `${accessNumber}:${method}:${chinaMonthKey(this.clock.now())}`
    const used = this.actionCounts.get(capKey) ?? 0
    if (used >= this.options.monthlyActionCap) return { kind: 'capReached' }
    this.actionCounts.set(capKey, used + 1)
    if (action === '20' && card.status === '1') return { kind: 'readyCard' }
    const rule = transitions[action]
    if (card.status === '6')
      return { kind: 'refused', message: '业务校验失败（号码处于运营商管理状态，不能自助操作）' }
    if (!rule || card.status !== rule.from || this.pending.has(accessNumber))
      return { kind: 'refused', message: `业务校验失败（号码当前状态为${card.status}，不允许此操作）` }
    this.pending.set(accessNumber, { to: rule.to, applyAt: this.clock.now() + this.options.applyDelayMs })
    if (this.options.applyDelayMs === 0) this.apply(accessNumber)
    return { kind: 'accepted', transactionId: this.nextTransactionId() }
  }

  /** singleCutNet: ADD cuts data, DEL restores it; the lifecycle does not change. */
  cutNet(accessNumber: string, action: 'ADD' | 'DEL'): boolean {
    const card = this.cardByAccessNumber(accessNumber, false)
    if (!card) return false
    card.dataCut = action === 'ADD'
    return true
  }

  /** An untaken card in the status, with no change pending: for the conformance handle. */
  take(status: StatusCode): string | undefined {
    const card = [...this.byIccid19.values()].find(
      (candidate) =>
        candidate.status === status &&
        !this.taken.has(candidate.iccid) &&
        !this.pending.has(candidate.accessNumber),
    )
    if (card) this.taken.add(card.iccid)
    return card?.iccid
  }

  /** The most cards one request named since the last call (each CT request names one). */
  takeLargestRequest(): number {
    const largest = this.largestRequest
    this.largestRequest = 0
    return largest
  }

  private noteCardsInRequest(count: number): void {
    this.largestRequest = Math.max(this.largestRequest, count)
  }

  private apply(accessNumber: string): void {
    const change = this.pending.get(accessNumber)
    const card = this.byAccessNumber.get(accessNumber)
    this.pending.delete(accessNumber)
    if (change && card) card.status = change.to
  }
}
