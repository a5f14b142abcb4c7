import type { ApiGeneration } from './config.js'
import type { Envelope } from './wire/envelope.js'

/**
 * The carrier operations this plugin uses, as both API generations offer them. Each returns the
 * normalised envelope of a successful reply and throws a CarrierError for any failure, so the
 * connection and the mappers never see which generation answered.
 */
export interface CtwingGateway {
  readonly generation: ApiGeneration
  /** Looks up the access number (the 10649/149 number) of a card by its 19-digit ICCID: getTelephone. */
  getTelephone(iccid19: string, signal: AbortSignal): Promise<Envelope>
  /** Lifecycle status, including 拆机 cards (queryDropCard=true): queryCardMainStatus. */
  queryCardMainStatus(accessNumber: string, signal: AbortSignal): Promise<Envelope>
  /** Force activation 可激活 → 在用: requestServActive. */
  requestServActive(accessNumber: string, signal: AbortSignal): Promise<Envelope>
  /** 停机保号 / 复机 / test-period stop and resume by order type 19–22: disabledNumber. */
  disabledNumber(accessNumber: string, orderTypeId: OrderTypeId, signal: AbortSignal): Promise<Envelope>
  /** Month-to-date data of one card: queryTraffic. */
  queryTraffic(iccid19: string, signal: AbortSignal): Promise<Envelope>
}

/** disabledNumber's order types (reference §2.7). */
export const orderTypes = {
  suspend: '19',
  resume: '20',
  suspendTestPeriod: '21',
  resumeTestPeriod: '22',
} as const
export type OrderTypeId = (typeof orderTypes)[keyof typeof orderTypes]
