import {
  CarrierError,
  isCarrierError,
  type CardLookup,
  type CarrierConnection,
  type CarrierContext,
} from '@simops/carrier-sdk'
import type { CtwingGateway } from './gateway.js'
import {
  accessNumberFrom,
  apiIccidOf,
  needsActivationInstead,
  stateChangeCallOf,
  toCardInfo,
  toUsageResult,
  transactionIdOf,
} from './mappers.js'
import type { Envelope } from './wire/envelope.js'

/**
 * A well-formed China Telecom ICCID that belongs to no account. Asking for its access number proves
 * the credentials and sign are accepted (the carrier checks them first) without touching any card.
 */
export const PROBE_ICCID = '8986030000000000000'

const isNotFound = (error: unknown) => isCarrierError(error) && error.code === 'notFound'

/**
 * One connection to one China Telecom account. Every card call needs the card's access number, which
 * the carrier gives by ICCID (getTelephone); it never changes, so it is looked up once per card.
 */
export function createCtwingConnection(gateway: CtwingGateway, context: CarrierContext): CarrierConnection {
  const accessNumbers = new Map<string, string>()

  async function accessNumberOf(iccid19: string, signal: AbortSignal): Promise<string | undefined> {
    const cached = accessNumbers.get(iccid19)
    if (cached !== undefined) return cached
    try {
      const accessNumber = accessNumberFrom(await gateway.getTelephone(iccid19, signal))
      accessNumbers.set(iccid19, accessNumber)
      return accessNumber
    } catch (error) {
      if (isNotFound(error)) return undefined
      throw error
    }
  }

  async function lookup(iccid: string, signal: AbortSignal): Promise<CardLookup> {
    const iccid19 = apiIccidOf(iccid)
    const accessNumber = iccid19 === undefined ? undefined : await accessNumberOf(iccid19, signal)
    if (iccid19 === undefined || accessNumber === undefined) return { iccid, found: false }
    let envelope: Envelope
    try {
      envelope = await gateway.queryCardMainStatus(accessNumber, signal)
    } catch (error) {
      if (!isNotFound(error)) throw error
      // The card left this account since its number was looked up.
      accessNumbers.delete(iccid19)
      return { iccid, found: false }
    }
    return { iccid, found: true, card: toCardInfo(iccid, accessNumber, envelope) }
  }

  const where = gateway.generation === 'legacy' ? 'legacy m2m_ec API' : '5G CMP gateway'

  return {
    async healthCheck({ sampleIccid }, { signal }) {
      if (sampleIccid !== undefined) {
        const sample = await lookup(sampleIccid, signal)
        return {
          detail: sample.found
            ? `${where} accepted the credentials; card ${sampleIccid} reads as ${sample.card.carrierStatus.label['zh-CN']} (${sample.card.lifecycle})`
            : `${where} accepted the credentials; card ${sampleIccid} is not in this account`,
        }
      }
      try {
        await gateway.getTelephone(PROBE_ICCID, signal)
      } catch (error) {
        if (!isNotFound(error)) throw error
      }
      return { detail: `${where} accepted the credentials and sign` }
    },

    async getCards({ iccids }, { signal }) {
      // One card per request: both generations' status APIs take a single access number.
      const cards: CardLookup[] = []
      for (const iccid of iccids) cards.push(await lookup(iccid, signal))
      return { cards }
    },

    async changeState({ iccid, action, from }, { signal }) {
      const call = stateChangeCallOf(action, from)
      if (!call)
        throw new CarrierError('invalidState', `China Telecom has no way to ${action} a card that is ${from}`)
      const iccid19 = apiIccidOf(iccid)
      const accessNumber = iccid19 === undefined ? undefined : await accessNumberOf(iccid19, signal)
      if (accessNumber === undefined)
        throw new CarrierError('notFound', `card ${iccid} is not in this China Telecom account`)
      let envelope: Envelope
      if (call.method === 'requestServActive')
        envelope = await gateway.requestServActive(accessNumber, signal)
      else
        try {
          envelope = await gateway.disabledNumber(accessNumber, call.orderTypeId, signal)
        } catch (error) {
          if (!(isCarrierError(error) && needsActivationInstead(error, call))) throw error
          envelope = await gateway.requestServActive(accessNumber, signal)
        }
      // The carrier only acknowledges receipt (成功接收消息); the status changes later.
      return { outcome: 'pending', carrierRef: transactionIdOf(envelope) }
    },

    async getUsage({ iccid }, { signal }) {
      const iccid19 = apiIccidOf(iccid)
      if (iccid19 === undefined) throw new CarrierError('notFound', `${iccid} is not a China Telecom ICCID`)
      return toUsageResult(await gateway.queryTraffic(iccid19, signal), context.now())
    },
  }
}
