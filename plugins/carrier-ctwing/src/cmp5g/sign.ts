import { createHash } from 'node:crypto'

/**
 * The 5G CMP gateway's request signature (reference §3.1):
 * plain = sortedQuery + rawBody + secret + Timestamp, Sign = hex(ascii(lowerHex(MD5(utf8(plain))))).
 */

/** Query parameters sorted by name, `k=v` joined with `&`, values not URL-encoded. */
export function sortedQueryOf(params: Readonly<Record<string, string>>): string {
  return Object.keys(params)
    .sort()
    .map((name) => `${name}=${params[name] ?? ''}`)
    .join('&')
}

export function cmp5gSign(sortedQuery: string, rawBody: string, secret: string, timestamp: string): string {
  const md5 = createHash('md5').update(`${sortedQuery}${rawBody}${secret}${timestamp}`, 'utf8').digest('hex')
  return Buffer.from(md5, 'ascii').toString('hex').toUpperCase()
}

/** yyyyMMddHHmmss in UTC: the gateway's Timestamp is GMT, not Beijing time. */
export function utcTimestamp(instant: Date): string {
  return instant.toISOString().replace(/\D/g, '').slice(0, 14)
}
