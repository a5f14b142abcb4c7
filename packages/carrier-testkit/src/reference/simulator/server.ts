import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Fault } from '../../simulator-handle.js'
import type { SimulatedCarrier } from './carrier.js'
import type { FaultQueue } from '../../fault-queue.js'
import { BadRequest } from '../../request-body.js'
import { sendError } from './http.js'
import type { RateLimiter } from './rate-limit.js'
import { routeApi, routePaymentPage } from './routes.js'

export interface SimulatorServerParts {
  carrier: SimulatedCarrier
  faults: FaultQueue<Fault>
  limiter: RateLimiter
  apiKey: string
}

/** Answers a request the way the injected fault says; `timeout` answers never (until the client gives up). */
function misbehave(fault: Fault, response: ServerResponse): void {
  switch (fault) {
    case 'unauthorized':
      return sendError(response, 401, 'UNAUTHORIZED', 'the API key was refused')
    case 'rateLimited':
      return sendError(response, 429, 'RATE_LIMITED', 'too many requests', {
        headers: { 'retry-after': '1' },
      })
    case 'serverError':
      return sendError(response, 503, 'INTERNAL', 'the carrier is having a bad day')
    case 'malformedBody':
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
      return void response.end('{"cards":[{"iccid":"8999')
    case 'timeout':
      // Held open: the client's abort closes the socket, and close() destroys any socket still open.
      return
  }
}

async function answer(
  parts: SimulatorServerParts,
  baseUrl: string,
  request: IncomingMessage,
  response: ServerResponse,
) {
  const path = new URL(request.url ?? '/', baseUrl).pathname
  const payment = /^\/pay\/([^/]+)$/.exec(path)
  // The payment page is for the payer's browser: no key, no faults.
  if (payment) return routePaymentPage(parts.carrier, request, response, decodeURIComponent(payment[1] ?? ''))

  const fault = parts.faults.next()
  if (fault) return misbehave(fault, response)
  if (request.headers.authorization !== `Bearer ${parts.apiKey}`)
    return sendError(response, 401, 'UNAUTHORIZED', 'missing or wrong API key')
  const account = request.headers['x-account-id']
  if (account !== undefined && account !== parts.carrier.accountId)
    return sendError(response, 404, 'NOT_FOUND', `this key has no account ${String(account)}`)
  const wait = parts.limiter.admit()
  if (wait !== undefined)
    return sendError(response, 429, 'RATE_LIMITED', 'too many requests', {
      headers: { 'retry-after': String(wait) },
    })
  await routeApi(parts.carrier, baseUrl, request, response, path)
}

/** Starts the HTTP side of the simulator on 127.0.0.1; `close` also cuts held and keep-alive connections. */
export async function startSimulatorServer(
  parts: SimulatorServerParts,
  port: number,
): Promise<{ url: string; close(): Promise<void> }> {
  let baseUrl = ''
  const server: Server = createServer((request, response) => {
    answer(parts, baseUrl, request, response).catch((error: unknown) => {
      if (response.headersSent) return void response.destroy()
      if (error instanceof BadRequest) return sendError(response, 400, 'BAD_REQUEST', error.message)
      sendError(response, 500, 'INTERNAL', error instanceof Error ? error.message : String(error))
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  let closing: Promise<void> | undefined
  return {
    url: baseUrl,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      })
      return closing
    },
  }
}
