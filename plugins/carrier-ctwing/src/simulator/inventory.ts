import { luhnCheckDigit, seededRandom } from '@simops/carrier-testkit/simulation'
/** A card as the simulated carrier holds it. Times are simulator-clock milliseconds. */
export interface SimulatedCard {
  /** The 20-character printed ICCID (19 digits + Luhn digit); the APIs take the first 19. */
  iccid: string
  iccid19: string
  /** The 10649/149 number every action is addressed by. */
  accessNumber: string
  /** productMainStatusCd: 1 可激活 … 7 拆机. */
  status: StatusCode
  /** singleCutNet ADD: data cut while the lifecycle stays. */
  dataCut: boolean
  usedBytes: number
  /** Data an in-use or test-period card consumes per hour. */
  bytesPerHour: number
}

export const statusCodes = ['1', '2', '3', '4', '5', '6', '7'] as const
export type StatusCode = (typeof statusCodes)[number]

/** The carrier's own names for its statuses, as its replies spell them. */
export const statusNames: Record<StatusCode, string> = {
  '1': '可激活',
  '2': '测试激活',
  '3': '测试去激活',
  '4': '在用',
  '5': '停机',
  '6': '运营商管理状态',
  '7': '拆机',
}

function digits(random: () => number, count: number): string {
  let text = ''
  for (let index = 0; index < count; index++) text += String(Math.floor(random() * 10))
  return text
}

/** China Telecom's high-confidence prefixes (iccid.md §2). */
const PREFIXES = ['898603', '898611'] as const

export function makeIccid(random: () => number): string {
  const body = `${PREFIXES[random() < 0.5 ? 0 : 1]}${digits(random, 13)}`
  return body + luhnCheckDigit(body)
}

/** 13-digit 10649 numbers and 11-digit 149 numbers, as CT issues for IoT. */
function makeAccessNumber(random: () => number): string {
  return random() < 0.5 ? `10649${digits(random, 8)}` : `149${digits(random, 8)}`
}

/** The status mix, repeated, so even 20 cards hold every status, with most cards in use. */
const mix: readonly StatusCode[] = [
  '4',
  '4',
  '4',
  '4',
  '4',
  '4',
  '4',
  '4',
  '1',
  '1',
  '1',
  '2',
  '2',
  '3',
  '5',
  '5',
  '5',
  '6',
  '7',
  '4',
]

const MB = 1024 ** 2

export function generateInventory(seed: number, count: number): SimulatedCard[] {
  const random = seededRandom(seed)
  const seen = new Set<string>()
  const cards: SimulatedCard[] = []
  for (let index = 0; index < count; index++) {
    let iccid = makeIccid(random)
    let accessNumber = makeAccessNumber(random)
    while (seen.has(iccid.slice(0, 19))) iccid = makeIccid(random)
    while (seen.has(accessNumber)) accessNumber = makeAccessNumber(random)
    seen.add(iccid.slice(0, 19))
    seen.add(accessNumber)
    const status = mix[index % mix.length] ?? '4'
    const used = status !== '1'
    cards.push({
      iccid,
      iccid19: iccid.slice(0, 19),
      accessNumber,
      status,
      dataCut: false,
      // Not whole megabytes, so a unit mistake shows.
      usedBytes: used ? Math.floor(random() * 3000 * MB) + 12_345 : 0,
      bytesPerHour: Math.floor(random() * 30 * MB) + 1,
    })
  }
  return cards
}
