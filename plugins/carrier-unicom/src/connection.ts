import {
  CarrierError,
  type CarrierConnection,
  type CarrierContext,
  type ChangeStateInput,
  type ChangeStateResult,
} from '@simops/carrier-sdk'
import { createUnicomClient, type UnicomClient } from './client.js'
import type { UnicomConfig } from './config.js'
import { classifyResult } from './errors.js'
import { readTerminals, targetLifecycleOf, targetStatusOf, toCardLookups, toUsage } from './mappers.js'
import { apiNames, CHANGE_TYPE_SIM_STATUS, type ReplyData, type WireTerminal } from './protocol.js'
import { unicomTransitions } from './transitions.js'

/** Details of up to 50 cards; any resultCode but success fails the whole read. */
async function terminalDetails(
  client: UnicomClient,
  iccids: readonly string[],
  signal: AbortSignal,
): Promise<{ terminals: WireTerminal[]; data: ReplyData }> {
  const { data } = await client.call(apiNames.terminalDetails, { iccids }, signal)
  const verdict = classifyResult(data.resultCode, data.resultDesc)
  if (verdict.kind === 'failed') throw verdict.error
  return { terminals: readTerminals(data), data }
}

async function changeState(
  client: UnicomClient,
  { iccid, action, from }: ChangeStateInput,
  signal: AbortSignal,
): Promise<ChangeStateResult> {
  // The platform offers only declared transitions; refusing here keeps a stray call off the carrier.
  if (!(unicomTransitions[action] as readonly string[]).includes(from))
    throw new CarrierError('invalidState', `China Unicom cards cannot ${action} from "${from}"`)
  const { data, transId } = await client.call(
    apiNames.editTerminal,
    // Asynchronous edits are what the CMP does for status changes; the card is re-read to confirm.
    { iccid, asynchronous: '1', changeType: CHANGE_TYPE_SIM_STATUS, targetValue: targetStatusOf[action] },
    signal,
  )
  const verdict = classifyResult(data.resultCode, data.resultDesc)
  switch (verdict.kind) {
    case 'success':
      return { outcome: 'pending', carrierRef: transId }
    case 'alreadyDone':
      return { outcome: 'applied', carrierRef: transId }
    case 'failed':
      throw verdict.error
    case 'verify': {
      // The code's meaning is unknown; what the card now shows decides.
      const { terminals } = await terminalDetails(client, [iccid], signal)
      const [lookup] = toCardLookups([iccid], terminals)
      const observed = lookup?.found ? lookup.card.lifecycle : 'not found'
      if (observed === targetLifecycleOf[action]) return { outcome: 'applied', carrierRef: transId }
      throw new CarrierError(
        'rejected',
        `China Unicom answered resultCode ${data.resultCode} to ${action} and the card reads "${observed}"`,
        { carrierCode: data.resultCode, ...(data.resultDesc ? { carrierMessage: data.resultDesc } : {}) },
      )
    }
  }
}

/** One connection to one CMP account: each contract method is one or two gateway calls. */
export function createUnicomConnection(config: UnicomConfig, context: CarrierContext): CarrierConnection {
  const client = createUnicomClient(config, context)
  return {
    async healthCheck({ sampleIccid }, { signal }) {
      const iccids = sampleIccid === undefined ? [] : [sampleIccid]
      const { terminals } = await terminalDetails(client, iccids, signal)
      const [sample] = toCardLookups(iccids, terminals)
      const card = sample
        ? sample.found
          ? `; card ${sample.iccid} read (${sample.card.carrierStatus.label['zh-CN']})`
          : `; card ${sample.iccid} not found`
        : ''
      return { detail: `gateway accepted app_id ${config.appId} and its SM3 token${card}` }
    },
    async getCards({ iccids }, { signal }) {
      if (iccids.length === 0) return { cards: [] }
      const { terminals } = await terminalDetails(client, iccids, signal)
      return { cards: toCardLookups(iccids, terminals) }
    },
    changeState: (input, { signal }) => changeState(client, input, signal),
    async getUsage({ iccid }, { signal }) {
      const { terminals, data } = await terminalDetails(client, [iccid], signal)
      const terminal = terminals.find((candidate) => candidate.iccid === iccid)
      if (!terminal) throw new CarrierError('notFound', `China Unicom does not know card ${iccid}`)
      return toUsage(terminal, data.timestamp, context.now(), config.billingCycleStartDay)
    },
  }
}
