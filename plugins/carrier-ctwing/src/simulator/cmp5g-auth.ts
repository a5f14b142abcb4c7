import { createHash } from 'node:crypto'

export interface Cmp5gCredentials {
  appKey: string
  appSecret: string
}

export type Cmp5gAuthResult = { ok: true } | { ok: false; code: string; message: string }

/**
 * The gateway's own check, written apart from the plugin's signer so the two can disagree: MD5 of
 * sortedQuery + rawBody + secret + Timestamp, its lower-case hex hex-encoded again, and a UTC
 * Timestamp within the allowed skew of the gateway clock. The failure texts are SimOps' own (the
 * reference gives none); they name 签名 / 时间戳 as the real gateway's messages do.
 */
export function verifyCmp5gAuth(
  headers: Readonly<Record<string, string | undefined>>,
  query: URLSearchParams,
  rawBody: string,
  credentials: Cmp5gCredentials,
  gatewayNow: number,
  maxSkewSeconds: number,
): Cmp5gAuthResult {
  if (headers.appkey !== credentials.appKey)
    return { ok: false, code: '10001', message: 'AppKey不存在或已停用' }
  const timestamp = headers.timestamp ?? ''
  const parsed = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(timestamp)
  const [, year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = parsed?.map(Number) ?? []
  const at = parsed ? Date.UTC(year, month - 1, day, hour, minute, second) : NaN
  if (Number.isNaN(at) || Math.abs(at - gatewayNow) > maxSkewSeconds * 1000)
    return { ok: false, code: '10002', message: '时间戳无效或超出允许范围' }
  const sorted = [...query.keys()]
    .filter((name, index, names) => names.indexOf(name) === index)
    .sort()
    .map((name) => `${name}=${query.get(name) ?? ''}`)
    .join('&')
  const digest = createHash('md5')
    .update(sorted + rawBody + credentials.appSecret + timestamp, 'utf8')
    .digest('hex')
  const expected = [...digest].map((character) => character.charCodeAt(0).toString(16)).join('')
  if ((headers.sign ?? '').toLowerCase() !== expected)
    return { ok: false, code: '10003', message: '签名校验失败' }
  return { ok: true }
}

/** The gateway's auth refusal: HTTP 200 with a code/msg envelope. */
export function cmp5gAuthRefusal(code: string, message: string): { code: string; msg: string } {
  return { code, msg: message }
}
