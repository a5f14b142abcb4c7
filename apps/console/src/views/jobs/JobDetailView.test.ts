import { describe, expect, it, vi } from 'vitest'
import { inDocument, jsonResponse, mountConsole, signedInAs, stubServer } from '../../../test/unit/harness'
import { eventually } from '../../../test/unit/eventually'
import { eventStream, makeJob, makeJobItem, progressed } from './job-fixtures'

const job = makeJob({ counts: { total: 3, ok: 1, skipped: 0, failed: 1, pending: 1 } })
const okItem = makeJobItem()
const failedItem = makeJobItem({
  seq: 2,
  cardId: '1002',
  subject: '1440123456790',
  result: 'failed',
  code: 'CARRIER_REJECTED',
  message: 'card is locked by the carrier',
})

const itemRequests = (requests: Request[]) =>
  requests.filter((request) => new URL(request.url).pathname === `/api/v1/jobs/${job.id}/items`)

describe('JobDetailView', () => {
  it('shows the summary and live progress, filters and pages the items, and downloads them', async () => {
    const saved: string[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download)
    })
    const stream = eventStream()
    const { requests } = stubServer({
      ...signedInAs('operator'),
      [`GET /api/v1/jobs/${job.id}`]: () => jsonResponse(200, job),
      [`GET /api/v1/jobs/${job.id}/events`]: () => stream.response(),
      [`GET /api/v1/jobs/${job.id}/items`]: (request) => {
        const failedOnly = new URL(request.url).searchParams.get('result') === 'failed'
        const items = failedOnly ? [failedItem] : [okItem, failedItem]
        return jsonResponse(200, { items, total: items.length })
      },
      [`GET /api/v1/jobs/${job.id}/items/export`]: () => new Response('seq\n2\n', { status: 200 }),
    })
    const { wrapper } = await mountConsole(`/jobs/${job.id}`)

    await eventually(() => expect(wrapper.findAll('.job-items .el-table__row')).toHaveLength(2))
    const summary = wrapper.get('.job-summary').text()
    for (const text of ['批量停机', '手动', '选中的 2 张卡', 'ops-li', job.id])
      expect(summary).toContain(text)
    expect(wrapper.get('[data-test="job-summary"]').text()).toBe('已处理 2 / 3')
    expect(wrapper.find('[data-test="job-cancel"]').exists()).toBe(true)
    const rows = wrapper.get('.job-items').text()
    expect(rows).toContain('运营商拒绝了此操作')
    expect(rows).toContain('CARRIER_REJECTED')
    expect(wrapper.get('.job-items a').attributes('href')).toBe('/cards/1001')
    expect(wrapper.get('[data-test="job-operations"]').attributes('href')).toBe(`/operations?jobId=${job.id}`)

    await wrapper.get('[data-test="job-items-failed"] input').setValue(true)
    await eventually(() => expect(wrapper.findAll('.job-items .el-table__row')).toHaveLength(1))
    const last = itemRequests(requests).at(-1)
    expect(Object.fromEntries(new URL(last?.url ?? '').searchParams)).toEqual({
      result: 'failed',
      page: '1',
      pageSize: '20',
    })

    await wrapper.get('[data-test="job-items-export"]').trigger('click')
    await eventually(() => expect(saved).toHaveLength(1))
    expect(saved[0]).toMatch(/^job-00000000-failed-\d{8}T\d{6}\.csv$/)
    const exported = requests.find((request) => request.url.includes('/items/export'))
    expect(new URL(exported?.url ?? '').searchParams.get('result')).toBe('failed')

    // The end of the job: final counts, no more 取消任务, the items asked for again.
    const asked = itemRequests(requests).length
    stream.send(
      'end',
      progressed(job, { ok: 2 }, { state: 'completed', finishedAt: '2025-03-01T00:00:05.000Z' }),
    )
    stream.close()
    await eventually(() => expect(wrapper.get('[data-test="job-summary"]').text()).toBe('已处理 3 / 3'))
    expect(wrapper.find('[data-test="job-cancel"]').exists()).toBe(false)
    expect(wrapper.get('.job-detail__title').text()).toContain('已完成')
    await eventually(() => expect(itemRequests(requests).length).toBe(asked + 1))
  })

  it('says so when the job does not exist', async () => {
    stubServer({
      ...signedInAs('viewer'),
      [`GET /api/v1/jobs/${job.id}`]: () =>
        jsonResponse(404, { code: 'JOB_NOT_FOUND', message: 'no such job' }),
    })
    const { wrapper } = await mountConsole(`/jobs/${job.id}`)

    await eventually(() => expect(wrapper.find('.job-detail .el-empty').text()).toContain('任务不存在'))
    expect(inDocument('.el-message').text()).toContain('任务不存在')
  })
})
