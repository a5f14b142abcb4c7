import type { UsageResult } from '@simops/carrier-sdk'
import { chinaDay, chinaIsoDay, chinaMidnightOf, chinaMonthOf, DAY_MS } from './china-time.js'
import type { OneLinkClient } from './client.js'
import { firstRow, optionalTextOf, rowStatusOf, rowsOf, type WireRow } from './envelope.js'
import { malformed } from './errors.js'
import { kbToBytes, toPlatform } from './mappers.js'

/**
 * OneLink keeps daily figures for the last 7 days up to yesterday (Beijing). The oldest of them is
 * not asked for, so a few minutes of clock skew around midnight never asks outside the window.
 */
const DAILY_DAYS = 6

function bytesOf(row: WireRow, field: string, what: string) {
  const figure = kbToBytes(row[field])
  if (figure === null) throw malformed(`${what}.${field} ${JSON.stringify(row[field])} is not a KB figure`)
  return figure
}

/** The sum of a KB field over package rows, or null when no row reports a figure (`" "`: no package). */
function sumOf(rows: readonly WireRow[], field: string): number | null {
  const figures = rows
    .map((row) => bytesOf(row, field, 'accmMarginList[]'))
    .filter((figure) => figure.reported)
  return figures.length === 0 ? null : figures.reduce((total, figure) => total + figure.bytes, 0)
}

async function platformOf(client: OneLinkClient, iccid: string, signal: AbortSignal) {
  const path = '/query/sim-platform/batch'
  const [row] = (await client.call(path, { iccids: iccid }, signal)).result
  return row && rowStatusOf(row).status === '0' ? toPlatform(optionalTextOf(row, 'platformType')) : null
}

/** Daily figures (25U01) for the period's days within OneLink's window, oldest first. */
async function dailyUsage(client: OneLinkClient, iccid: string, now: Date, signal: AbortSignal) {
  const path = '/query/sim-data-usage-daily/batch'
  const today = chinaMidnightOf(now)
  const first = Math.max(chinaMonthOf(now).start, today - DAILY_DAYS * DAY_MS)
  const days: Array<{ day: string; bytes: number }> = []
  for (let day = first; day < today; day += DAY_MS) {
    const envelope = await client.call(path, { iccids: iccid, queryDate: chinaDay(day) }, signal)
    const list = envelope.result.length === 0 ? [] : rowsOf(firstRow(envelope, path), 'dataAmountList', path)
    const entry = list.find((item) => optionalTextOf(item, 'iccid') === iccid) ?? list[0]
    days.push({
      day: chinaIsoDay(day),
      bytes: entry ? bytesOf(entry, 'dataAmount', 'dataAmountList[]').bytes : 0,
    })
  }
  return days
}

/**
 * Month-to-date usage: 25U04 for the total (KB), 23U07 for the package allowance, 25S06 for the
 * platform (PB figures run only to the previous midnight, CT ones are current), 25U01 for days.
 */
export async function readUsage(
  client: OneLinkClient,
  iccid: string,
  now: Date,
  signal: AbortSignal,
): Promise<UsageResult> {
  const usagePath = '/query/sim-data-usage'
  const used = bytesOf(
    firstRow(await client.call(usagePath, { iccid }, signal), usagePath),
    'dataAmount',
    usagePath,
  )
  const marginPath = '/query/sim-data-margin'
  const margin = await client.call(marginPath, { iccid }, signal)
  const packages =
    margin.result.length === 0 ? [] : rowsOf(firstRow(margin, marginPath), 'accmMarginList', marginPath)
  const platform = await platformOf(client, iccid, signal)
  const period = chinaMonthOf(now)
  return {
    periodStart: new Date(period.start),
    periodEnd: new Date(period.end),
    usedBytes: used.bytes,
    totalBytes: sumOf(packages, 'totalAmount'),
    remainingBytes: sumOf(packages, 'remainAmount'),
    asOf: platform === 'PB' ? new Date(chinaMidnightOf(now)) : now,
    daily: await dailyUsage(client, iccid, now, signal),
  }
}
