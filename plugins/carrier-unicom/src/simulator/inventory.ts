import { luhnCheckDigit, seededRandom } from '@simops/carrier-testkit/simulation'
import type { SimStatus } from '../protocol.js'

/** A card as the simulated CMP holds it. Times are simulator-clock milliseconds. */
export interface SimulatedCard {
  iccid: string
  imsi: string
  msisdn: string
  /** Empty until a device has used the card. */
  imei: string
  simStatus: SimStatus
  ratePlan: string
  dateAdded: number
  dateShipped: number
  dateActivated: number | null
  dateModified: number
  /** Data used in the current billing cycle. */
  usedBytes: number
  /** How fast the card uses data while activated. */
  bytesPerHour: number
  /** Data the cycle allows before the overage limit cuts data; null for no limit. */
  overageLimitBytes: number | null
  overageLimitReached: boolean
  /** 0 not required/not done · 1 required/not done · 2 required/done · 3 not required/done. */
  realNameStatus: '0' | '1' | '2' | '3'
  lockStatus: '0' | '1'
  ctdSessionCount: number
}

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

/** China Unicom's ICCID issuer prefixes. */
export const unicomPrefixes = ['898601', '898606', '898609'] as const

/** A 20-digit Unicom ICCID ending in its Luhn check digit. */
export function makeIccid(random: () => number): string {
  const body = pick(random, unicomPrefixes) + digits(random, 13)
  return body + luhnCheckDigit(body)
}

/** The mix of statuses, repeated through the inventory, so even 23 cards hold every status. */
const mix: readonly SimStatus[] = [
  ...Array<SimStatus>(8).fill('2'),
  ...Array<SimStatus>(3).fill('3'),
  '1',
  '1',
  '8',
  '0',
  '0',
  '7',
  '7',
  '4',
  '5',
  '6',
  '9',
  '2',
]

const MB = 1024 ** 2
const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS
const ratePlans = ['物联网流量池-100M', '物联网流量池-1G', '物联网单卡-30M']
const overageLimits: ReadonlyArray<number | null> = [null, null, 512 * MB, 2048 * MB]

/** Whether a card in this status has been in use (holds an IMEI, an activation date, usage). */
const hasBeenUsed = (status: SimStatus) => ['2', '3', '4', '5', '6', '9'].includes(status)

export function generateInventory(seed: number, count: number, now: number): SimulatedCard[] {
  const random = seededRandom(seed)
  const seen = new Set<string>()
  // Numbers are unique at a carrier too; a repeat is redrawn (rare, so small inventories stay as they were).
  const numbers = new Set<string>()
  const cards: SimulatedCard[] = []
  for (let index = 0; index < count; index++) {
    let iccid = makeIccid(random)
    while (seen.has(iccid)) iccid = makeIccid(random)
    seen.add(iccid)
    const simStatus = mix[index % mix.length] ?? '7'
    const used = hasBeenUsed(simStatus)
    const dateAdded = now - Math.floor(200 + random() * 400) * DAY_MS
    const imeiBody = `86${digits(random, 12)}`
    // Drawn in the order the fields always were, so seeded inventories keep their values.
    const imsi = `46001${digits(random, 10)}`
    let msisdn = `146${digits(random, 10)}`
    while (numbers.has(msisdn)) msisdn = `146${digits(random, 10)}`
    numbers.add(msisdn)
    cards.push({
      iccid,
      imsi,
      msisdn,
      imei: used ? imeiBody + luhnCheckDigit(imeiBody) : '',
      simStatus,
      ratePlan: pick(random, ratePlans),
      dateAdded,
      dateShipped: dateAdded + DAY_MS,
      dateActivated: used ? dateAdded + Math.floor(2 + random() * 100) * DAY_MS : null,
      dateModified: now - Math.floor(random() * 30) * DAY_MS,
      // Whole megabytes plus a remainder, so unit mistakes show.
      usedBytes: simStatus === '2' || simStatus === '3' ? Math.floor(random() * 300 * MB) + 1 : 0,
      bytesPerHour: Math.floor(random() * 2 * MB),
      overageLimitBytes: pick(random, overageLimits),
      overageLimitReached: false,
      realNameStatus: pick(random, ['0', '2', '2', '3'] as const),
      lockStatus: '0',
      ctdSessionCount: used ? Math.floor(random() * 500) : 0,
    })
  }
  return cards
}
