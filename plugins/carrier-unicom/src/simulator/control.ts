import type { IncomingMessage, ServerResponse } from 'node:http'
import type { SimulatedUnicom } from './carrier.js'
import { simulatorFaults, type FaultPlan } from './faults.js'
import { readJson, sendJson } from './http.js'

/**
 * The simulator's own control API under /__simulator (not part of the gateway; no token needed),
 * for driving it from curl when it runs alone:
 *
 *   GET    /__simulator/cards                  every card: iccid, simStatus, msisdn, usedBytes
 *   POST   /__simulator/faults {fault, count?, latencyMs?}   fault: one of simulatorFaults
 *   DELETE /__simulator/faults                 drop faults not yet fired
 *   POST   /__simulator/settle                 apply every waiting status edit now
 *   POST   /__simulator/advance {ms}           move the clock forward
 */
export async function routeControl(
  carrier: SimulatedUnicom,
  faults: FaultPlan,
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
): Promise<void> {
  const route = `${request.method ?? 'GET'} ${path}`
  switch (route) {
    case 'GET /__simulator/cards':
      return sendJson(
        response,
        200,
        carrier
          .cards()
          .map(({ iccid, simStatus, msisdn, usedBytes }) => ({ iccid, simStatus, msisdn, usedBytes })),
      )
    case 'POST /__simulator/faults': {
      const body = await readJson(request)
      const spec = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {}
      const fault = simulatorFaults.find((name) => name === spec.fault)
      const count = spec.count === undefined ? 1 : Number(spec.count)
      const latencyMs = spec.latencyMs === undefined ? 1000 : Number(spec.latencyMs)
      if (fault === undefined || !Number.isInteger(count) || count < 1 || !(latencyMs >= 0))
        return sendJson(response, 400, {
          error: `expected { fault: ${simulatorFaults.join(' | ')}, count?: positive integer, latencyMs?: number }`,
        })
      faults.inject(fault, count, latencyMs)
      return sendJson(response, 200, { pending: faults.pending() })
    }
    case 'DELETE /__simulator/faults':
      faults.clear()
      return sendJson(response, 200, { pending: faults.pending() })
    case 'POST /__simulator/settle':
      carrier.settle()
      return sendJson(response, 200, { settled: true })
    case 'POST /__simulator/advance': {
      const body = await readJson(request)
      const ms =
        typeof body === 'object' && body !== null ? Number((body as Record<string, unknown>).ms) : NaN
      if (!Number.isFinite(ms) || ms < 0)
        return sendJson(response, 400, { error: 'expected { ms: number ≥ 0 }' })
      carrier.advance(ms)
      return sendJson(response, 200, { now: new Date(carrier.now()).toISOString() })
    }
    default:
      return sendJson(response, 404, { error: `no control endpoint ${route}` })
  }
}
