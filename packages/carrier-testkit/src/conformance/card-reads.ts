import { lifecycles, type CardInfo, type CarrierConnection, type Lifecycle } from '@simops/carrier-sdk'
import { describeValue, fail, isRecord } from './assertions.js'
import type { Harness } from './harness.js'

/** Either a card the carrier knows (with what it says) or an ICCID it does not know. */
export type CheckedLookup = { iccid: string; found: true; card: CardInfo } | { iccid: string; found: false }

/**
 * Checks a getCards result has one entry per requested ICCID, in the requested order, each with a
 * boolean `found` and, when found, a card object.
 */
export function expectLookups(result: unknown, iccids: readonly string[], label: string): CheckedLookup[] {
  if (!isRecord(result) || !Array.isArray(result.cards))
    fail(`${label} must resolve with { cards: [...] }, got ${describeValue(result)}`)
  const cards: unknown[] = result.cards
  if (cards.length !== iccids.length)
    fail(
      `${label} asked for ${iccids.length} ICCID(s) and got ${cards.length} entries; getCards returns one entry per ICCID`,
    )
  return iccids.map((iccid, index) => {
    const entry = cards[index]
    if (!isRecord(entry) || entry.iccid !== iccid)
      fail(
        `${label}: entry ${index} must be for ${iccid} (entries follow the requested order), got ${describeValue(entry)}`,
      )
    if (entry.found === false) return { iccid, found: false }
    if (entry.found !== true || !isRecord(entry.card))
      fail(
        `${label}: entry for ${iccid} must be { found: false } or { found: true, card }, got ${describeValue(entry)}`,
      )
    return { iccid, found: true, card: entry.card as unknown as CardInfo }
  })
}

/** Reads one card the simulator knows and returns what the plugin says about it. */
export async function readCard(
  harness: Harness,
  connection: CarrierConnection,
  iccid: string,
  label: string,
): Promise<CardInfo> {
  const result = await harness.call(label, (call) => connection.getCards({ iccids: [iccid] }, call))
  const [lookup] = expectLookups(result, [iccid], label)
  if (!lookup?.found) fail(`${label}: the simulator knows card ${iccid}, but getCards reports it not found`)
  return lookup.card
}

/** Lifecycle states worth taking cards from, most common first; `unknown` is no state a simulator holds. */
export const takeableLifecycles: readonly Lifecycle[] = [
  'active',
  ...lifecycles.filter((lifecycle) => lifecycle !== 'active' && lifecycle !== 'unknown'),
]

/** Any card the simulator knows, preferring active ones. */
export async function takeAnyCard(harness: Harness, purpose: string): Promise<string> {
  for (const lifecycle of takeableLifecycles) {
    const iccid = await harness.simulator.takeCard(lifecycle)
    if (iccid !== undefined) return iccid
  }
  fail(`the simulator holds no untaken card in any lifecycle state, needed for ${purpose}`)
}
