import type { SimulatedCtwing } from './carrier.js'
import { DEFAULT_BARE_ERROR, isSimulatorFault, simulatorFaults, type FaultPlan } from './faults.js'
import { json, type SimulatorReply } from './replies.js'

/**
 * The simulator's own control API under /_simops/ (not part of any carrier protocol), so a simulator
 * run alone can be driven from curl: inject faults, add latency, move the clock, apply pending changes.
 */
export const CONTROL_PREFIX = '/_simops/'

function bodyObject(rawBody: string): Record<string, unknown> {
  if (rawBody.trim() === '') return {}
  const parsed: unknown = JSON.parse(rawBody)
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
    ? (parsed as Record<string, unknown>)
    : {}
}

const problem = (message: string): SimulatorReply => ({ ...json({ error: message }), status: 400 })

export function answerControl(
  carrier: SimulatedCtwing,
  faults: FaultPlan,
  method: string,
  path: string,
  rawBody: string,
): SimulatorReply {
  const route = `${method} ${path.slice(CONTROL_PREFIX.length - 1)}`
  let body: Record<string, unknown>
  try {
    body = bodyObject(rawBody)
  } catch {
    return problem('the body must be JSON')
  }
  const whole = (value: unknown) =>
    typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined
  switch (route) {
    case 'GET /cards':
      carrier.sync()
      return json(
        carrier.cards().map((card) => ({
          iccid: card.iccid,
          accessNumber: card.accessNumber,
          status: card.status,
          dataCut: card.dataCut,
          usage: carrier.usageTextOf(card),
        })),
      )
    case 'POST /faults': {
      if (!isSimulatorFault(body.fault)) return problem(`fault must be one of ${simulatorFaults.join(', ')}`)
      const count = whole(body.count) ?? 1
      const text =
        body.fault === 'bareError'
          ? typeof body.text === 'string'
            ? body.text
            : DEFAULT_BARE_ERROR
          : undefined
      faults.inject(body.fault, count, text)
      return json({ queued: faults.pending() })
    }
    case 'DELETE /faults':
      faults.clear()
      faults.latencyMs = 0
      return json({ queued: 0, latencyMs: 0 })
    case 'POST /latency': {
      const ms = whole(body.ms)
      if (ms === undefined) return problem('ms must be a whole number of milliseconds')
      faults.latencyMs = ms
      return json({ latencyMs: ms })
    }
    case 'POST /advance': {
      const ms = whole(body.ms)
      if (ms === undefined) return problem('ms must be a whole number of milliseconds')
      carrier.clock.advance(ms)
      carrier.sync()
      return json({ now: new Date(carrier.clock.now()).toISOString() })
    }
    case 'POST /settle':
      carrier.settle()
      return json({ settled: true })
    default:
      return { ...json({ error: `no control route ${route}` }), status: 404 }
  }
}
