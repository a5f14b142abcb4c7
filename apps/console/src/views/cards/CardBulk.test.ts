import { describe, expect, it, vi } from 'vitest'
import { inDocument, jsonResponse, mountConsole, signedInAs, stubServer } from '../../../test/unit/harness'
import { eventually } from '../../../test/unit/eventually'
import { endedStream, makeJob, progressed } from '../jobs/job-fixtures'
import { cardsApi, lastQuery, makeCard } from './card-fixtures'

const first = makeCard()
const second = makeCard({ id: '1002', number: '1440123456790', iccid: '89860000000000000020' })
const pathOf = (request: Request) => new URL(request.url).pathname

/** Opens 批量操作 and picks `item` (its data-test). */
async function pick(item: string): Promise<void> {
  await inDocument('[data-test="bulk-menu"]').trigger('click')
  await eventually(() => inDocument(`[data-test="${item}"]`))
  await inDocument(`[data-test="${item}"]`).trigger('click')
}

/** A POST /jobs that answers 202 and a stream that ends the job at once. */
function jobsApi(posted: unknown[]) {
  const job = makeJob()
  const done = progressed(job, { ok: 10 }, { state: 'completed' })
  return {
    'POST /api/v1/jobs': async (request: Request) => {
      posted.push(await request.json())
      return jsonResponse(202, { jobId: job.id, job })
    },
    [`GET /api/v1/jobs/${job.id}/events`]: () => endedStream(done),
  }
}

