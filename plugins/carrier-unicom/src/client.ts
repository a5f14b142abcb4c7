import type { CarrierContext } from '@simops/carrier-sdk'
import type { UnicomConfig } from './config.js'
import { errorFromFetchFailure, errorFromGateway, errorFromHttp, malformed } from './errors.js'
import { SUCCESS, type ApiName, type ReplyData, type RequestEnvelope } from './protocol.js'
import { signRequest } from './sign.js'

/** The business part of an answer that passed the gateway, with the trans_id that asked for it. */
export interface BusinessReply {
  data: ReplyData
  transId: string
}

/** Raw HTTP to the gateway: signing, envelopes and the gateway layer of errors; nothing about cards. */
export interface UnicomClient {
  call(apiName: ApiName, fields: Record<string, unknown>, signal: AbortSignal): Promise<BusinessReply>
}

type ClientConfig = Pick<
  UnicomConfig,
  'appId' | 'appSecret' | 'openId' | 'baseUrl' | 'apiVersion' | 'dataVersion'
>

/** `{base}{apiName}/v{apiVersion}`, e.g. https://gwapi.10646.cn/api/wsGetTerminalDetails/V1/1Main/vV1.1. */
export function endpointOf(baseUrl: string, apiName: ApiName, apiVersion: string): string {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`
  return `${base}${apiName}/v${apiVersion}`
}

export function buildRequest(
  config: ClientConfig,
  fields: Record<string, unknown>,
  instant: Date,
): RequestEnvelope {
  const credentials = signRequest(config.appId, config.appSecret, instant)
  return {
    ...credentials,
    // messageId is free-form; the trans_id ties the two together in the carrier's logs.
    data: { ...fields, messageId: credentials.trans_id, openId: config.openId, version: config.dataVersion },
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Checks the gateway layer of an answer body and returns its business data. A gateway refusal
 * becomes its CarrierError; the business `resultCode` is left for the caller to judge.
 */
export function parseReply(text: string): ReplyData {
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch (error) {
    throw malformed(`the body is not JSON (${JSON.stringify(text.slice(0, 60))})`, error)
  }
  if (!isRecord(body) || typeof body.status !== 'string') throw malformed('the body has no gateway status')
  const message = typeof body.message === 'string' ? body.message : ''
  if (body.status !== SUCCESS) throw errorFromGateway(body.status, message)
  const data = body.data
  if (!isRecord(data) || typeof data.resultCode !== 'string')
    throw malformed('the gateway accepted the request but the answer has no data.resultCode')
  return {
    ...data,
    messageId: typeof data.messageId === 'string' ? data.messageId : '',
    version: typeof data.version === 'string' ? data.version : '',
    resultCode: data.resultCode,
    timestamp: typeof data.timestamp === 'string' ? data.timestamp : '',
    ...(typeof data.resultDesc === 'string' ? { resultDesc: data.resultDesc } : {}),
  }
}

export function createUnicomClient(config: UnicomConfig, context: CarrierContext): UnicomClient {
  return {
    async call(apiName, fields, signal) {
      const request = buildRequest(config, fields, context.now())
      let response: Response
      let text: string
      try {
        response = await context.fetch(endpointOf(config.baseUrl, apiName, config.apiVersion), {
          method: 'POST',
          headers: { 'content-type': 'application/json;charset=UTF-8', accept: 'application/json' },
          body: JSON.stringify(request),
          signal,
        })
        // Reading the body can fail too (aborted or cut connection); it is part of the same request.
        text = await response.text()
      } catch (error) {
        throw errorFromFetchFailure(error, signal)
      }
      if (!response.ok) throw errorFromHttp(response.status, text)
      return { data: parseReply(text), transId: request.trans_id }
    },
  }
}
