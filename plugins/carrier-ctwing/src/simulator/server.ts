import { readRequestText } from '@simops/carrier-testkit/simulation'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { SimulatedCtwing } from './carrier.js'
import { cmp5gAuthRefusal } from './cmp5g-auth.js'
import { cmp5gRoute, type Cmp5gContext } from './cmp5g-routes.js'
import { answerControl, CONTROL_PREFIX } from './control.js'
import { DEFAULT_BARE_ERROR, type FaultPlan, type QueuedFault } from './faults.js'
import { legacyRoute, type LegacyContext, type Route } from './legacy-routes.js'
import {
  CAP_REACHED,
  failureReply,
  json,
  text,
  truncatedReply,
  type Generation,
  type SimulatorReply,
} from './replies.js'

export interface ServerParts {
  carrier: SimulatedCtwing
  faults: FaultPlan
  legacy: LegacyContext
  cmp5g: Cmp5gContext
  legacyAuthFailureCode: string
}

const LEGACY_ENDPOINTS = new Set(['/m2m_ec/query.do', '/m2m_ec/app/serviceAccept.do'])
/** An injected fault as the carrier would show it; undefined for `timeout`, which never answers. */
function faultReply(
  parts: ServerParts,
  fault: QueuedFault,
  route: Route,
  generation: Generation,
): SimulatorReply | undefined {
  switch (fault.fault) {
    case 'unauthorized':
      return generation === 'legacy'
        ? text(parts.legacyAuthFailureCode)
        : json(cmp5gAuthRefusal('10003', '签名校验失败'))
    case 'rateLimited':
      return failureReply(route.kind, generation, '-5', CAP_REACHED)
    case 'serverError':
      return {
        status: 503,
        contentType: 'text/html',
        body: '<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>',
      }
    case 'malformedBody':
      return truncatedReply(route.kind, generation)
    case 'bareError':
      return text(fault.text ?? DEFAULT_BARE_ERROR)
    case 'timeout':
      return undefined
  }
}

function send(response: ServerResponse, reply: SimulatorReply): void {
  response.writeHead(reply.status, { 'content-type': reply.contentType })
  response.end(reply.body)
}

export async function startServer(
  parts: ServerParts,
  port: number,
  host: string,
): Promise<{ url: string; close(): Promise<void> }> {
  const timers = new Set<NodeJS.Timeout>()
  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer)
        resolve()
      }, ms)
      timers.add(timer)
    })

  async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://simulator')
    const rawBody = await readRequestText(request)
    const method = request.method ?? 'GET'
    if (url.pathname.startsWith(CONTROL_PREFIX))
      return send(response, answerControl(parts.carrier, parts.faults, method, url.pathname, rawBody))

    let route: Route | undefined
    let generation: Generation
    if (LEGACY_ENDPOINTS.has(url.pathname)) {
      generation = 'legacy'
      // Parameters come in the query string; a form body (POST) is read the same way.
      const params = Object.fromEntries(url.searchParams)
      if (method === 'POST') Object.assign(params, Object.fromEntries(new URLSearchParams(rawBody)))
      route = legacyRoute(parts.legacy, params)
    } else {
      generation = 'cmp5g'
      const headers = Object.fromEntries(
        Object.entries(request.headers).map(([name, value]) => [
          name,
          Array.isArray(value) ? value[0] : value,
        ]),
      )
      route = cmp5gRoute(parts.cmp5g, { path: url.pathname, query: url.searchParams, rawBody, headers })
    }
    if (!route)
      return send(response, { ...json({ code: '404', msg: `接口不存在: ${url.pathname}` }), status: 404 })

    if (parts.faults.latencyMs > 0) await wait(parts.faults.latencyMs)
    const fault = parts.faults.next()
    parts.carrier.sync()
    if (fault) {
      const reply = faultReply(parts, fault, route, generation)
      // A `timeout` holds the request open: the client's abort, or close(), ends it.
      return reply ? send(response, reply) : undefined
    }
    send(response, route.answer())
  }

  const server = createServer((request, response) => {
    answer(request, response).catch((error: unknown) => {
      if (response.headersSent) return void response.destroy()
      send(response, {
        status: 500,
        contentType: 'text/plain',
        body: error instanceof Error ? error.message : String(error),
      })
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve())
  })
  const address = server.address() as AddressInfo
  let closing: Promise<void> | undefined
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        for (const timer of timers) clearTimeout(timer)
        timers.clear()
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      })
      return closing
    },
  }
}
