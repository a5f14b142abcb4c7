import { isCarrierError, type CardInfo, type CardLookup } from '@simops/carrier-sdk'
import type { OneLinkClient } from './client.js'
import { firstRow, optionalTextOf, rowStatusOf, textOf, type WireRow } from './envelope.js'
import { toCardStatus, toPlatform, type Platform } from './mappers.js'
import { joinSelector } from './request.js'

/** Status is a single-card call; this many run at once for a batch (the platform paces the rest). */
const STATUS_CONCURRENCY = 4

async function mapLimited<T, R>(items: readonly T[], limit: number, map: (item: T) => Promise<R>) {
  const results: R[] = new Array<R>(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const index = next++
      results[index] = await map(items[index] as T)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}

interface Identity {
  iccid: string
  msisdn: string | null
  imsi: string | null
}

/** 25S05: which requested ICCIDs OneLink knows, with their MSISDN and IMSI. A failed row is unknown. */
async function identities(client: OneLinkClient, iccids: readonly string[], signal: AbortSignal) {
  const path = '/query/sim-card-info/batch'
  const envelope = await client.call(path, { iccids: joinSelector(iccids) }, signal)
  const known = new Map<string, Identity>()
  envelope.result.forEach((row, index) => {
    if (rowStatusOf(row).status !== '0') return
    // Rows follow the request; a row that names its ICCID is matched by it.
    const iccid = optionalTextOf(row, 'iccid') ?? iccids[index]
    if (iccid === undefined || !iccids.includes(iccid)) return
    known.set(iccid, { iccid, msisdn: optionalTextOf(row, 'msisdn'), imsi: optionalTextOf(row, 'imsi') })
  })
  return known
}

/** 25S06: the back end (CT or PB) of each card, keyed by ICCID. */
async function platforms(client: OneLinkClient, cards: readonly Identity[], signal: AbortSignal) {
  const envelope = await client.call(
    '/query/sim-platform/batch',
    { iccids: joinSelector(cards.map((card) => card.iccid)) },
    signal,
  )
  const result = new Map<string, { platform: Platform | null; platformType: string | null }>()
  envelope.result.forEach((row, index) => {
    if (rowStatusOf(row).status !== '0') return
    const msisdn = optionalTextOf(row, 'msisdn')
    const card =
      cards.find((candidate) => candidate.iccid === optionalTextOf(row, 'iccid')) ??
      cards.find((candidate) => msisdn !== null && candidate.msisdn === msisdn) ??
      cards[index]
    const platformType = optionalTextOf(row, 'platformType')
    if (card) result.set(card.iccid, { platform: toPlatform(platformType), platformType })
  })
  return result
}

/** 25S04 for one card: its raw `cardStatus`, or undefined when OneLink no longer knows it. */
export async function readStatus(client: OneLinkClient, iccid: string, signal: AbortSignal) {
  const path = '/query/sim-status'
  try {
    const row: WireRow = firstRow(await client.call(path, { iccid }, signal), path)
    return textOf(row, 'cardStatus', path).trim()
  } catch (error) {
    if (isCarrierError(error) && error.code === 'notFound') return undefined
    throw error
  }
}

/**
 * Cards by ICCID: identities and platforms in two batch calls, then each card's status (OneLink has
 * no batch status query). One lookup per requested ICCID, in the requested order.
 */
export async function lookUpCards(
  client: OneLinkClient,
  requested: readonly string[],
  signal: AbortSignal,
): Promise<CardLookup[]> {
  const unique = [...new Set(requested)]
  if (unique.length === 0) return []
  const known = await identities(client, unique, signal)
  const cards = [...known.values()]
  const platformOf = cards.length > 0 ? await platforms(client, cards, signal) : new Map()
  const infos = await mapLimited(
    cards,
    STATUS_CONCURRENCY,
    async (identity): Promise<CardInfo | undefined> => {
      const code = await readStatus(client, identity.iccid, signal)
      if (code === undefined) return undefined
      const platform = platformOf.get(identity.iccid)
      const status = toCardStatus(code, platform?.platform ?? null)
      if (status.numberGone) return undefined
      return {
        iccid: identity.iccid,
        msisdn: identity.msisdn,
        imsi: identity.imsi,
        // IMEI and first activation need one more single-card call each (23S04, 23S00); not read in bulk.
        imei: null,
        lifecycle: status.lifecycle,
        carrierStatus: status.carrierStatus,
        block: status.block,
        activatedAt: null,
        platformType: platform?.platformType ?? null,
      }
    },
  )
  const byIccid = new Map(infos.flatMap((info) => (info ? [[info.iccid, info] as const] : [])))
  return requested.map((iccid) => {
    const card = byIccid.get(iccid)
    return card ? { iccid, found: true, card } : { iccid, found: false }
  })
}
