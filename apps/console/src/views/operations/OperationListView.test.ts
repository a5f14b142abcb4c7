import type { Schemas } from '@simops/api-client'
import { describe, expect, it, vi } from 'vitest'
import {
  inDocument,
  jsonResponse,
  makeUser,
  mountConsole,
  signedInAs,
  stubServer,
} from '../../../test/unit/harness'
import { eventually } from '../../../test/unit/eventually'

const FROM = '2025-01-01T00:00:00.000Z'
const TO = '2025-01-08T00:00:00.000Z'

const failedSuspend: Schemas['Operation'] = {
  id: 7,
  createdAt: '2025-01-02T03:04:05.000Z',
  actor: { type: 'user', id: '00000000-0000-4000-8000-000000000002', name: 'ops-li', apiKeyId: null },
  action: 'card.suspend',
  target: { type: 'card', id: '42', name: '1064912345678' },
  result: 'failure',
  error: { code: 'CARRIER_REJECTED', message: 'card is not active' },
  details: { iccid: '89860000000000000001', from: 'ready' },
  requestId: 'req-1',
  ip: '127.0.0.1',
  jobId: '00000000-0000-4000-8000-00000000b001',
}

const pathOf = (request: Request) => new URL(request.url).pathname
const paramsOf = (request: Request | undefined) =>
  Object.fromEntries(new URL(request?.url ?? '').searchParams)

describe('OperationListView', () => {
  it('sends the card, result and time filters from the URL and shows the records', async () => {
    const { requests } = stubServer({
      ...signedInAs('viewer'),
      'GET /api/v1/operations': () => jsonResponse(200, { items: [failedSuspend], nextCursor: null }),
    })
    const { wrapper } = await mountConsole(
      `/operations?card=89860000000000000001&result=failure&from=${FROM}&to=${TO}`,
    )

    await eventually(() => expect(wrapper.find('.operation-table').text()).toContain('停机'))
    const list = requests.find((request) => pathOf(request) === '/api/v1/operations')
    expect(paramsOf(list)).toMatchObject({
      card: '89860000000000000001',
      result: 'failure',
      from: FROM,
      to: TO,
    })
    expect((wrapper.get('.operation-filters input[name="card"]').element as HTMLInputElement).value).toBe(
      '89860000000000000001',
    )

    const table = wrapper.get('.operation-table').text()
    for (const text of ['ops-li', '失败', 'CARRIER_REJECTED', 'card is not active'])
      expect(table).toContain(text)
    expect(wrapper.get('[data-test="operation-target"]').attributes('href')).toBe('/cards/42')
    // An item of a bulk job links to the job.
    expect(wrapper.get('[data-test="operation-job"]').attributes('href')).toBe(
      '/jobs/00000000-0000-4000-8000-00000000b001',
    )
    // Viewers may not list users, so they get no operator select and nothing asks for users.
    expect(wrapper.find('.operation-actor-select').exists()).toBe(false)
    expect(requests.some((request) => pathOf(request) === '/api/v1/users')).toBe(false)

    await wrapper.get('.operation-table .el-table__expand-icon').trigger('click')
    await eventually(() =>
      expect(wrapper.get('[data-test="operation-details"]').text()).toContain('"from": "ready"'),
    )
  })

  it('applies typed filters through the URL, and offers admins the operator select', async () => {
    const { requests } = stubServer({
      ...signedInAs('admin'),
      'GET /api/v1/operations': () => jsonResponse(200, { items: [], nextCursor: null }),
      'GET /api/v1/users': () =>
        jsonResponse(200, { items: [makeUser({ username: 'ops-li' })], total: 1, page: 1, pageSize: 200 }),
    })
    const { wrapper, router } = await mountConsole('/operations')

    await eventually(() => expect(wrapper.find('.operation-actor-select').exists()).toBe(true))
    await eventually(() => expect(requests.some((request) => pathOf(request) === '/api/v1/users')).toBe(true))
    await wrapper.get('.operation-filters input[name="card"]').setValue(' 1064912345678 ')
    await wrapper.get('[data-test="operation-search"]').trigger('click')

    await eventually(() => expect(router.currentRoute.value.query).toEqual({ card: '1064912345678' }))
    await eventually(() => {
      const lists = requests.filter((request) => pathOf(request) === '/api/v1/operations')
      expect(lists).toHaveLength(2)
      expect(paramsOf(lists[1])).toMatchObject({ card: '1064912345678' })
    })
  })

  it('exports CSV with the filters in use', async () => {
    const saved: string[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download)
    })
    const { requests } = stubServer({
      ...signedInAs('viewer'),
      'GET /api/v1/operations': () => jsonResponse(200, { items: [failedSuspend], nextCursor: null }),
      'GET /api/v1/operations/export': () =>
        new Response('\uFEFFid,time\n7,2025-01-02\n', {
          status: 200,
          headers: {
            'content-type': 'text/csv; charset=utf-8',
            'content-disposition': 'attachment; filename="operations-20250102T030405.csv"',
          },
        }),
    })
    const { wrapper } = await mountConsole(
      `/operations?card=1064912345678&result=failure&from=${FROM}&to=${TO}`,
    )

    await eventually(() => expect(wrapper.find('.operation-table').text()).toContain('停机'))
    await wrapper.get('[data-test="operation-export"]').trigger('click')

    await eventually(() => expect(saved).toEqual(['operations-20250102T030405.csv']))
    const exported = requests.find((request) => pathOf(request) === '/api/v1/operations/export')
    expect(paramsOf(exported)).toEqual({ card: '1064912345678', result: 'failure', from: FROM, to: TO })
    expect(exported?.headers.get('authorization')).toBe('Bearer test-session-token')
    expect(inDocument('[data-test="operation-export"]').attributes('class')).not.toContain('is-loading')
  })
})
