import type { CarrierContext } from '@simops/carrier-sdk'
import { errorFromEnvelope } from '../errors.js'
import type { CtwingGateway, OrderTypeId } from '../gateway.js'
import type { Cmp5gSettings } from '../settings.js'
import { envelopeOf, type Envelope } from '../wire/envelope.js'
import { exchange } from '../wire/http.js'
import { parseReply } from '../wire/reply.js'
import { cmp5gSign, sortedQueryOf, utcTimestamp } from './sign.js'

export const cmp5gPaths = {
  getTelephone: '/openapi/v1/prodinst/getTelephone',
  queryCardMainStatus: '/openapi/v1/prodinst/queryCardMainStatus',
  queryTraffic: '/api/v1/openbill/queryTraffic',
  requestServActive: '/5gcmp/openapi/v1/common/requestServActive',
  disabledNumberService: '/5gcmp/openapi/v1/common/disabledNumberService',
} as const

/** Headers of one signed request; the Timestamp follows the platform clock plus the configured correction. */
export function cmp5gHeaders(
  settings: Cmp5gSettings,
  query: Record<string, string>,
  rawBody: string,
  now: Date,
): Record<string, string> {
  const timestamp = utcTimestamp(new Date(now.getTime() + settings.clockSkewSeconds * 1000))
  return {
    AppKey: settings.appKey,
    Timestamp: timestamp,
    Sign: cmp5gSign(sortedQueryOf(query), rawBody, settings.secretKey, timestamp),
    'Content-Type': 'application/json',
    Accept: 'application/json, application/xml, text/plain',
  }
}

/** The CTWing 5G CMP gateway (signed REST paths) behind the generation-neutral gateway. */
export function createCmp5gGateway(settings: Cmp5gSettings, context: CarrierContext): CtwingGateway {
  /**
   * Every endpoint this plugin uses is a GET with a query, so the signed body is empty. (A POST would
   * serialise its JSON once and sign exactly those bytes.)
   */
  async function get(
    path: string,
    query: Record<string, string>,
    operation: string,
    signal: AbortSignal,
  ): Promise<Envelope> {
    const search = new URLSearchParams(query).toString()
    const url = `${settings.baseUrl}${path}${search ? `?${search}` : ''}`
    const headers = cmp5gHeaders(settings, query, '', context.now())
    const body = await exchange(context, url, { method: 'GET', headers, signal }, operation)
    const envelope = envelopeOf(parseReply(body))
    if (!envelope.ok) throw errorFromEnvelope(envelope, operation, context.now())
    return envelope
  }

  return {
    generation: 'cmp5g',
    getTelephone: (iccid, signal) => get(cmp5gPaths.getTelephone, { iccid }, 'getTelephone', signal),
    queryCardMainStatus: (accessNumber, signal) =>
      get(
        cmp5gPaths.queryCardMainStatus,
        { access_number: accessNumber, queryDropCard: 'true' },
        'queryCardMainStatus',
        signal,
      ),
    requestServActive: (accessNumber, signal) =>
      get(cmp5gPaths.requestServActive, { access_number: accessNumber }, 'requestServActive', signal),
    disabledNumber: (accessNumber, orderTypeId: OrderTypeId, signal) =>
      get(
        cmp5gPaths.disabledNumberService,
        { access_number: accessNumber, acctCd: '', orderTypeId },
        'disabledNumberService',
        signal,
      ),
    queryTraffic: (iccid, signal) => get(cmp5gPaths.queryTraffic, { iccid }, 'queryTraffic', signal),
  }
}
