import { parseBeijingTime } from '../beijing-time.js'
import type { RequestData, RequestEnvelope } from '../protocol.js'
import { gatewayToken } from '../sign.js'
import { gatewayRefusals, type GatewayRefusal } from './wire-codes.js'

/** The one app the simulated gateway knows. */
export interface GatewayAccount {
  appId: string
  appSecret: string
  openId: string
}

export interface GatewayRules {
  /** `strict` refuses a wrong token as the gateway does; `logOnly` reports it and lets the request through. */
  tokenCheck: 'strict' | 'logOnly'
  /** How far the request timestamp may be from the gateway's clock. */
  timestampToleranceMs: number
  log(message: string): void
}

export type GatewayVerdict = { ok: true; request: RequestEnvelope } | { ok: false; refusal: GatewayRefusal }

const TIMESTAMP_FORMAT = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \d{3}$/
/** The SDK does not zero-pad the random tail, so 18–23 digits occur in the wild. */
const TRANS_ID_FORMAT = /^\d{18,23}$/
/** Clients send "1.0", some "V1.1". */
const DATA_VERSIONS = new Set(['1.0', 'V1.1'])

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

const refuse = (refusal: GatewayRefusal): GatewayVerdict => ({ ok: false, refusal })

/**
 * The gateway layer: envelope shape, app_id, timestamp (Beijing time, within tolerance of
 * `wallClockNow`), trans_id, the SM3 token over app_id/timestamp/trans_id, then the openId and
 * version inside `data`. The business layer sees only requests that pass.
 */
export function verifyRequest(
  body: unknown,
  account: GatewayAccount,
  rules: GatewayRules,
  wallClockNow: number,
): GatewayVerdict {
  if (!isRecord(body) || !isRecord(body.data)) return refuse(gatewayRefusals.badRequest)
  const { app_id, timestamp, trans_id, token, data } = body
  if (typeof app_id !== 'string' || typeof timestamp !== 'string' || typeof trans_id !== 'string')
    return refuse(gatewayRefusals.badRequest)
  if (typeof token !== 'string') return refuse(gatewayRefusals.badToken)
  if (app_id !== account.appId) return refuse(gatewayRefusals.unknownApp)
  const sent = TIMESTAMP_FORMAT.test(timestamp) ? parseBeijingTime(timestamp) : null
  if (sent === null || Math.abs(sent.getTime() - wallClockNow) > rules.timestampToleranceMs)
    return refuse(gatewayRefusals.badTimestamp)
  if (!TRANS_ID_FORMAT.test(trans_id)) return refuse(gatewayRefusals.badTransId)
  const expected = gatewayToken(app_id, timestamp, trans_id, account.appSecret)
  if (token !== expected) {
    if (rules.tokenCheck === 'strict') return refuse(gatewayRefusals.badToken)
    rules.log(`token mismatch for trans_id ${trans_id} accepted (tokenCheck logOnly)`)
  }
  if (data.openId !== account.openId) return refuse(gatewayRefusals.badOpenId)
  if (
    typeof data.messageId !== 'string' ||
    typeof data.version !== 'string' ||
    !DATA_VERSIONS.has(data.version)
  )
    return refuse(gatewayRefusals.badRequest)
  return {
    ok: true,
    request: { app_id, timestamp, trans_id, token, data: data as RequestData },
  }
}
