import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { SimulatedUnicom } from './carrier.js'
import { routeControl } from './control.js'
import type { FaultPlan, RequestFault } from './faults.js'
import { verifyRequest, type GatewayAccount, type GatewayRules } from './gateway.js'
import { BadRequest } from '@simops/carrier-testkit/simulation'
import { readJson, sendJson } from './http.js'
import { businessReply, operations } from './operations.js'
import type { RateLimiter } from './rate-limit.js'
import { gatewayRefusals, type GatewayRefusal } from './wire-codes.js'

export interface SimulatorServerParts {
  carrier: SimulatedUnicom
  faults: FaultPlan
  limiter: RateLimiter
  account: GatewayAccount
  rules: GatewayRules
  /** The only API version the gateway serves: paths end in `/v{apiVersion}`. */
  apiVersion: string
}

const refuse = (response: ServerResponse, refusal: GatewayRefusal, httpStatus = 200) =>
  sendJson(response, httpStatus, { status: refusal.status, message: refusal.message })

/** Answers the way an injected fault says; `timeout` never answers (the client's abort ends it). */
function misbehave(fault: Exclude<RequestFault['kind'], 'latency'>, response: ServerResponse): void {
  switch (fault) {
    case 'unauthorized':
      return refuse(response, gatewayRefusals.badToken)
    case 'rateLimited':
      return refuse(response, gatewayRefusals.rateLimited)
    case 'serverError':
      response.writeHead(502, { 'content-type': 'text/html' })
      return void response.end(
        '<html><head><title>502 Bad Gateway</title></head><body>502 Bad Gateway</body></html>',
      )
    case 'malformedBody':
      response.writeHead(200, { 'content-type': 'application/json;charset=UTF-8' })
      return void response.end('{"status":"0000","message":"success","data":{"messageId":"')
    case 'timeout':
      // Held open: the client's abort closes the socket, and close() destroys any socket still open.
      return
  }
}

async function answerGateway(
  parts: SimulatorServerParts,
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
): Promise<void> {
  const route = /^\/api\/(.+)\/v([^/]+)$/.exec(path)
  const operation = route ? operations[route[1] ?? ''] : undefined
  if (request.method !== 'POST' || !route || route[2] !== parts.apiVersion || !operation)
    return refuse(response, gatewayRefusals.unknownApi, 404)
  if (!parts.limiter.admit()) return refuse(response, gatewayRefusals.rateLimited)
  let body: unknown
  try {
    body = await readJson(request)
  } catch (error) {
    if (error instanceof BadRequest) return refuse(response, gatewayRefusals.badRequest)
    throw error
  }
  const verdict = verifyRequest(body, parts.account, parts.rules, Date.now())
  if (!verdict.ok) return refuse(response, verdict.refusal)
  const data = verdict.request.data
  const answer = operation(parts.carrier, data, () => parts.faults.nextEditQuirk())
  sendJson(response, 200, {
    status: '0000',
    message: 'success',
    data: businessReply(data, answer, parts.carrier.now()),
  })
}

/** Starts the simulator's HTTP side on `host`; `close` also cuts held and keep-alive connections. */
export async function startSimulatorServer(
  parts: SimulatorServerParts,
  port: number,
  host: string,
): Promise<{ origin: string; close(): Promise<void> }> {
  const delays = new Set<NodeJS.Timeout>()
  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        delays.delete(timer)
        resolve()
      }, ms)
      delays.add(timer)
    })

  async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://simulator').pathname
    if (path.startsWith('/__simulator/'))
      return routeControl(parts.carrier, parts.faults, request, response, path)
    const fault = parts.faults.nextRequestFault()
    if (fault?.kind === 'latency') await wait(fault.ms)
    else if (fault) return misbehave(fault.kind, response)
    await answerGateway(parts, request, response, path)
  }

  const server: Server = createServer((request, response) => {
    answer(request, response).catch((error: unknown) => {
      if (response.headersSent) return void response.destroy()
      const message = error instanceof Error ? error.message : String(error)
      sendJson(response, 500, { status: '9999', message: `simulator failure: ${message}` })
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve())
  })
  const address = server.address() as AddressInfo
  const shownHost = host.includes(':') ? `[${host}]` : host
  let closing: Promise<void> | undefined
  return {
    origin: `http://${shownHost}:${address.port}`,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        for (const timer of delays) clearTimeout(timer)
        delays.clear()
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      })
      return closing
    },
  }
}
