import {
  wirePaymentMethods,
  type WireRecharge,
  type WireRechargeRequest,
  type WireRechargeStatus,
} from '../protocol.js'

/** The carrier's own bounds for one top-up, in fen. */
export const RECHARGE_MIN_FEN = 100
export const RECHARGE_MAX_FEN = 50_000
/** How long a payment link works. */
const PAYMENT_WINDOW_MS = 30 * 60_000

interface Order {
  orderNo: string
  accountId: string
  amountFen: number
  createdAt: number
  paidAt: number | null
}

export type OrderOutcome = { kind: 'created'; order: WireRecharge } | { kind: 'rejected'; message: string }

/** Recharge orders and their payment: an order is paid on its payment page, or fails once its link expires. */
export class RechargeOrders {
  private readonly orders = new Map<string, Order>()
  private sequence = 0

  create(request: WireRechargeRequest, now: number, baseUrl: string): OrderOutcome {
    if (
      !Number.isInteger(request.amountFen) ||
      request.amountFen < RECHARGE_MIN_FEN ||
      request.amountFen > RECHARGE_MAX_FEN
    )
      return { kind: 'rejected', message: `amount must be ${RECHARGE_MIN_FEN}–${RECHARGE_MAX_FEN} fen` }
    if (!(wirePaymentMethods as readonly string[]).includes(request.paymentMethod))
      return { kind: 'rejected', message: `payment method must be one of ${wirePaymentMethods.join(', ')}` }
    this.sequence += 1
    const orderNo = `RC${String(this.sequence).padStart(8, '0')}`
    this.orders.set(orderNo, {
      orderNo,
      accountId: request.accountId,
      amountFen: request.amountFen,
      createdAt: now,
      paidAt: null,
    })
    return {
      kind: 'created',
      order: {
        orderNo,
        paymentUrl: `${baseUrl}/pay/${orderNo}`,
        expiresAt: new Date(now + PAYMENT_WINDOW_MS).toISOString(),
      },
    }
  }

  status(orderNo: string, now: number): WireRechargeStatus | undefined {
    const order = this.orders.get(orderNo)
    if (!order) return undefined
    const paidAt = order.paidAt === null ? null : new Date(order.paidAt).toISOString()
    const expired = order.paidAt === null && now > order.createdAt + PAYMENT_WINDOW_MS
    return { orderNo, status: order.paidAt !== null ? 'PAID' : expired ? 'FAILED' : 'PENDING', paidAt }
  }

  amountFen(orderNo: string): number | undefined {
    return this.orders.get(orderNo)?.amountFen
  }

  /** Marks the order paid, as the payment page does; false when it is unknown or its link expired. */
  pay(orderNo: string, now: number): boolean {
    const order = this.orders.get(orderNo)
    if (!order || this.status(orderNo, now)?.status === 'FAILED') return false
    order.paidAt ??= now
    return true
  }
}
