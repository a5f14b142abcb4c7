import { blockReasons, lifecycles, type CarrierConnection, type Lifecycle } from '@simops/carrier-sdk'
import { hasValidLuhn, luhnCheckDigit } from '../../luhn.js'
import { describeValue, fail, isLocalizedText, isRecord, isStringOrNull, isValidDate } from '../assertions.js'
import { expectLookups, readCard, takeAnyCard, takeableLifecycles } from '../card-reads.js'
import type { CheckSpec } from '../check-spec.js'
import type { Harness } from '../harness.js'

/**
 * `count` ICCIDs that look like `base` (same length and prefix, valid Luhn digit when `base` has one),
 * made by varying the digits before the check digit. They are padding: the simulator may happen to
 * know some, so callers must not assume they are unknown.
 */
export function iccidsLike(base: string, count: number, exclude: ReadonlySet<string>): string[] {
  const luhn = hasValidLuhn(base)
  const body = luhn ? base.slice(0, -1) : base
  const width = Math.min(6, body.length)
  const head = body.slice(0, body.length - width)
  const start = Number(body.slice(body.length - width))
  const result: string[] = []
  for (let step = 0; result.length < count && step < 10 ** width; step++) {
    const tail = String((start + step) % 10 ** width).padStart(width, '0')
    const iccid = luhn ? `${head}${tail}${luhnCheckDigit(head + tail)}` : `${head}${tail}`
    if (!exclude.has(iccid) && !result.includes(iccid)) result.push(iccid)
  }
  return result
}

/** Up to `count` known cards, one state at a time in turn, so no single state is drained. */
async function takeCardsAcrossStates(harness: Harness, count: number): Promise<string[]> {
  const taken: string[] = []
  let states = [...takeableLifecycles]
  while (taken.length < count && states.length > 0) {
    const stillHolding: Lifecycle[] = []
    for (const lifecycle of states) {
      if (taken.length >= count) break
      const iccid = await harness.simulator.takeCard(lifecycle)
      if (iccid === undefined) continue
      taken.push(iccid)
      stillHolding.push(lifecycle)
    }
    states = stillHolding
  }
  return taken
}

async function getCards(harness: Harness, connection: CarrierConnection, iccids: string[], label: string) {
  const result = await harness.call(label, (call) => connection.getCards({ iccids }, call))
  return expectLookups(result, iccids, label)
}

export const cardChecks: CheckSpec[] = [
  {
    name: 'unknown card',
    async run(harness) {
      const connection = await harness.connect()
      const unknown = harness.simulator.unknownIccid
      const [alone] = await getCards(harness, connection, [unknown], 'getCards of an unknown ICCID')
      if (alone?.found !== false)
        fail(
          `getCards must report the unknown ICCID ${unknown} as { found: false }, got ${describeValue(alone)}`,
        )
      const known = await takeAnyCard(harness, 'the unknown card check')
      const mixed = await getCards(
        harness,
        connection,
        [known, unknown],
        'getCards of a known and an unknown ICCID',
      )
      if (mixed[0]?.found !== true) fail(`getCards of [known, unknown] must find the known card ${known}`)
      if (mixed[1]?.found !== false)
        fail(`getCards of [known, unknown] must report ${unknown} as { found: false }`)
    },
  },
  {
    name: 'card info',
    async run(harness) {
      const connection = await harness.connect()
      const iccid = await harness.takeCard('active', 'the card info check')
      const card: unknown = await readCard(harness, connection, iccid, 'getCards of an active card')
      const problems: string[] = []
      const demand = (ok: boolean, problem: string) => ok || problems.push(problem)
      if (!isRecord(card)) fail(`card must be an object, got ${describeValue(card)}`)
      demand(card.iccid === iccid, `card.iccid must be ${iccid}, got ${describeValue(card.iccid)}`)
      demand(
        (lifecycles as readonly unknown[]).includes(card.lifecycle),
        `card.lifecycle must be one of ${lifecycles.join(', ')}, got ${describeValue(card.lifecycle)}`,
      )
      demand(
        card.lifecycle === 'active',
        `the simulator holds ${iccid} as active, but card.lifecycle is ${describeValue(card.lifecycle)}`,
      )
      const status = card.carrierStatus
      demand(
        isRecord(status) && typeof status.code === 'string' && status.code !== '',
        `card.carrierStatus.code must be the carrier's raw code as non-empty text, got ${describeValue(status)}`,
      )
      demand(
        isRecord(status) && isLocalizedText(status.label),
        `card.carrierStatus.label must have non-empty zh-CN and en texts, got ${describeValue(isRecord(status) ? status.label : status)}`,
      )
      demand(
        card.activatedAt === null || isValidDate(card.activatedAt),
        `card.activatedAt must be a valid Date or null, got ${describeValue(card.activatedAt)}`,
      )
      for (const field of ['msisdn', 'imsi', 'imei', 'platformType'])
        demand(
          isStringOrNull(card[field]),
          `card.${field} must be text or null, got ${describeValue(card[field])}`,
        )
      demand(
        card.block === null || (blockReasons as readonly unknown[]).includes(card.block),
        `card.block must be null or one of ${blockReasons.join(', ')}, got ${describeValue(card.block)}`,
      )
      if (problems.length > 0) fail(`getCards reported card ${iccid} wrongly:\n  ${problems.join('\n  ')}`)
    },
  },
  {
    name: 'batch limits',
    async run(harness) {
      const { simulator } = harness
      const size = harness.definition.limits.batchSize.getCards
      const connection = await harness.connect()
      const known = await takeCardsAcrossStates(harness, size)
      const padding = iccidsLike(simulator.unknownIccid, size - known.length, new Set(known))
      const iccids = [...known, ...padding]
      if (iccids.length < size)
        fail(`could not make ${size} distinct ICCIDs from the simulator's unknownIccid`)
      simulator.takeMaxCardsPerRequest()
      const lookups = await getCards(
        harness,
        connection,
        iccids,
        `getCards of ${size} ICCIDs (limits.batchSize.getCards)`,
      )
      const missed = lookups
        .filter((lookup, index) => index < known.length && !lookup.found)
        .map((lookup) => lookup.iccid)
      if (missed.length > 0)
        fail(`getCards of a full batch reported known cards as not found: ${missed.join(', ')}`)
      const largest = simulator.takeMaxCardsPerRequest()
      if (largest > size)
        fail(`the plugin put ${largest} cards in one request, more than limits.batchSize.getCards (${size})`)
    },
  },
]
