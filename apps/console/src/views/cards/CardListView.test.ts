import { describe, expect, it } from 'vitest'
import { inDocument, jsonResponse, mountConsole, signedInAs, stubServer } from '../../../test/unit/harness'
import { eventually } from '../../../test/unit/eventually'
import { cardsApi, lastQuery, makeCard } from './card-fixtures'

const active = makeCard()
const ready = makeCard({
  id: '1002',
  number: '1440123456790',
  iccid: '89860000000000000020',
  lifecycle: 'ready',
  carrierStatus: { code: '1', label: { 'zh-CN': '待激活', en: 'Ready' } },
  usage: null,
  sync: {
    state: 'failed',
    at: '2025-03-01T00:00:00.000Z',
    error: { code: 'CARRIER_AUTH', message: 'bad key' },
  },
  actions: [],
  device: { id: 'dev-1', name: '温湿度传感器', state: 'online' },
})

describe('CardListView', () => {
  it('shows the cards with usage in human units, both statuses and a capped total', async () => {
    const { requests } = stubServer({
      ...signedInAs('viewer'),
      ...cardsApi([active, ready], { total: 10_000, totalCapped: true }),
    })
    const { wrapper } = await mountConsole('/cards')

    await eventually(() => expect(wrapper.find('.card-table').text()).toContain('1440123456790'))
    const table = wrapper.get('.card-table').text()
    for (const text of ['1440123456789', '89860000000000000012', '参考平台', '参考运营商（测试）', '月卡'])
      expect(table).toContain(text)
    expect(table).toContain('2.00 GB')
    expect(table).toContain('1.50 GB')
    expect(table).toContain('512.00 MB')
    expect(table).toContain('正常使用')
    expect(table).toContain('温湿度传感器')
    expect(wrapper.find('[data-lifecycle="active"]').text()).toBe('激活')
    expect(wrapper.find('[data-lifecycle="ready"]').text()).toBe('待激活')
    expect(wrapper.find('[data-sync="failed"]').text()).toContain('同步失败')
    expect(wrapper.get('[data-test="card-total"]').text()).toBe('共 10,000+ 条')

    const query = lastQuery(requests, '/api/v1/cards')
    expect(query.get('page')).toBe('1')
    expect(query.get('limit')).toBe('20')
    expect(query.has('sort')).toBe(false)
  })

  it('reads the filters from the URL into the request', async () => {
    const { requests } = stubServer({ ...signedInAs('viewer'), ...cardsApi([active]) })
    const { wrapper } = await mountConsole(
      '/cards?lifecycle=active&lifecycle=suspended&bound=unbound&type=year&sort=usedBytes&order=asc&page=2' +
        '&activatedFrom=2025-01-01&activatedTo=2025-01-31&carrierStatus=reference:2',
    )

    await eventually(() => expect(wrapper.find('.card-table').text()).toContain('1440123456789'))
    const query = lastQuery(requests, '/api/v1/cards')
    expect(query.getAll('lifecycle')).toEqual(['active', 'suspended'])
    expect(query.get('bound')).toBe('false')
    expect(query.getAll('type')).toEqual(['year'])
    expect(query.getAll('carrierStatus')).toEqual(['reference:2'])
    expect(query.get('sort')).toBe('usedBytes')
    expect(query.get('order')).toBe('asc')
    expect(query.get('page')).toBe('2')
    // Whole local days; the upper bound is the (exclusive) start of the next day.
    expect(query.get('activatedFrom')).toBe(new Date(2025, 0, 1).toISOString())
    expect(query.get('activatedTo')).toBe(new Date(2025, 1, 1).toISOString())
  })

  it('writes typed filters and the layout to the URL, back to page 1', async () => {
    const { requests } = stubServer({ ...signedInAs('viewer'), ...cardsApi([active]) })
    const { wrapper, router } = await mountConsole('/cards?lifecycle=active&page=3')

    await eventually(() => expect(wrapper.find('.card-table').text()).toContain('1440123456789'))
    await wrapper.get('[data-test="filter-more"]').trigger('click')
    const number = await eventually(() => wrapper.get('input[name="number"]'))
    await number.setValue('1440')
    await number.trigger('keyup', { key: 'Enter' })
    await eventually(() => expect(router.currentRoute.value.query['number']).toBe('1440'))
    expect(router.currentRoute.value.query['page']).toBeUndefined()
    expect(router.currentRoute.value.query['lifecycle']).toEqual(['active'])
    await eventually(() => expect(lastQuery(requests, '/api/v1/cards').get('number')).toBe('1440'))
    expect(lastQuery(requests, '/api/v1/cards').get('page')).toBe('1')
    expect(lastQuery(requests, '/api/v1/cards').getAll('lifecycle')).toEqual(['active'])

    await wrapper.get('input[name="q"]').setValue('sensor')
    await wrapper.get('[data-test="filter-search"]').trigger('click')
    await eventually(() => expect(lastQuery(requests, '/api/v1/cards').get('q')).toBe('sensor'))
    expect(router.currentRoute.value.query['q']).toBe('sensor')

    const fetches = requests.length
    await wrapper.get('[data-test="view-grid"]').trigger('click')
    await eventually(() => expect(router.currentRoute.value.query['view']).toBe('grid'))
    await eventually(() => expect(wrapper.findAll('.card-tile')).toHaveLength(1))
    expect(wrapper.get('.card-tile').text()).toContain('已用 1.50 GB / 总共 2.00 GB')
    // The same page in another layout: nothing new to fetch.
    expect(requests.length).toBe(fetches)
  })

  it('offers 停机 only where the card allows it, and suspends after confirmation', async () => {
    const suspended = makeCard({
      pending: { action: 'suspend', since: '2025-03-02T00:00:00.000Z', carrierRef: null },
    })
    const posts: string[] = []
    stubServer({
      ...signedInAs('operator'),
      ...cardsApi([active, ready]),
      [`POST /api/v1/cards/${active.id}/suspend`]: (request) => {
        posts.push(request.url)
        return jsonResponse(200, { ...suspended, actions: [] })
      },
    })
    const { wrapper } = await mountConsole('/cards')

    await eventually(() => expect(wrapper.find('.card-table').text()).toContain('1440123456790'))
    const body = '.card-table .el-table__body-wrapper'
    expect(wrapper.findAll(`${body} [data-test="card-suspend"]`)).toHaveLength(1)
    expect(wrapper.findAll(`${body} [data-test="card-activate"]`)).toHaveLength(0)
    expect(wrapper.findAll(`${body} [data-test="card-bind"]`)).toHaveLength(1)
    expect(wrapper.findAll(`${body} [data-test="card-unbind"]`)).toHaveLength(1)
    expect(wrapper.find('[data-test="create-card"]').exists()).toBe(true)

    await wrapper.get(`${body} [data-test="card-suspend"]`).trigger('click')
    await eventually(() =>
      expect(inDocument('.el-message-box').text()).toContain('确认停机卡号 1440123456789？'),
    )
    await inDocument('.el-message-box__btns .el-button--primary').trigger('click')

    await eventually(() => expect(posts).toHaveLength(1))
    await eventually(() =>
      expect(wrapper.find(`${body} [data-pending="suspend"]`).text()).toContain('停机处理中'),
    )
    expect(wrapper.findAll(`${body} [data-test="card-suspend"]`)).toHaveLength(0)
  })

  it('shows a viewer no changing actions, in the table and in the grid', async () => {
    stubServer({ ...signedInAs('viewer'), ...cardsApi([active, ready]) })
    const { wrapper } = await mountConsole('/cards')

    await eventually(() => expect(wrapper.find('.card-table').text()).toContain('1440123456790'))
    const changing = [
      'create-card',
      'card-edit',
      'card-bind',
      'card-unbind',
      'card-suspend',
      'card-sync',
      'card-delete',
    ]
    for (const action of changing) expect(wrapper.find(`[data-test="${action}"]`).exists()).toBe(false)
    expect(wrapper.find('[data-test="card-open"]').exists()).toBe(true)

    await wrapper.get('[data-test="view-grid"]').trigger('click')
    await eventually(() => expect(wrapper.findAll('.card-tile')).toHaveLength(2))
    for (const action of changing) expect(wrapper.find(`[data-test="${action}"]`).exists()).toBe(false)
  })

  it('asks for the server sort when a column header is sorted', async () => {
    const { requests } = stubServer({ ...signedInAs('viewer'), ...cardsApi([active]) })
    const { wrapper, router } = await mountConsole('/cards')

    await eventually(() => expect(wrapper.find('.card-table').text()).toContain('1440123456789'))
    const header = wrapper.findAll('.card-table th').find((cell) => cell.text().includes('已用流量'))
    await header?.get('.caret-wrapper .ascending').trigger('click')

    await eventually(() => expect(router.currentRoute.value.query['sort']).toBe('usedBytes'))
    expect(router.currentRoute.value.query['order']).toBe('asc')
    await eventually(() => expect(lastQuery(requests, '/api/v1/cards').get('sort')).toBe('usedBytes'))
    expect(lastQuery(requests, '/api/v1/cards').get('order')).toBe('asc')
  })
})
