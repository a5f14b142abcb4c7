import type { Schemas } from '@simops/api-client'
import { jsonResponse, makeCarrier, makePlatform } from '../../../test/unit/harness'

type Handler = (request: Request) => Response | Promise<Response>
type Recharge = Schemas['Recharge']

/** A OneLink-like carrier: every payment method, 1–500 元. */
export const rechargeCarrier = makeCarrier({
  id: 'onelink-like',
  displayName: { 'zh-CN': '移动 OneLink（测试）', en: 'OneLink (testing)' },
  capabilities: {
    ...makeCarrier().capabilities,
    recharge: {
      paymentMethods: ['ALIPAY_WAP', 'ALIPAY_WEB', 'WEIXIN_JSAPI', 'WEIXIN_NATIVE'],
      minAmountFen: 100,
      maxAmountFen: 50000,
    },
  },
})

/** A carrier that takes no recharges. */
export const plainCarrier = makeCarrier({
  id: 'plain',
  displayName: { 'zh-CN': '无充值运营商', en: 'No-recharge carrier' },
  capabilities: { ...makeCarrier().capabilities, recharge: null, rechargeStatus: false },
})

export const rechargePlatform = makePlatform({
  id: '00000000-0000-4000-8000-0000000000b1',
  carrierId: rechargeCarrier.id,
  name: '充值平台',
  state: 'enabled',
})
export const disabledRechargePlatform = makePlatform({
  id: '00000000-0000-4000-8000-0000000000b2',
  carrierId: rechargeCarrier.id,
  name: '已禁用的充值平台',
  state: 'disabled',
})
export const plainPlatform = makePlatform({
  id: '00000000-0000-4000-8000-0000000000b3',
  carrierId: plainCarrier.id,
  name: '不能充值的平台',
  state: 'enabled',
})

export function makeRecharge(overrides: Partial<Recharge> = {}): Recharge {
  return {
    id: '00000000-0000-4000-8000-0000000000c1',
    platform: { id: rechargePlatform.id, name: rechargePlatform.name, carrierId: rechargeCarrier.id },
    accountId: 'acct-001',
    amountFen: 1250,
    amount: '12.50',
    paymentMethod: 'ALIPAY_WAP',
    orderNo: 'OL202501020001',
    paymentUrl: 'https://pay.example.com/order/OL202501020001',
    status: 'pending',
    statusSource: null,
    expiresAt: '2025-01-02T03:34:05.000Z',
    paidAt: null,
    checkedAt: null,
    note: null,
    createdBy: { id: '00000000-0000-4000-8000-000000000001', name: 'admin' },
    createdAt: '2025-01-02T03:04:05.000Z',
    updatedAt: '2025-01-02T03:04:05.000Z',
    ...overrides,
  }
}

/** One order in each status, newest first. */
export const pending = makeRecharge()
export const paid = makeRecharge({
  id: '00000000-0000-4000-8000-0000000000c2',
  orderNo: 'OL202501020002',
  amountFen: 50000,
  amount: '500.00',
  paymentMethod: 'WEIXIN_NATIVE',
  status: 'paid',
  statusSource: 'carrier',
  paidAt: '2025-01-02T03:10:00.000Z',
})
export const failed = makeRecharge({
  id: '00000000-0000-4000-8000-0000000000c3',
  orderNo: 'OL202501020003',
  status: 'failed',
  statusSource: 'manual',
  note: '运营商平台显示支付失败',
})
export const expired = makeRecharge({
  id: '00000000-0000-4000-8000-0000000000c4',
  orderNo: 'OL202501020004',
  status: 'expired',
  statusSource: 'timeout',
})

/** The carrier catalogue, the platforms and a page of `recharges`, as the recharges page reads them. */
export function rechargesApi(
  recharges: Recharge[],
  platforms = [rechargePlatform, disabledRechargePlatform, plainPlatform],
): Record<string, Handler> {
  return {
    'GET /api/v1/carriers': () => jsonResponse(200, { items: [rechargeCarrier, plainCarrier] }),
    'GET /api/v1/platforms': () =>
      jsonResponse(200, { items: platforms, total: platforms.length, page: 1, pageSize: 100 }),
    'GET /api/v1/recharges': () =>
      jsonResponse(200, { items: recharges, total: recharges.length, page: 1, pageSize: 20 }),
  }
}

/** The query string of the last request to `path`. */
export function lastQuery(requests: Request[], path: string): URLSearchParams {
  const matching = requests.filter((request) => new URL(request.url).pathname === path)
  return new URL(matching.at(-1)?.url ?? 'http://localhost/').searchParams
}
