import type { ServerResponse } from 'node:http'
import { faultKinds, type FaultKind } from './faults.js'
import { isRecord, sendJson } from './http.js'
import type { ServerParts } from './server.js'
import { centiKbToBytes, kbText, reportedCentiKb } from './usage-ledger.js'

/**
 * The simulator's own control API (not OneLink's), for driving it by hand or from scripts:
 *
 *   GET    /__simulator/cards                 the inventory: ids, platform, cardStatus, stop bits, usage
 *   POST   /__simulator/faults                {"fault":"rateLimited","count":3} or {"fault":"latency","delayMs":800}
 *   DELETE /__simulator/faults                drop faults that have not fired
 *   POST   /__simulator/expire-tokens         every live token stops working (12021 on next use)
 *   POST   /__simulator/settle                apply accepted status changes now
 *   POST   /__simulator/advance               {"ms":180000} move the clock forward
 */
export function routeControl(
  parts: ServerParts,
  url: URL,
  method: string,
  body: string,
  response: ServerResponse,
): void {
  const { sim, faults } = parts
  const action = `${method} ${url.pathname.slice('/__simulator'.length)}`
  let input: unknown = {}
  try {
    input = body.trim() === '' ? {} : JSON.parse(body)
  } catch {
    return sendJson(response, 400, { error: 'body is not JSON' })
  }
  const fields = isRecord(input) ? input : {}
  switch (action) {
    case 'GET /cards':
      return sendJson(response, 200, {
        now: new Date(sim.now()).toISOString(),
        cards: sim.allCards().map((card) => ({
          iccid: card.iccid,
          msisdn: card.msisdn,
          imsi: card.imsi,
          platformType: card.platformType,
          cardStatus: card.status,
          stopReason: card.stopBits,
          dataAmountKb: kbText(reportedCentiKb(card)),
          usedBytes: centiKbToBytes(reportedCentiKb(card)),
        })),
      })
    case 'POST /faults': {
      const kind = faultKinds.find((known) => known === fields.fault)
      const count = typeof fields.count === 'number' && fields.count > 0 ? Math.floor(fields.count) : 1
      if (kind === undefined)
        return sendJson(response, 400, { error: `fault must be one of ${faultKinds.join(', ')}` })
      const delayMs = typeof fields.delayMs === 'number' ? fields.delayMs : 1000
      faults.inject(kind === ('latency' satisfies FaultKind) ? { kind, delayMs } : { kind }, count)
      return sendJson(response, 200, { pending: faults.waiting().length })
    }
    case 'DELETE /faults':
      faults.clear()
      return sendJson(response, 200, { pending: 0 })
    case 'POST /expire-tokens':
      sim.tokens.expireAll()
      return sendJson(response, 200, { expired: true })
    case 'POST /settle':
      sim.settle()
      return sendJson(response, 200, { settled: true })
    case 'POST /advance': {
      if (typeof fields.ms !== 'number' || fields.ms < 0)
        return sendJson(response, 400, { error: 'ms must be ≥ 0' })
      sim.advance(fields.ms)
      return sendJson(response, 200, { now: new Date(sim.now()).toISOString() })
    }
    default:
      return sendJson(response, 404, { error: `no control action ${action}` })
  }
}
