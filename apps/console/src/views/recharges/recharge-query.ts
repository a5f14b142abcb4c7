import type { Schemas } from '@simops/api-client'
import type { LocationQuery, LocationQueryRaw } from 'vue-router'
import { compactQuery, queryPositiveInt, queryString } from '@/utils/route-query'

export type RechargeStatus = Schemas['RechargeStatus']
export type PaymentMethod = Schemas['CreateRecharge']['paymentMethod']

export const RECHARGE_STATUSES: readonly RechargeStatus[] = ['pending', 'paid', 'failed', 'expired']
export const PAYMENT_METHODS: readonly PaymentMethod[] = [
  'ALIPAY_WAP',
  'ALIPAY_WEB',
  'WEIXIN_JSAPI',
  'WEIXIN_NATIVE',
]

/** An amount in 元 as the list filter takes it: up to 9 digits and at most two decimals. */
export const AMOUNT_PATTERN = /^\d{1,9}(\.\d{1,2})?$/

export function isRechargeStatus(value: unknown): value is RechargeStatus {
  return typeof value === 'string' && (RECHARGE_STATUSES as readonly string[]).includes(value)
}

export function isPaymentMethod(value: unknown): value is PaymentMethod {
  return typeof value === 'string' && (PAYMENT_METHODS as readonly string[]).includes(value)
}

/** The recharges page's filters and page, as kept in its URL. */
export interface RechargeQuery {
  platformId: string
  accountId: string
  orderNo: string
  paymentMethod: PaymentMethod | ''
  status: RechargeStatus | ''
  /** Exact amount in 元, e.g. "12.50". */
  amount: string
  /** ISO 8601 instants of the order time; `to` is exclusive. */
  from: string
  to: string
  page: number
  pageSize: number
}

export const DEFAULT_PAGE_SIZE = 20
export const PAGE_SIZES = [10, 20, 50, 100]

export const EMPTY_FILTERS: Omit<RechargeQuery, 'page' | 'pageSize'> = {
  platformId: '',
  accountId: '',
  orderNo: '',
  paymentMethod: '',
  status: '',
  amount: '',
  from: '',
  to: '',
}

function isoInstant(query: LocationQuery, key: string): string {
  const value = queryString(query, key)
  return value && !Number.isNaN(Date.parse(value)) ? value : ''
}

/** Reads the URL; values the API would refuse (a malformed amount, say) are dropped rather than sent. */
export function rechargeQueryFromRoute(query: LocationQuery): RechargeQuery {
  const paymentMethod = queryString(query, 'paymentMethod')
  const status = queryString(query, 'status')
  const amount = queryString(query, 'amount')
  return {
    platformId: queryString(query, 'platformId'),
    accountId: queryString(query, 'accountId'),
    orderNo: queryString(query, 'orderNo'),
    paymentMethod: isPaymentMethod(paymentMethod) ? paymentMethod : '',
    status: isRechargeStatus(status) ? status : '',
    amount: AMOUNT_PATTERN.test(amount) ? amount : '',
    from: isoInstant(query, 'from'),
    to: isoInstant(query, 'to'),
    page: queryPositiveInt(query, 'page', 1),
    pageSize: Math.min(queryPositiveInt(query, 'pageSize', DEFAULT_PAGE_SIZE), 100),
  }
}

export function rechargeQueryToRoute(query: RechargeQuery): LocationQueryRaw {
  return compactQuery({
    ...query,
    page: query.page === 1 ? null : query.page,
    pageSize: query.pageSize === DEFAULT_PAGE_SIZE ? null : query.pageSize,
  })
}
