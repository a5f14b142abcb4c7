import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { parseChinaTime } from '../china-time.js'
import { answers, envelope, Refusal, type WireEnvelope } from './answers.js'
import { routeControl } from './control.js'
import { endpoints } from './endpoints.js'
import type { FaultQueue } from '@simops/carrier-testkit/simulation'
import type { Fault } from './faults.js'
import { readRequestText } from '@simops/carrier-testkit/simulation'
import { paramsOf, sendHtml, sendJson } from './http.js'
import { payPage } from './pay-page.js'
import type { SimulatedOneLink } from './state.js'

/** Where the API lives on the simulator, as on OneLink: {origin}/v5/ec. */
export const API_PREFIX = '/v5/ec'

export interface ServerParts {
  sim: SimulatedOneLink
  faults: FaultQueue<Fault>
  log: (line: string) => void
}

/** A transid that starts with the appid but is not appid + yyyyMMddHHmmss + 8 digits: accepted, logged. */
function noteTransid(parts: ServerParts, transid: string): boolean {
  const { appId } = parts.sim.options
  if (!transid.startsWith(appId)) return false
  const rest = transid.slice(appId.length)
  if (!/^\d{22}$/.test(rest) || !parseChinaTime(rest.slice(0, 14))) {
    parts.sim.transidDeviations.push(transid)
    parts.log(`transid ${transid} does not follow appid + yyyyMMddHHmmss + 8 digits (accepted)`)
  }
  return true
}

function issueToken(parts: ServerParts, params: Record<string, string>): WireEnvelope {
  const { appId, password } = parts.sim.options
  if (params.appid !== appId || params.password !== password) return envelope(answers.badCredentials)
  if (!noteTransid(parts, params.transid ?? '')) return envelope(answers.badTransid)
  return envelope(answers.ok, [parts.sim.tokens.issue(parts.sim.now())])
}

function business(parts: ServerParts, path: string, params: Record<string, string>, baseUrl: string) {
  const { sim } = parts
  if (!sim.tokens.isLive(params.token, sim.now())) return envelope(answers.tokenInvalid)
  if (!noteTransid(parts, params.transid ?? '')) return envelope(answers.badTransid)
  const endpoint = Object.hasOwn(endpoints, path) ? endpoints[path] : undefined
  if (!endpoint) return envelope(answers.noSuchApi)
  try {
    return envelope(answers.ok, endpoint(sim, params, { baseUrl }))
  } catch (error) {
    if (error instanceof Refusal) return envelope(error.answer)
    throw error
  }
}

/** Answers the way an injected fault says; true when it answered (or, for `timeout`, never will). */
async function misbehave(fault: Fault, path: string, response: ServerResponse): Promise<boolean> {
  switch (fault.kind) {
    case 'unauthorized':
      sendJson(response, 200, envelope(path === '/get/token' ? answers.badCredentials : answers.tokenInvalid))
      return true
    case 'rateLimited':
      sendJson(response, 200, envelope(answers.flowControl))
      return true
    case 'serverError':
      response.writeHead(503, { 'content-type': 'text/html; charset=utf-8' })
      response.end('<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>')
      return true
    case 'malformedBody':
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
      response.end('{"status":"0","message":"正确","result":[{"cardSta')
      return true
    case 'timeout':
      // Held open until the client aborts; close() destroys any socket still open.
      return true
    case 'latency':
      await new Promise((resolve) => setTimeout(resolve, fault.delayMs ?? 0))
      return false
  }
}

async function answer(
  parts: ServerParts,
  origin: string,
  request: IncomingMessage,
  response: ServerResponse,
) {
  const url = new URL(request.url ?? '/', origin)
  const body = await readRequestText(request)
  const payment = /^\/pay\/([^/]+)$/.exec(url.pathname)
  if (payment) {
    const orderNo = decodeURIComponent(payment[1] ?? '')
    // The payer's browser posts the form: result=success or result=failure.
    if (request.method === 'POST') {
      const result = new URLSearchParams(body).get('result')
      parts.sim.orders.complete(orderNo, result === 'success', parts.sim.now())
    }
    const page = payPage(parts.sim.orders.get(orderNo))
    return sendHtml(response, page.status, page.html)
  }
  if (url.pathname.startsWith('/__simulator/'))
    return routeControl(parts, url, request.method ?? 'GET', body, response)
  if (!url.pathname.startsWith(`${API_PREFIX}/`))
    return sendJson(response, 404, { error: `no such path; the API lives under ${API_PREFIX}` })

  const path = url.pathname.slice(API_PREFIX.length)
  const fault = parts.faults.next()
  if (fault && (await misbehave(fault, path, response))) return
  const params = paramsOf(url, body)
  if (params === undefined) return sendJson(response, 200, envelope(answers.badParameters))
  if (path === '/get/token') return sendJson(response, 200, issueToken(parts, params))
  sendJson(response, 200, business(parts, path, params, `${origin}${API_PREFIX}`))
}

/** Starts the simulator's HTTP side on 127.0.0.1; `close` also cuts held and keep-alive connections. */
export async function startServer(parts: ServerParts, port: number) {
  let origin = ''
  const server = createServer((request, response) => {
    answer(parts, origin, request, response).catch((error: unknown) => {
      if (response.headersSent) return void response.destroy()
      parts.log(`internal error: ${error instanceof Error ? error.message : String(error)}`)
      sendJson(response, 500, { error: 'internal simulator error' })
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  let closing: Promise<void> | undefined
  return {
    origin,
    close(): Promise<void> {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      })
      return closing
    },
  }
}
