import { describe, expect, it } from 'vitest'
import { jsonResponse, mountConsole, signedInAs, stubServer } from '../../../test/unit/harness'
import { eventually } from '../../../test/unit/eventually'
import { cardsApi, GB, MB, makeCard, makeOperation } from './card-fixtures'

const card = makeCard({
  usage: { totalBytes: GB, usedBytes: 900 * MB, remainingBytes: 124 * MB, asOf: '2025-03-01T00:00:00.000Z' },
  tags: ['仓库A'],
  device: { id: 'dev-1', name: '温湿度传感器', state: 'online' },
})
const detailPath = `GET /api/v1/cards/${card.id}`

describe('CardDetailView', () => {
  it('shows usage in human units, the states, and the history with "load more"', async () => {
    const historyQueries: URLSearchParams[] = []
    const failed = makeOperation({
      id: 2,
      action: 'card.sync',
      result: 'failure',
      error: { code: 'CARRIER_AUTH', message: 'key refused' },
    })
    const older = makeOperation({
      id: 1,
      action: 'card.create',
      actor: { type: 'system', id: null, name: 'system', apiKeyId: null },
    })
    stubServer({
      ...signedInAs('viewer'),
      ...cardsApi([card]),
      [detailPath]: () => jsonResponse(200, card),
      'GET /api/v1/operations': (request) => {
        const query = new URL(request.url).searchParams
        historyQueries.push(query)
        return query.get('cursor')
          ? jsonResponse(200, { items: [older], nextCursor: null })
          : jsonResponse(200, { items: [failed], nextCursor: '2' })
      },
    })
    const { wrapper } = await mountConsole(`/cards/${card.id}`)

    await eventually(() => expect(wrapper.find('.card-usage').text()).toContain('1.00 GB'))
    expect(wrapper.get('[data-usage="usedBytes"]').text()).toContain('900.00 MB')
    expect(wrapper.get('[data-usage="remainingBytes"]').text()).toContain('124.00 MB')
    expect(wrapper.get('.usage-bar').attributes('data-level')).toBe('high')
    expect(wrapper.get('.card-basics').text()).toContain('仓库A')
    expect(wrapper.get('.card-basics').text()).toContain('温湿度传感器')
    expect(wrapper.get('[data-test="card-platform"]').attributes('href')).toBe(
      `/platforms/${card.platform.id}`,
    )
    expect(wrapper.get('[data-test="card-carrier-status"]').text()).toContain('正常使用')
    expect(wrapper.get('[data-test="card-sync-state"]').text()).toContain('同步成功')
    // A viewer reads only.
    expect(wrapper.find('[data-test="card-suspend"]').exists()).toBe(false)
    expect(wrapper.find('[data-test="card-edit"]').exists()).toBe(false)

    await eventually(() => expect(wrapper.get('.card-history').text()).toContain('同步'))
    expect(historyQueries[0]?.get('card')).toBe(card.number)
    const history = wrapper.get('.card-history').text()
    expect(history).toContain('失败')
    expect(history).toContain('运营商拒绝了凭证，请检查密钥等认证信息（key refused）')
    expect(history).toContain('operator')

    await wrapper.get('[data-test="history-more"]').trigger('click')
    await eventually(() => expect(wrapper.get('.card-history').text()).toContain('新增'))
    expect(historyQueries[1]?.get('cursor')).toBe('2')
    expect(wrapper.get('.card-history').text()).toContain('系统')
    expect(wrapper.findAll('.card-history__table .el-table__body .el-table__row')).toHaveLength(2)
    expect(wrapper.find('[data-test="history-more"]').exists()).toBe(false)
  })

  it("shows a stopped card's hold, pending change and failed sync, with the stop reason on hover", async () => {
    const stopped = makeCard({
      lifecycle: 'suspended',
      block: 'data_cap',
      carrierStatus: { code: '4', label: { 'zh-CN': '停机', en: 'Suspended' } },
      pending: { action: 'resume', since: '2025-03-02T00:00:00.000Z', carrierRef: null },
      sync: {
        state: 'failed',
        at: '2025-03-02T00:00:00.000Z',
        error: { code: 'CARRIER_TIMEOUT', message: 'no answer' },
      },
      usage: null,
      actions: [],
    })
    let reasons = 0
    stubServer({
      ...signedInAs('operator'),
      ...cardsApi([stopped]),
      [detailPath]: () => jsonResponse(200, stopped),
      'GET /api/v1/operations': () => jsonResponse(200, { items: [], nextCursor: null }),
      [`GET /api/v1/cards/${stopped.id}/stop-reason`]: () => {
        reasons++
        return jsonResponse(200, {
          initiator: 'carrier',
          block: 'data_cap',
          text: '当月流量已用尽',
          resumable: true,
        })
      },
    })
    const { wrapper } = await mountConsole(`/cards/${stopped.id}`)

    await eventually(() => expect(wrapper.get('[data-test="card-block"]').text()).toBe('达量停机'))
    expect(wrapper.get('[data-test="card-pending"]').text()).toContain('复机处理中')
    expect(wrapper.get('[data-test="card-sync-state"]').text()).toContain('同步失败')
    expect(wrapper.get('[data-test="card-sync-state"]').text()).toContain('运营商接口响应超时（no answer）')
    expect(wrapper.get('.card-usage').text()).toContain('暂无流量数据')
    // Nothing to do while a change is pending, but sync and the rest stay.
    expect(wrapper.find('[data-test="card-resume"]').exists()).toBe(false)
    expect(wrapper.find('[data-test="card-sync"]').exists()).toBe(true)

    await eventually(() => wrapper.get('[data-test="card-stop-reason-icon"]'))
    await wrapper.get('[data-test="card-stop-reason-icon"]').trigger('mouseenter')
    await eventually(() => expect(reasons).toBe(1))
    await eventually(() => expect(document.body.textContent).toContain('当月流量已用尽'))
    expect(document.body.textContent).toContain('运营商发起')
  })
})
