import { chinaTimestamp } from '../china-time.js'
import { answers, Refusal } from './answers.js'

const PAYMENT_TYPES = ['ALIPAY-WAP', 'ALIPAY-WEB', 'ALIPAY-BANK', 'WEIXIN-JSAPI', 'WEIXIN-NATIVE']

/** 1 待支付 · 2 支付成功 · 3 支付失败 (the simulator's wording of 23B03; OneLink's is unconfirmed). */
export type OrderStatus = '1' | '2' | '3'

export interface RechargeOrder {
  orderNo: string
  entityType: string
  entityId: string
  chargeMoney: string
  paymentType: string
  returnUrl: string | null
  createdAt: number
  status: OrderStatus
  paidAt: number | null
}

/** Recharge orders (23B02) and their outcome, which the payer decides on the payment page. */
export class RechargeOrders {
  private readonly orders = new Map<string, RechargeOrder>()
  private sequence = 0

  constructor(private readonly account: { accountId: string; knowsMsisdn: (msisdn: string) => boolean }) {}

  create(params: Record<string, string>, now: number): RechargeOrder {
    const { entityType = '', entityId = '', chargeMoney = '', paymentType = '' } = params
    if (entityType !== '1' && entityType !== '2') throw new Refusal(answers.badParameters)
    if (entityType === '2' && entityId !== this.account.accountId) throw new Refusal(answers.accountUnknown)
    if (entityType === '1' && !this.account.knowsMsisdn(entityId)) throw new Refusal(answers.cardUnknown)
    // 1.00–500.00 元, two decimals.
    if (!/^\d{1,3}\.\d{2}$/.test(chargeMoney) || Number(chargeMoney) < 1 || Number(chargeMoney) > 500)
      throw new Refusal(answers.badParameters)
    if (!PAYMENT_TYPES.includes(paymentType)) throw new Refusal(answers.badParameters)
    this.sequence += 1
    const order: RechargeOrder = {
      orderNo: `CZ${chinaTimestamp(now)}${String(this.sequence).padStart(6, '0')}`,
      entityType,
      entityId,
      chargeMoney,
      paymentType,
      returnUrl: params.returnUrl ?? null,
      createdAt: now,
      status: '1',
      paidAt: null,
    }
    this.orders.set(order.orderNo, order)
    return order
  }

  get(orderNo: string): RechargeOrder | undefined {
    return this.orders.get(orderNo)
  }

  /** Orders created within [start, end], newest first (the time-range form of 23B03). */
  between(start: number, end: number): RechargeOrder[] {
    return [...this.orders.values()]
      .filter((order) => order.createdAt >= start && order.createdAt <= end)
      .reverse()
  }

  /** The payer's choice on the payment page; a decided order stays decided. */
  complete(orderNo: string, paid: boolean, now: number): RechargeOrder | undefined {
    const order = this.orders.get(orderNo)
    if (!order || order.status !== '1') return order
    order.status = paid ? '2' : '3'
    order.paidAt = paid ? now : null
    return order
  }
}