describe('批量操作 on the card list', () => {
  it('acts on the selected cards after a confirmation that counts them, then reloads the list', async () => {
    const posted: unknown[] = []
    const { requests } = stubServer({
      ...signedInAs('operator'),
      ...cardsApi([first, second]),
      ...jobsApi(posted),
    })
    const { wrapper } = await mountConsole('/cards')

    await eventually(() => expect(wrapper.find('.card-table').text()).toContain('1440123456790'))
    expect(wrapper.get('[data-test="bulk-scope"]').text()).toBe('未勾选时作用于全部筛选结果')
    const checks = wrapper.findAll('.card-table .el-table__body .el-checkbox input')
    await checks[0]?.setValue(true)
    await checks[1]?.setValue(true)
    await eventually(() => expect(wrapper.get('[data-test="bulk-scope"]').text()).toContain('已选 2 张'))

    await pick('bulk-suspend')
    await eventually(() =>
      expect(inDocument('.el-message-box').text()).toContain('将对选中的 2 张卡执行「批量停机」'),
    )
    // The selection is counted as it is; nothing asks the server.
    expect(requests.some((request) => pathOf(request) === '/api/v1/cards/count')).toBe(false)
    const lists = requests.filter((request) => pathOf(request) === '/api/v1/cards').length
    await inDocument('.el-message-box__btns .el-button--primary').trigger('click')

    await eventually(() => expect(posted).toEqual([{ action: 'suspend', cardIds: ['1001', '1002'] }]))
    await eventually(() => expect(inDocument('.job-progress-dialog .job-state').text()).toBe('已完成'))
    await eventually(() =>
      expect(requests.filter((request) => pathOf(request) === '/api/v1/cards').length).toBe(lists + 1),
    )
  })

  it('acts on the whole filter when nothing is selected, counting it exactly; delete is red', async () => {
    const posted: unknown[] = []
    const { requests } = stubServer({
      ...signedInAs('operator'),
      ...cardsApi([first, second], { total: 10_000, totalCapped: true }),
      ...jobsApi(posted),
      'GET /api/v1/cards/count': () => jsonResponse(200, { count: 12_345 }),
    })
    // Only filters of the basic bar: the advanced panel's date pickers are slow to render in tests.
    const { wrapper } = await mountConsole('/cards?lifecycle=active&q=north&sort=number&order=asc&page=2')

    await eventually(() => expect(wrapper.find('.card-table').text()).toContain('1440123456790'))
    await pick('bulk-delete')
    await eventually(() =>
      expect(inDocument('.el-message-box').text()).toContain('全部 12,345 张卡执行「批量删除」'),
    )
    expect(inDocument('.el-message-box').text()).toContain('删除后不可恢复')
    const count = lastQuery(requests, '/api/v1/cards/count')
    expect(count.getAll('lifecycle')).toEqual(['active'])
    expect(count.get('q')).toBe('north')
    // The count is of cards, not of a page.
    for (const key of ['page', 'limit', 'sort', 'order']) expect(count.has(key)).toBe(false)

    await inDocument('.el-message-box__btns .el-button--danger').trigger('click')
    await eventually(() =>
      expect(posted).toEqual([{ action: 'delete', filter: { q: 'north', lifecycle: ['active'] } }]),
    )
  })

  it('does nothing when the user declines', async () => {
    const posted: unknown[] = []
    stubServer({
      ...signedInAs('operator'),
      ...cardsApi([first]),
      ...jobsApi(posted),
      'GET /api/v1/cards/count': () => jsonResponse(200, { count: 1 }),
    })
    const { wrapper } = await mountConsole('/cards')

    await eventually(() => expect(wrapper.find('.card-table').text()).toContain('1440123456789'))
    await pick('bulk-sync')
    await eventually(() => expect(inDocument('.el-message-box').text()).toContain('同步状态'))
    await inDocument('.el-message-box__btns .el-button:not(.el-button--primary)').trigger('click')
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(posted).toEqual([])
  })

  it('offers a viewer export only, and exports the selection in the UI language', async () => {
    const saved: string[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download)
    })
    const { requests } = stubServer({
      ...signedInAs('viewer'),
      ...cardsApi([first, second]),
      'GET /api/v1/cards/export': () =>
        new Response('\uFEFF卡号/number\n1440123456789\n', {
          status: 200,
          headers: { 'content-disposition': 'attachment; filename="cards-20250301T000000.csv"' },
        }),
    })
    const { wrapper } = await mountConsole('/cards?lifecycle=active')

    await eventually(() => expect(wrapper.find('.card-table').text()).toContain('1440123456790'))
    await inDocument('[data-test="bulk-menu"]').trigger('click')
    await eventually(() => inDocument('[data-test="bulk-export-xlsx"]'))
    for (const item of ['import', 'activate', 'suspend', 'resume', 'sync', 'delete'])
      expect(document.querySelector(`[data-test="bulk-${item}"]`)).toBeNull()

    await wrapper.findAll('.card-table .el-table__body .el-checkbox input')[1]?.setValue(true)
    await pick('bulk-export-csv')
    await eventually(() => expect(saved).toEqual(['cards-20250301T000000.csv']))
    const query = lastQuery(requests, '/api/v1/cards/export')
    expect(Object.fromEntries(query)).toEqual({ ids: '1002', format: 'csv', lang: 'zh-CN' })
  })

  it('exports every card matching the filters when nothing is selected', async () => {
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
    const { requests } = stubServer({
      ...signedInAs('viewer'),
      ...cardsApi([first]),
      'GET /api/v1/cards/export': () => new Response('x', { status: 200 }),
    })
    const { wrapper } = await mountConsole('/cards?lifecycle=suspended&q=1440')

    await eventually(() => expect(wrapper.find('.card-table').text()).toContain('1440123456789'))
    await pick('bulk-export-xlsx')
    await eventually(() =>
      expect(requests.some((request) => pathOf(request) === '/api/v1/cards/export')).toBe(true),
    )
    const query = lastQuery(requests, '/api/v1/cards/export')
    expect(query.getAll('lifecycle')).toEqual(['suspended'])
    expect(query.get('q')).toBe('1440')
    expect(query.get('format')).toBe('xlsx')
    expect(query.has('ids')).toBe(false)
  })
})
