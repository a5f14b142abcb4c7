import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import { createConsolePlugins } from '@/app'
import { useAuthStore } from '@/stores/auth'
import type { Role } from '@/utils/roles'
import { inDocument, jsonResponse, settle, signedInAs, stubServer } from '../../../test/unit/harness'
import { eventually } from '../../../test/unit/eventually'
import JobProgressDialog from './components/JobProgressDialog.vue'
import { eventStream, makeJob, progressed } from './job-fixtures'
import type { Job } from './job-types'

const job = makeJob({
  counts: { total: 0, ok: 0, skipped: 0, failed: 0, pending: 0 },
  selector: { kind: 'filter' },
})
const eventsPath = `GET /api/v1/jobs/${job.id}/events`

async function mountDialog(role: Role, start: Job) {
  const { plugins, pinia } = await createConsolePlugins(createMemoryHistory())
  await useAuthStore(pinia).ensureLoaded()
  const finished: Job[] = []
  const wrapper = mount(JobProgressDialog, {
    props: { modelValue: true, job: start, onFinished: (end: Job) => finished.push(end) },
    global: { plugins },
    attachTo: document.body,
  })
  await settle()
  return { wrapper, finished }
}

const text = (selector: string) => inDocument(selector).text()

describe('JobProgressDialog', () => {
  it('follows the event stream: preparing, counts as they come, then the end', async () => {
    const stream = eventStream()
    const { requests } = stubServer({ ...signedInAs('operator'), [eventsPath]: () => stream.response() })
    const { finished } = await mountDialog('operator', job)

    await eventually(() => expect(text('[data-test="job-summary"]')).toContain('准备中'))
    expect(text('.job-progress-dialog .el-dialog__title')).toBe('批量停机')
    const events = requests.find((request) => request.url.endsWith(`/jobs/${job.id}/events`))
    expect(events?.headers.get('authorization')).toBe('Bearer test-session-token')

    // An event split across two chunks is read whole.
    const listed = progressed(job, { total: 10, ok: 3, skipped: 1, failed: 1 })
    const event = `event: progress\ndata: ${JSON.stringify(listed)}\n\n`
    stream.write(event.slice(0, 40))
    stream.write(event.slice(40))
    await eventually(() => expect(text('[data-test="job-summary"]')).toBe('已处理 5 / 10'))
    expect(text('[data-test="job-count-ok"]')).toContain('3')
    expect(text('[data-test="job-count-skipped"]')).toContain('1')
    expect(text('[data-test="job-count-failed"]')).toContain('1')
    expect(text('[data-test="job-count-pending"]')).toContain('5')
    expect(inDocument('[data-test="job-cancel"]').exists()).toBe(true)
    expect(inDocument('[data-test="job-link"]').attributes('href')).toBe(`/jobs/${job.id}`)

    const done = progressed(listed, { ok: 8 }, { state: 'completed', finishedAt: '2025-03-01T00:01:00.000Z' })
    stream.send('end', done)
    stream.close()
    await eventually(() => expect(finished).toHaveLength(1))
    expect(finished[0]?.state).toBe('completed')
    expect(text('.job-progress .job-state')).toBe('已完成')
    expect(document.querySelector('[data-test="job-cancel"]')).toBeNull()
  })

  it('polls the job when the stream cannot be opened', async () => {
    const done = progressed(job, { total: 2, ok: 2 }, { state: 'completed' })
    stubServer({
      ...signedInAs('viewer'),
      [eventsPath]: () => jsonResponse(502, { code: 'HTTP_502', message: 'proxy' }),
      [`GET /api/v1/jobs/${job.id}`]: () => jsonResponse(200, done),
    })
    const { finished } = await mountDialog('viewer', job)

    await eventually(() => expect(finished).toHaveLength(1))
    expect(text('[data-test="job-summary"]')).toBe('已处理 2 / 2')
  })

  it('cancels after confirmation, and hides 取消任务 from viewers', async () => {
    const stream = eventStream()
    const cancels: string[] = []
    stubServer({
      ...signedInAs('operator'),
      [eventsPath]: () => stream.response(),
      [`POST /api/v1/jobs/${job.id}/cancel`]: (request) => {
        cancels.push(request.url)
        return jsonResponse(200, progressed(job, {}, { cancelRequested: true }))
      },
    })
    await mountDialog('operator', job)

    await eventually(() => inDocument('[data-test="job-cancel"]'))
    await inDocument('[data-test="job-cancel"]').trigger('click')
    await eventually(() => expect(text('.el-message-box')).toContain('确定取消该任务吗'))
    await inDocument('.el-message-box__btns .el-button--primary').trigger('click')
    await eventually(() => expect(cancels).toHaveLength(1))
    await eventually(() => expect(text('[data-test="job-cancelling"]')).toBe('正在取消…'))
    expect(inDocument('[data-test="job-cancel"]').attributes('disabled')).toBeDefined()
    stream.close()

    document.body.innerHTML = ''
    stubServer({ ...signedInAs('viewer'), [eventsPath]: () => eventStream().response() })
    await mountDialog('viewer', job)
    await eventually(() => inDocument('[data-test="job-summary"]'))
    expect(document.querySelector('[data-test="job-cancel"]')).toBeNull()
  })
})
