import { luhnCheckDigit, seededRandom } from '@simops/carrier-testkit/simulation'

export type PlatformType = 'OneLink-CT' | 'OneLink-PB'

/** A card as the simulated OneLink holds it. Usage is kept in hundredths of a KB, as OneLink reports two decimals. */
export interface SimCard {
  iccid: string
  msisdn: string
  imsi: string
  imei: string
  platformType: PlatformType
  /** Raw `cardStatus`: CT 1/2/4/6/7/8/9, PB 00–07. */
  status: string
  /** 12 characters of 0 and 2, one position per stop reason (25S02). */
  stopBits: string
  openedAt: number
  activatedAt: number | null
  lastChangeAt: number
  /** Data the card uses per hour while it is active, in hundredths of a KB. */
  centiKbPerHour: number
  /** Package allowance in KB; null without a package. */
  packageKb: number | null
  offeringName: string | null
  /** Month-to-date usage, current to the simulated instant. */
  usedCentiKb: number
  /** Month-to-date usage as of the last Beijing midnight (what PB reports). */
  usedAtMidnightCentiKb: number
  /** Usage per Beijing day (yyyyMMdd) and per closed month (yyyyMM). */
  dailyCentiKb: Map<string, number>
  monthlyCentiKb: Map<string, number>
}

export const STOP_BITS = {
  none: '000000000000',
  customer: '000000002000',
  cardDeviceSeparation: '020000000000',
  creditControl: '000020000000',
} as const

/** China Mobile ICCID prefixes (iccid.md §2, high and medium-high confidence). */
const ICCID_PREFIXES = ['898600', '898602', '898604', '898607', '898608']

interface Kind {
  platformType: PlatformType
  status: string
  stopBits?: string
}

const ct = (status: string, stopBits?: string): Kind => ({ platformType: 'OneLink-CT', status, stopBits })
const pb = (status: string, stopBits?: string): Kind => ({ platformType: 'OneLink-PB', status, stopBits })

/** One cycle of the inventory mix: mostly CT, some PB, every status and both kinds of stop. */
const mix: readonly Kind[] = [
  ct('2'),
  ct('2'),
  ct('4', STOP_BITS.customer),
  ct('1'),
  ct('7'),
  ct('6'),
  pb('00'),
  ct('2'),
  ct('4', STOP_BITS.cardDeviceSeparation),
  ct('1'),
  ct('7'),
  pb('02', STOP_BITS.customer),
  ct('2'),
  ct('8'),
  pb('07'),
  ct('4', STOP_BITS.customer),
  ct('6'),
  pb('01', STOP_BITS.creditControl),
  ct('9'),
  pb('06'),
  ct('2'),
  pb('03'),
  ct('4', STOP_BITS.creditControl),
  pb('04'),
]

const HOUR_MS = 3_600_000
const packages: ReadonlyArray<{ kb: number | null; name: string | null }> = [
  { kb: null, name: null },
  { kb: 30 * 1024, name: '物联网流量包30MB' },
  { kb: 500 * 1024, name: '物联网流量包500MB' },
  { kb: 2 * 1024 * 1024, name: '物联网流量包2GB' },
]

function digits(random: () => number, count: number): string {
  let text = ''
  for (let index = 0; index < count; index++) text += String(Math.floor(random() * 10))
  return text
}

/** A 20-digit China Mobile ICCID with a valid Luhn digit. */
export function makeIccid(random: () => number): string {
  const prefix = ICCID_PREFIXES[Math.floor(random() * ICCID_PREFIXES.length)] ?? '898604'
  const body = prefix + digits(random, 13)
  return body + luhnCheckDigit(body)
}

/** Whether a card in this status uses data (and so accrues usage). */
export function usesData(card: Pick<SimCard, 'status'>): boolean {
  return card.status === '2' || card.status === '00'
}

/** Cards without usage figures yet: never activated. */
const neverUsed = new Set(['1', '6', '7', '07'])

export function generateInventory(seed: number, count: number, now: number): SimCard[] {
  const random = seededRandom(seed)
  const seen = new Set<string>()
  // Numbers are unique at a carrier too; a repeat is redrawn (rare, so small inventories stay as they were).
  const numbers = new Set<string>()
  const cards: SimCard[] = []
  for (let index = 0; index < count; index++) {
    let iccid = makeIccid(random)
    while (seen.has(iccid)) iccid = makeIccid(random)
    seen.add(iccid)
    const kind = mix[index % mix.length] ?? ct('7')
    const used = !neverUsed.has(kind.status)
    const pack = packages[Math.floor(random() * packages.length)] ?? { kb: null, name: null }
    const imeiBody = `86${digits(random, 12)}`
    const openedAt = now - (30 + Math.floor(random() * 400)) * 24 * HOUR_MS
    let msisdn = `1440${digits(random, 9)}`
    while (numbers.has(msisdn)) msisdn = `1440${digits(random, 9)}`
    numbers.add(msisdn)
    cards.push({
      iccid,
      // IoT numbers: 13 digits in the 1440 range.
      msisdn,
      imsi: `46004${digits(random, 10)}`,
      imei: imeiBody + luhnCheckDigit(imeiBody),
      platformType: kind.platformType,
      status: kind.status,
      stopBits: kind.stopBits ?? STOP_BITS.none,
      openedAt,
      activatedAt: used ? openedAt + Math.floor(random() * 20) * 24 * HOUR_MS : null,
      lastChangeAt: openedAt,
      // Up to ~40 MB an hour, in hundredths of a KB, so figures carry fractional KB.
      centiKbPerHour: Math.floor(random() * 40 * 1024 * 100),
      packageKb: pack.kb,
      offeringName: pack.name,
      // Stopped cards used some data earlier in the month; usage of active ones is accrued from the month's start.
      usedCentiKb: used && !usesData(kind) ? Math.floor(random() * 200 * 1024 * 100) + 1 : 0,
      usedAtMidnightCentiKb: 0,
      dailyCentiKb: new Map(),
      monthlyCentiKb: new Map(),
    })
  }
  return cards
}
