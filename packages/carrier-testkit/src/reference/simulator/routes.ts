import type { IncomingMessage, ServerResponse } from 'node:http'
import { wireActions, wirePaymentMethods, type WireRechargeRequest } from '../protocol.js'
import type { SimulatedCarrier } from './carrier.js'
import { BadRequest } from '../../request-body.js'
import { escapeHtml, readJson, sendError, sendHtml, sendJson } from './http.js'

/** Most ICCIDs one query accepts, as the carrier documents. */
export const MAX_QUERY_ICCIDS = 50

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function parseRecharge(body: unknown): WireRechargeRequest {
  if (!isRecord(body) || typeof body.accountId !== 'string' || typeof body.amountFen !== 'number')
    throw new BadRequest('expected { accountId, amountFen, paymentMethod }')
  const paymentMethod = wirePaymentMethods.find((method) => method === body.paymentMethod)
  if (paymentMethod === undefined)
    throw new BadRequest(`paymentMethod must be one of ${wirePaymentMethods.join(', ')}`)
  return {
    accountId: body.accountId,
    amountFen: body.amountFen,
    paymentMethod,
    ...(typeof body.returnUrl === 'string' ? { returnUrl: body.returnUrl } : {}),
  }
}

/** The authenticated /v1 API. Answers every request, with 404 NOT_FOUND for unknown paths. */
export async function routeApi(
  carrier: SimulatedCarrier,
  baseUrl: string,
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
): Promise<void> {
  const method = request.method ?? 'GET'
  if (method === 'GET' && path === '/v1/health')
    return sendJson(response, 200, {
      ok: true,
      accountId: carrier.accountId,
      time: new Date(carrier.now()).toISOString(),
    })

  if (method === 'POST' && path === '/v1/cards/query') {
    const body = await readJson(request)
    if (
      !isRecord(body) ||
      !Array.isArray(body.iccids) ||
      !body.iccids.every((iccid) => typeof iccid === 'string')
    )
      throw new BadRequest('expected { iccids: string[] }')
    if (body.iccids.length > MAX_QUERY_ICCIDS)
      throw new BadRequest(`at most ${MAX_QUERY_ICCIDS} ICCIDs per query`)
    return sendJson(response, 200, { cards: carrier.query(body.iccids as string[]) })
  }

  const cardRoute = /^\/v1\/cards\/([^/]+)\/(state|usage|stop-reason)$/.exec(path)
  if (cardRoute) {
    const iccid = decodeURIComponent(cardRoute[1] ?? '')
    const operation = `${method} ${cardRoute[2] ?? ''}`
    if (operation === 'POST state') {
      const body = await readJson(request)
      const action = wireActions.find((known) => isRecord(body) && body.action === known)
      if (action === undefined) throw new BadRequest(`action must be one of ${wireActions.join(', ')}`)
      const outcome = carrier.requestChange(iccid, action)
      switch (outcome.kind) {
        case 'accepted':
          return sendJson(response, 202, {
            requestId: outcome.requestId,
            status: outcome.applied ? 'APPLIED' : 'PENDING',
          })
        case 'notFound':
          return sendError(response, 404, 'NOT_FOUND', `no card ${iccid}`)
        case 'locked':
          return sendError(response, 409, 'LOCKED', 'the card changed too recently', {
            retryAfterSeconds: outcome.retryAfterSeconds,
          })
        case 'invalidState':
          return sendError(response, 409, 'INVALID_STATE', outcome.message)
        case 'rejected':
          return sendError(response, 422, 'REJECTED', outcome.message)
      }
    }
    const answer =
      operation === 'GET usage'
        ? carrier.usage(iccid)
        : operation === 'GET stop-reason'
          ? carrier.stopReason(iccid)
          : null
    if (answer === null) return sendError(response, 404, 'NOT_FOUND', `no endpoint ${method} ${path}`)
    if (answer === undefined) return sendError(response, 404, 'NOT_FOUND', `no card ${iccid}`)
    return sendJson(response, 200, answer)
  }

  if (method === 'POST' && path === '/v1/recharges') {
    const order = parseRecharge(await readJson(request))
    if (order.accountId !== carrier.accountId)
      return sendError(response, 404, 'NOT_FOUND', `no account ${order.accountId}`)
    const outcome = carrier.orders.create(order, carrier.now(), baseUrl)
    if (outcome.kind === 'rejected') return sendError(response, 422, 'REJECTED', outcome.message)
    return sendJson(response, 201, outcome.order)
  }

  const orderRoute = /^\/v1\/recharges\/([^/]+)$/.exec(path)
  if (method === 'GET' && orderRoute) {
    const status = carrier.orders.status(decodeURIComponent(orderRoute[1] ?? ''), carrier.now())
    return status ? sendJson(response, 200, status) : sendError(response, 404, 'NOT_FOUND', 'no such order')
  }

  sendError(response, 404, 'NOT_FOUND', `no endpoint ${method} ${path}`)
}

/** The payer's page behind a payment URL: shows the order and pays it when its button is pressed. */
export function routePaymentPage(
  carrier: SimulatedCarrier,
  request: IncomingMessage,
  response: ServerResponse,
  orderNo: string,
): void {
  const paying = request.method === 'POST'
  if (paying) carrier.orders.pay(orderNo, carrier.now())
  const status = carrier.orders.status(orderNo, carrier.now())
  const amount = carrier.orders.amountFen(orderNo)
  if (!status || amount === undefined)
    return sendHtml(response, 404, '<!doctype html><title>Unknown order</title><p>Unknown order</p>')
  const order = escapeHtml(orderNo)
  const form =
    status.status === 'PENDING'
      ? `<form method="post"><button type="submit">Pay ¥${(amount / 100).toFixed(2)}</button></form>`
      : ''
  sendHtml(
    response,
    200,
    `<!doctype html><meta charset="utf-8"><title>Order ${order}</title>` +
      `<h1>Reference carrier payment</h1><p>Order ${order}: <strong>${status.status}</strong></p>${form}`,
  )
}
