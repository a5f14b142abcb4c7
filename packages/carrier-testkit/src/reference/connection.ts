import type { CarrierConnection, CarrierContext } from '@simops/carrier-sdk'
import { createReferenceClient } from './client.js'
import type { ReferenceConfig } from './config.js'
import {
  toCardLookups,
  toChangeStateResult,
  toHealthDetail,
  toRechargeResult,
  toRechargeStatusResult,
  toStopReasonResult,
  toUsageResult,
  toWireAction,
} from './mappers.js'
import type { WireRechargeRequest } from './protocol.js'

const card = (iccid: string) => `/v1/cards/${encodeURIComponent(iccid)}`

/** One connection to one reference carrier account: each contract method is one wire request. */
export function createReferenceConnection(
  config: ReferenceConfig,
  context: CarrierContext,
): CarrierConnection {
  const client = createReferenceClient(config, context)
  return {
    async healthCheck({ sampleIccid }, { signal }) {
      const health = await client.get('/v1/health', signal)
      if (sampleIccid === undefined) return { detail: toHealthDetail(health, undefined) }
      const [lookup] = toCardLookups(
        [sampleIccid],
        await client.post('/v1/cards/query', { iccids: [sampleIccid] }, signal),
      )
      return { detail: toHealthDetail(health, { iccid: sampleIccid, found: lookup?.found === true }) }
    },
    async getCards({ iccids }, { signal }) {
      if (iccids.length === 0) return { cards: [] }
      return { cards: toCardLookups(iccids, await client.post('/v1/cards/query', { iccids }, signal)) }
    },
    async changeState({ iccid, action }, { signal }) {
      return toChangeStateResult(
        await client.post(`${card(iccid)}/state`, { action: toWireAction(action) }, signal),
      )
    },
    async getUsage({ iccid }, { signal }) {
      return toUsageResult(await client.get(`${card(iccid)}/usage`, signal))
    },
    async getStopReason({ iccid }, { signal }) {
      return toStopReasonResult(await client.get(`${card(iccid)}/stop-reason`, signal))
    },
    async recharge({ accountId, amountFen, paymentMethod, returnUrl }, { signal }) {
      const body: WireRechargeRequest = {
        accountId,
        amountFen,
        paymentMethod,
        ...(returnUrl ? { returnUrl } : {}),
      }
      return toRechargeResult(await client.post('/v1/recharges', body, signal))
    },
    async getRechargeStatus({ orderNo }, { signal }) {
      return toRechargeStatusResult(await client.get(`/v1/recharges/${encodeURIComponent(orderNo)}`, signal))
    },
  }
}
