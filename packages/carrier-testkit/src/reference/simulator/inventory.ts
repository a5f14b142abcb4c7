import { luhnCheckDigit, seededRandom } from '../../simulation.js'
import type { WireBlockCode, WireStatus } from '../protocol.js'

/** A card as the simulated carrier holds it. Times are simulated-clock milliseconds. */
export interface SimulatedCard {
  iccid: string
  msisdn: string
  imsi: string
  imei: string | null
  status: WireStatus
  stoppedBy: 'CUSTOMER' | 'CARRIER' | null
  blockCode: WireBlockCode | null
  activatedAt: number | null
  /** Used in the current billing period. */
  usedBytes: number
  /** How fast the card uses data while active. */
  bytesPerHour: number
  packageBytes: number | null
}

type Kind = { status: WireStatus; stoppedBy?: 'CUSTOMER' | 'CARRIER' }

/**
 * The mix of states, repeated through the inventory, so even a small inventory (20 cards) holds
 * every state, including both kinds of suspended card.
 */
const mix: readonly Kind[] = [
  ...Array<Kind>(8).fill({ status: 'ACTIVE' }),
  ...Array<Kind>(3).fill({ status: 'READY' }),
  ...Array<Kind>(2).fill({ status: 'INVENTORY' }),
  ...Array<Kind>(2).fill({ status: 'TEST' }),
  ...Array<Kind>(2).fill({ status: 'SUSPENDED', stoppedBy: 'CUSTOMER' }),
  { status: 'SUSPENDED', stoppedBy: 'CARRIER' },
  { status: 'PENDING_TERMINATION' },
  { status: 'TERMINATED' },
]

const carrierBlocks: readonly WireBlockCode[] = ['DATA_CAP', 'BALANCE', 'REAL_NAME', 'EXPIRED']
const GB = 1024 ** 3
const MB = 1024 ** 2
const packages: ReadonlyArray<number | null> = [GB, 3 * GB, 10 * GB, null]
const HOUR_MS = 3_600_000

function digits(random: () => number, count: number): string {
  let text = ''
  for (let index = 0; index < count; index++) text += String(Math.floor(random() * 10))
  return text
}

function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)]
  if (item === undefined) throw new Error('pick needs a non-empty list')
  return item
}

/** An ICCID of 19 or 20 digits under the reference prefix 8999, ending in its Luhn check digit. */
export function makeIccid(random: () => number): string {
  const body = `8999${digits(random, random() < 0.5 ? 14 : 15)}`
  return body + luhnCheckDigit(body)
}

export function generateInventory(seed: number, count: number, now: number): SimulatedCard[] {
  const random = seededRandom(seed)
  const seen = new Set<string>()
  const cards: SimulatedCard[] = []
  for (let index = 0; index < count; index++) {
    let iccid = makeIccid(random)
    while (seen.has(iccid)) iccid = makeIccid(random)
    seen.add(iccid)
    const kind = mix[index % mix.length] ?? { status: 'INVENTORY' }
    const used =
      kind.status === 'ACTIVE' || kind.status === 'SUSPENDED' || kind.status === 'PENDING_TERMINATION'
    const imeiBody = `86${digits(random, 12)}`
    cards.push({
      iccid,
      msisdn: `1064${digits(random, 9)}`,
      imsi: `46099${digits(random, 10)}`,
      imei: used ? imeiBody + luhnCheckDigit(imeiBody) : null,
      status: kind.status,
      stoppedBy: kind.stoppedBy ?? null,
      blockCode: kind.stoppedBy === 'CARRIER' ? pick(random, carrierBlocks) : null,
      activatedAt: used ? now - Math.floor(random() * 400 * 24) * HOUR_MS : null,
      // Whole kilobytes plus a remainder, so unit conversion mistakes show.
      usedBytes: used ? Math.floor(random() * 2 * GB) + 1 : 0,
      bytesPerHour: Math.floor(random() * 40 * MB),
      packageBytes: pick(random, packages),
    })
  }
  return cards
}
