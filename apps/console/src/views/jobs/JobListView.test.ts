import { describe, expect, it } from 'vitest'
import { inDocument, jsonResponse, mountConsole, signedInAs, stubServer } from '../../../test/unit/harness'
import { eventually } from '../../../test/unit/eventually'
import { makeJob } from './job-fixtures'

const running = makeJob({
  counts: { total: 200, ok: 120, skipped: 5, failed: 3, pending: 72 },
})
const preparing = makeJob({
  id: '00000000-0000-4000-8000-00000000b002',
  action: 'sync',
  state: 'running',
  origin: 'schedule',
  selector: { kind: 'filter', filter: { platformId: ['p1'] } },
  counts: { total: 0, ok: 0, skipped: 0, failed: 0, pending: 0 },
  createdBy: { type: 'system', id: null, name: '系统' },
})
const imported = makeJob({
  id: '00000000-0000-4000-8000-00000000b003',
  action: 'import',
  state: 'completed',
  selector: { kind: 'file', fileName: 'cards.xlsx', dryRun: false },
  counts: { total: 3, ok: 3, skipped: 0, failed: 0, pending: 0 },
  finishedAt: '2025-03-01T00:00:09.000Z',
})

const paramsOf = (request: Request | undefined) =>
  Object.fromEntries(new URL(request?.url ?? '').searchParams)
const listRequests = (requests: Request[]) =>
  requests.filter((request) => new URL(request.url).pathname === '/api/v1/jobs')

describe('JobListView', () => {
  it('lists jobs with the URL’s filters: progress, origin, creator, and links to each job', async () => {
    const { requests } = stubServer({
      ...signedInAs('viewer'),
      'GET /api/v1/jobs': () => jsonResponse(200, { items: [running, preparing, imported], total: 3 }),
    })
    const { wrapper } = await mountConsole('/jobs?action=suspend&state=running&page=2')

    await eventually(() => expect(wrapper.findAll('.job-table .el-table__row')).toHaveLength(3))
    expect(paramsOf(listRequests(requests)[0])).toEqual({
      action: 'suspend',
      state: 'running',
      page: '2',
      pageSize: '20',
    })
    const [first, second, third] = wrapper.findAll('.job-table .el-table__row').map((row) => row.text())
    for (const text of ['批量停机', '选中的 2 张卡', '进行中', '128 / 200', '失败 3', '手动', 'ops-li'])
      expect(first).toContain(text)
    for (const text of ['同步状态', '按筛选条件：platformId=p1', '准备中', '定时', '系统'])
      expect(second).toContain(text)
    for (const text of ['导入', 'cards.xlsx', '已完成', '3 / 3']) expect(third).toContain(text)
    expect(wrapper.get('[data-test="job-open"]').attributes('href')).toBe(`/jobs/${running.id}`)
    expect(wrapper.get('[data-test="job-total"]').text()).toBe('共 3 条')
    wrapper.unmount()
  })

  it('puts a chosen filter into the URL and asks again from page 1', async () => {
    const { requests } = stubServer({
      ...signedInAs('viewer'),
      'GET /api/v1/jobs': () => jsonResponse(200, { items: [imported], total: 1 }),
    })
    const { wrapper, router } = await mountConsole('/jobs?page=3')

    await eventually(() => expect(wrapper.findAll('.job-table .el-table__row')).toHaveLength(1))
    await wrapper.get('[data-test="job-filter-origin"]').trigger('click')
    const option = '.job-filters__origin .el-select-dropdown__item:last-child'
    await eventually(() => expect(inDocument(option).text()).toBe('定时'))
    await inDocument(option).trigger('click')

    await eventually(() => expect(router.currentRoute.value.query).toEqual({ origin: 'schedule' }))
    await eventually(() => expect(listRequests(requests)).toHaveLength(2))
    expect(paramsOf(listRequests(requests)[1])).toEqual({ origin: 'schedule', page: '1', pageSize: '20' })
    wrapper.unmount()
  })
})
