import { CarrierError, type CarrierConnection, type CarrierContext } from '@simops/carrier-sdk'
import { lookUpCards, readStatus } from './cards.js'
import { OneLinkClient } from './client.js'
import { normalizeBaseUrl, type OneLinkConfig } from './config.js'
import { firstRow, optionalTextOf, textOf } from './envelope.js'
import { malformed } from './errors.js'
import { fenToYuan, paymentTypes, toDate, toOperType, toRechargeStatus, toStopReason } from './mappers.js'
import { readUsage } from './usage.js'

/** One connection to one OneLink EC account; each contract method is one or a few OneLink calls. */
export function createOneLinkConnection(config: OneLinkConfig, context: CarrierContext): CarrierConnection {
  let baseUrl: string
  try {
    baseUrl = normalizeBaseUrl(config.baseUrl)
  } catch (error) {
    throw new CarrierError(
      'config',
      `the OneLink API address ${JSON.stringify(config.baseUrl)} is not a URL`,
      {
        cause: error,
      },
    )
  }
  const client = new OneLinkClient(
    {
      baseUrl,
      appId: config.appId,
      password: config.password,
      httpMethod: config.httpMethod,
      ...(config.instanceId === undefined ? {} : { instanceId: config.instanceId }),
    },
    context,
  )
  /** When each card was last sent a change, for the optional local lock window. */
  const lastChange = new Map<string, number>()
  const lockMs = (config.lockWindowMinutes ?? 0) * 60_000

  return {
    async healthCheck({ sampleIccid }, { signal }) {
      const { ttlSeconds } = await client.token(signal)
      const token = `token issued (ttl ${ttlSeconds} s)`
      if (sampleIccid === undefined) return { detail: token }
      const status = await readStatus(client, sampleIccid, signal)
      return {
        detail:
          status === undefined
            ? `${token}; card ${sampleIccid} not found`
            : `${token}; card ${sampleIccid} read, cardStatus ${status}`,
      }
    },

    async getCards({ iccids }, { signal }) {
      return { cards: await lookUpCards(client, iccids, signal) }
    },

    async changeState({ iccid, action, from }, { signal }) {
      const operType = toOperType(action, from)
      if (operType === undefined)
        throw new CarrierError('invalidState', `OneLink has no operation to ${action} a card that is ${from}`)
      const now = context.now().getTime()
      const since = now - (lastChange.get(iccid) ?? Number.NEGATIVE_INFINITY)
      if (since < lockMs)
        throw new CarrierError('locked', `card ${iccid} changed ${Math.round(since / 1000)} s ago`, {
          retryAfterMs: lockMs - since,
        })
      const path = '/change/sim-status'
      const row = firstRow(await client.call(path, { iccid, operType }, signal), path)
      lastChange.set(iccid, now)
      // OneLink applies the change later; the new status shows in sim-status once it has.
      return { outcome: 'pending', carrierRef: optionalTextOf(row, 'orderNum') }
    },

    async getUsage({ iccid }, { signal }) {
      return readUsage(client, iccid, context.now(), signal)
    },

    async getStopReason({ iccid }, { signal }) {
      const path = '/query/sim-stop-reason'
      const row = firstRow(await client.call(path, { iccid }, signal), path)
      return toStopReason(textOf(row, 'stopReason', path), optionalTextOf(row, 'shutdownReasonDesc'))
    },

    async recharge({ accountId, amountFen, paymentMethod, returnUrl }, { signal }) {
      const path = '/recharge/sim-account'
      const params = {
        entityType: '2', // 2: account id (1 would be an MSISDN)
        entityId: accountId,
        chargeMoney: fenToYuan(amountFen),
        paymentType: paymentTypes[paymentMethod],
        ...(returnUrl ? { returnUrl } : {}),
      }
      const row = firstRow(await client.call(path, params, signal), path)
      const paymentUrl = textOf(row, 'payUrl', path)
      if (!/^https?:\/\//.test(paymentUrl))
        throw malformed(`${path} payUrl ${JSON.stringify(paymentUrl)} is not a link`)
      return { orderNo: textOf(row, 'orderNo', path), paymentUrl, expiresAt: null }
    },

    async getRechargeStatus({ orderNo }, { signal }) {
      const path = '/query/sim-account-recharge-result'
      const envelope = await client.call(path, { startNum: '1', pageSize: '50', orderNo }, signal)
      const order = envelope.result.find((row) => optionalTextOf(row, 'orderNo') === orderNo)
      if (!order) throw new CarrierError('notFound', `OneLink has no recharge order ${orderNo}`)
      const status = toRechargeStatus(textOf(order, 'orderStatus', path))
      if (status === undefined) throw malformed(`${path} orderStatus ${JSON.stringify(order.orderStatus)}`)
      return { status, paidAt: status === 'paid' ? toDate(order.payTime) : null }
    },
  }
}
