import { randomInt } from 'node:crypto'
import { formatCompactTimestamp, formatGatewayTimestamp } from './beijing-time.js'
import { sm3Hex } from './sm3.js'

/** The fields that authenticate one gateway request; `data` is deliberately not part of the token. */
export interface RequestCredentials {
  app_id: string
  timestamp: string
  trans_id: string
  token: string
}

/**
 * The string the token hashes: literal key names, fixed order, no separators, secret last. The
 * gateway leaves `data` out, so body integrity rests on TLS alone.
 */
export function signingString(appId: string, timestamp: string, transId: string, appSecret: string): string {
  return `app_id${appId}timestamp${timestamp}trans_id${transId}${appSecret}`
}

export function gatewayToken(appId: string, timestamp: string, transId: string, appSecret: string): string {
  return sm3Hex(signingString(appId, timestamp, transId, appSecret))
}

/**
 * A trans_id: the Beijing time to the millisecond (17 digits) and six random digits, 23 digits in
 * all. The official SDK forgets to zero-pad the random part; this one does not.
 */
export function newTransId(instant: Date, random: () => number = () => randomInt(1_000_000)): string {
  return formatCompactTimestamp(instant) + String(random()).padStart(6, '0')
}

/** Everything but `data` of a request body, signed for the given moment. */
export function signRequest(appId: string, appSecret: string, instant: Date): RequestCredentials {
  const timestamp = formatGatewayTimestamp(instant)
  const transId = newTransId(instant)
  return {
    app_id: appId,
    timestamp,
    trans_id: transId,
    token: gatewayToken(appId, timestamp, transId, appSecret),
  }
}
