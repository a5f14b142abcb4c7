import type { Schemas } from '@simops/api-client'
import { jsonResponse, makeCarrier, makePlatform } from '../../../test/unit/harness'

// Test data for the card views' unit tests (imported only by *.test.ts files).

type Handler = (request: Request) => Response | Promise<Response>

export const GB = 1024 ** 3
export const MB = 1024 ** 2

export const enabledPlatform = makePlatform({ name: '参考平台', state: 'enabled' })

export function makeCard(overrides: Partial<Schemas['Card']> = {}): Schemas['Card'] {
  return {
    id: '1001',
    number: '1440123456789',
    iccid: '89860000000000000012',
    iccid19: '8986000000000000001',
    imsi: null,
    imei: null,
    platform: { id: enabledPlatform.id, name: '参考平台', carrierId: 'reference', state: 'enabled' },
    carrierId: 'reference',
    type: 'month',
    description: '',
    tags: [],
    expiresOn: null,
    device: null,
    boundAt: null,
    lifecycle: 'active',
    carrierStatus: { code: '2', label: { 'zh-CN': '正常使用', en: 'In use' } },
    block: null,
    platformType: null,
    activatedAt: '2025-01-02T03:04:05.000Z',
    usage: {
      totalBytes: 2 * GB,
      usedBytes: 1.5 * GB,
      remainingBytes: 0.5 * GB,
      asOf: '2025-03-01T00:00:00.000Z',
    },
    pending: null,
    sync: { state: 'ok', at: '2025-03-01T00:00:00.000Z', error: null },
    actions: ['suspend'],
    createdAt: '2025-01-02T03:04:05.000Z',
    updatedAt: '2025-03-01T00:00:00.000Z',
    ...overrides,
  }
}

export function makeOperation(overrides: Partial<Schemas['Operation']> = {}): Schemas['Operation'] {
  return {
    id: 1,
    createdAt: '2025-03-01T00:00:00.000Z',
    actor: { type: 'user', id: 'u1', name: 'operator', apiKeyId: null },
    action: 'card.suspend',
    target: { type: 'card', id: '1001', name: '1440123456789' },
    result: 'success',
    error: null,
    details: null,
    requestId: null,
    ip: null,
    jobId: null,
    ...overrides,
  }
}

/** The carrier catalogue, platforms, carrier statuses and one page of `cards`, as the card pages read them. */
export function cardsApi(
  cards: Schemas['Card'][],
  page: { total?: number; totalCapped?: boolean } = {},
): Record<string, Handler> {
  return {
    'GET /api/v1/carriers': () => jsonResponse(200, { items: [makeCarrier()] }),
    'GET /api/v1/platforms': () =>
      jsonResponse(200, { items: [enabledPlatform], total: 1, page: 1, pageSize: 200 }),
    'GET /api/v1/cards/carrier-statuses': () =>
      jsonResponse(200, [
        { carrierId: 'reference', code: '2', label: { 'zh-CN': '正常使用', en: 'In use' } },
      ]),
    'GET /api/v1/cards': () =>
      jsonResponse(200, {
        items: cards,
        total: page.total ?? cards.length,
        totalCapped: page.totalCapped ?? false,
        nextCursor: null,
      }),
  }
}

/** The query of the last request to `path`. */
export function lastQuery(requests: Request[], path: string): URLSearchParams {
  const matching = requests.filter((request) => new URL(request.url).pathname === path)
  const last = matching[matching.length - 1]
  if (!last) throw new Error(`No request to ${path}`)
  return new URL(last.url).searchParams
}
