import { describe, expect, it, vi } from 'vitest'
import { inDocument, jsonResponse, mountConsole, signedInAs, stubServer } from '../../../test/unit/harness'
import { eventually } from '../../../test/unit/eventually'
import { endedStream, makeJob, makeJobItem, progressed } from '../jobs/job-fixtures'
import { cardsApi, enabledPlatform, makeCard } from './card-fixtures'

const importJob = makeJob({
  action: 'import',
  state: 'queued',
  selector: { kind: 'file', fileName: 'cards.csv', format: 'csv', platformId: null, dryRun: true },
  counts: { total: 3, ok: 0, skipped: 0, failed: 0, pending: 3 },
})
const checked = progressed(importJob, { ok: 2, failed: 1 }, { state: 'completed' })
const badRow = makeJobItem({
  seq: 3,
  cardId: null,
  subject: '1440000000003',
  result: 'failed',
  code: 'TYPE_UNKNOWN',
  message: 'type: "weekly" is not a card type',
})

/** Chooses `file` in the dialog's upload widget, as the browser's file picker would. */
async function choose(file: File): Promise<void> {
  const input = inDocument('.card-import-dialog input[type="file"]')
  Object.defineProperty(input.element, 'files', { value: [file], configurable: true })
  await input.trigger('change')
}

async function openImport(): Promise<void> {
  await inDocument('[data-test="bulk-menu"]').trigger('click')
  await eventually(() => inDocument('[data-test="bulk-import"]'))
  await inDocument('[data-test="bulk-import"]').trigger('click')
  await eventually(() => inDocument('.card-import-dialog [data-test="import-submit"]'))
}

const csv = () => new File(['卡号/number,ICCID,类型/type\n'], 'cards.csv', { type: 'text/csv' })

describe('CardImportDialog', () => {
  it('uploads a file to check, follows the job, lists the failed rows and downloads the error report', async () => {
    const saved: string[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download)
    })
    const uploads: FormData[] = []
    const { requests } = stubServer({
      ...signedInAs('operator'),
      ...cardsApi([makeCard()]),
      'POST /api/v1/cards/import': async (request) => {
        uploads.push(await request.formData())
        return jsonResponse(202, { jobId: importJob.id, job: importJob })
      },
      [`GET /api/v1/jobs/${importJob.id}/events`]: () => endedStream(checked),
      [`GET /api/v1/jobs/${importJob.id}/items`]: () => jsonResponse(200, { items: [badRow], total: 1 }),
      [`GET /api/v1/jobs/${importJob.id}/items/export`]: () =>
        new Response('row,code\n3,TYPE_UNKNOWN\n', {
          status: 200,
          headers: { 'content-disposition': 'attachment; filename="import-errors.csv"' },
        }),
    })
    const { wrapper } = await mountConsole('/cards')
    await eventually(() => expect(wrapper.find('.card-table').text()).toContain('1440123456789'))
    await openImport()

    expect(inDocument('[data-test="import-submit"]').attributes('disabled')).toBeDefined()
    await choose(new File(['x'], 'cards.txt'))
    await eventually(() =>
      expect(inDocument('[data-test="import-wrong-type"]').text()).toContain('.csv 或 .xlsx'),
    )
    await choose(csv())
    await eventually(() => expect(inDocument('[data-test="import-file"]').text()).toContain('cards.csv'))
    await inDocument('[data-test="import-dry-run"] input').setValue(true)
    await eventually(() => expect(inDocument('[data-test="import-submit"]').text()).toBe('开始校验'))
    await inDocument('[data-test="import-submit"]').trigger('click')

    await eventually(() => expect(uploads).toHaveLength(1))
    const upload = uploads[0]
    // No platform chosen: the file's 平台 column decides.
    expect(upload?.has('platformId')).toBe(false)
    expect(upload?.get('dryRun')).toBe('true')
    expect((upload?.get('file') as File).name).toBe('cards.csv')
    const post = requests.find((request) => request.method === 'POST')
    expect(post?.headers.get('authorization')).toBe('Bearer test-session-token')

    await eventually(() =>
      expect(inDocument('[data-test="import-summary"]').text()).toContain(
        '校验完成：2 行可以导入，1 行有错误',
      ),
    )
    await eventually(() => expect(inDocument('[data-test="import-summary"]').text()).toContain('第 3 行'))
    expect(inDocument('[data-test="import-summary"]').text()).toContain('类型无法识别')
    const items = requests.find((request) => request.url.includes('/items?'))
    expect(new URL(items?.url ?? '').searchParams.get('result')).toBe('failed')
    expect(inDocument('[data-test="import-commit"]').text()).toBe('正式导入')

    await inDocument('[data-test="import-error-report"]').trigger('click')
    await eventually(() => expect(saved).toEqual(['import-errors.csv']))
    const report = requests.find((request) => request.url.includes('/items/export'))
    expect(new URL(report?.url ?? '').searchParams.get('result')).toBe('failed')
  })

  it('sends the chosen platform, and shows a file-level refusal translated, with the server’s detail', async () => {
    const uploads: FormData[] = []
    stubServer({
      ...signedInAs('operator'),
      ...cardsApi([makeCard()]),
      'POST /api/v1/cards/import': async (request) => {
        uploads.push(await request.formData())
        return jsonResponse(400, {
          code: 'IMPORT_COLUMNS_MISSING',
          message: 'file: missing column 类型/type',
          details: { missing: ['类型/type'] },
        })
      },
    })
    const { wrapper } = await mountConsole('/cards')
    await eventually(() => expect(wrapper.find('.card-table').text()).toContain('1440123456789'))
    await openImport()

    await inDocument('[data-test="import-platform"]').trigger('click')
    const option = '.card-import-form__platforms .el-select-dropdown__item'
    await eventually(() => expect(inDocument(option).text()).toContain('参考平台'))
    await inDocument(option).trigger('click')
    await choose(csv())
    await eventually(() =>
      expect(inDocument('[data-test="import-submit"]').attributes('disabled')).toBeUndefined(),
    )
    await inDocument('[data-test="import-submit"]').trigger('click')

    await eventually(() => expect(uploads).toHaveLength(1))
    expect(uploads[0]?.get('platformId')).toBe(enabledPlatform.id)
    expect(uploads[0]?.get('dryRun')).toBe('false')
    const alert = await eventually(() => inDocument('[data-test="import-error"]'))
    expect(alert.text()).toContain('文件缺少必填列，请使用导入模板')
    expect(alert.text()).toContain('missing column 类型/type')
    // The form stays, so the user can pick another file.
    expect(inDocument('[data-test="import-submit"]').exists()).toBe(true)
  })
})
