import { readTableRows, xlsxTableWriter } from '@simops/core'
import { startReferenceSimulator, type ReferenceSimulator } from '@simops/carrier-testkit/reference'
import { PassThrough, Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cardNumber, createCard, createPlatform, referenceIccid, referenceRegistry } from './card-fixtures.js'
import { backends, useApp } from './harness.js'
import { csv, uploadCards } from './import-fixtures.js'
import { waitForJob } from './job-fixtures.js'

// A China Mobile ICCID: its 898600 prefix refuses it on a reference platform.
const CHINA_MOBILE_ICCID = '89860012345678901230'
const HEADER = ['卡号/number', 'ICCID', '类型/type', '说明/description']

interface Item {
  seq: number
  subject: string
  result: string
  code: string | null
  message: string | null
  cardId: string | null
}

describe.each(backends)('card import on %s', (backend) => {
  let simulator: ReferenceSimulator
  beforeAll(async () => {
    simulator = await startReferenceSimulator({ cards: 10 })
  })
  afterAll(() => simulator.close())
  const h = useApp(backend, { carriers: referenceRegistry, importMaxBytes: 64 * 1024 })
  let platformId: string
  let token: string
  beforeAll(async () => {
    await h().core.startJobQueue({ pollingIntervalSeconds: 0.5, syncSchedule: false, recoverEveryMs: 500 })
    platformId = await createPlatform(h(), simulator, '参考平台')
    token = await h().adminToken()
  })

  const items = async (jobId: string, result?: string) =>
    (
      await h().request({
        method: 'GET',
        url: `/api/v1/jobs/${jobId}/items?pageSize=100${result ? `&result=${result}` : ''}`,
        token,
      })
    ).json<{ items: Item[] }>().items

  it('creates the valid rows and reports each bad one with its row number and reason', async () => {
    await createCard(h(), token, {
      number: cardNumber(90),
      iccid: referenceIccid(90),
      platformId,
      type: 'year',
    })
    const file = csv([
      HEADER,
      [cardNumber(1), referenceIccid(1), '月卡', 'first'],
      [cardNumber(2), referenceIccid(2), 'year', 'C:\\new\\tab "quoted"'],
      ['12345', referenceIccid(3), 'month', 'short number'],
      [cardNumber(1), referenceIccid(4), 'month', 'number repeated'],
      [cardNumber(90), referenceIccid(91), 'month', 'already registered'],
      [cardNumber(5), CHINA_MOBILE_ICCID, 'month', 'other carrier'],
      [cardNumber(6), referenceIccid(6), '半年卡', 'unknown type'],
      [cardNumber(7), referenceIccid(7), '其他', 'last'],
    ])
    const response = await uploadCards(h(), token, { name: 'cards.csv', content: file }, { platformId })
    expect(response.statusCode).toBe(202)
    const job = await waitForJob(h(), token, response.json<{ jobId: string }>().jobId)
    expect(job).toMatchObject({
      state: 'completed',
      counts: { total: 8, ok: 3, failed: 5, skipped: 0, pending: 0 },
    })
    const failed = await items(job.id, 'failed')
    expect(failed.map((i) => [i.seq, i.code])).toEqual([
      [4, 'NUMBER_INVALID'],
      [5, 'DUPLICATE_IN_FILE'],
      [6, 'NUMBER_TAKEN'],
      [7, 'ICCID_CARRIER_MISMATCH'],
      [8, 'TYPE_UNKNOWN'],
    ])
    expect(failed[1]?.message).toContain('row 2')
    const ok = await items(job.id, 'ok')
    expect(ok.map((i) => i.subject)).toEqual([cardNumber(1), cardNumber(2), cardNumber(7)])
    const created = await h().request({ method: 'GET', url: `/api/v1/cards/${ok[0]?.cardId}`, token })
    expect(created.json()).toMatchObject({ number: cardNumber(1), type: 'month', description: 'first' })
    // Backslashes survive the bulk load (COPY on the server gives them meaning).
    const second = await h().request({ method: 'GET', url: `/api/v1/cards/${ok[1]?.cardId}`, token })
    expect(second.json()).toMatchObject({ description: 'C:\\new\\tab "quoted"' })
    const audit = await h().request({
      method: 'GET',
      url: `/api/v1/operations?action=card.create&jobId=${job.id}&result=success&limit=50`,
      token,
    })
    const rows = audit.json<{ items: { details: { row?: number } | null }[] }>().items
    expect(rows.filter((r) => r.details?.row !== undefined)).toHaveLength(3)
    // Refused rows are in the audit log under the job too, with their reason.
    const refused = await h().request({
      method: 'GET',
      url: `/api/v1/operations?jobId=${job.id}&result=failure`,
      token,
    })
    expect(
      refused
        .json<{ items: { error: { code: string } }[] }>()
        .items.map((r) => r.error.code)
        .sort(),
    ).toEqual([
      'DUPLICATE_IN_FILE',
      'ICCID_CARRIER_MISMATCH',
      'NUMBER_INVALID',
      'NUMBER_TAKEN',
      'TYPE_UNKNOWN',
    ])

    const report = await h().request({
      method: 'GET',
      url: `/api/v1/jobs/${job.id}/items/export?result=failed`,
      token,
    })
    expect(report.headers['content-type']).toMatch(/text\/csv/)
    expect(report.body.split('\r\n').filter(Boolean)).toHaveLength(6)
    expect(report.body).toContain('ICCID_CARRIER_MISMATCH')
  })

  it('checks without creating anything on a dry run', async () => {
    const file = csv([
      HEADER,
      [cardNumber(20), referenceIccid(20), 'month', ''],
      ['x', referenceIccid(21), 'month', ''],
    ])
    const response = await uploadCards(
      h(),
      token,
      { name: 'dry.csv', content: file },
      { platformId, dryRun: 'true' },
    )
    const job = await waitForJob(h(), token, response.json<{ jobId: string }>().jobId)
    expect(job.counts).toMatchObject({ total: 2, ok: 1, failed: 1 })
    expect((await items(job.id, 'ok'))[0]).toMatchObject({ code: 'DRY_RUN', cardId: null })
    const listed = await h().request({ method: 'GET', url: `/api/v1/cards?number=${cardNumber(20)}`, token })
    expect(listed.json<{ total: number }>().total).toBe(0)
  })

  it('reads xlsx with a platform column naming the platform, and GBK csv from Excel', async () => {
    const out = new PassThrough()
    const chunks: Buffer[] = []
    out.on('data', (chunk: Buffer) => chunks.push(chunk))
    const writer = xlsxTableWriter(out, {
      sheetName: 'cards',
      columns: ['卡号', 'ICCID', '平台', '类型'].map((header) => ({ header, text: true })),
    })
    await writer.writeRow([cardNumber(30), referenceIccid(30), '参考平台', 'season'])
    await writer.writeRow([cardNumber(31), referenceIccid(31), 'no such platform', 'season'])
    await writer.end()
    const xlsx = await uploadCards(h(), token, { name: 'cards.xlsx', content: Buffer.concat(chunks) })
    expect(xlsx.statusCode).toBe(202)
    const xlsxJob = await waitForJob(h(), token, xlsx.json<{ jobId: string }>().jobId)
    expect(xlsxJob.counts).toMatchObject({ ok: 1, failed: 1 })
    expect((await items(xlsxJob.id, 'failed'))[0]?.code).toBe('PLATFORM_NOT_FOUND')

    // 卡号,ICCID,类型 and 月卡 in GBK, as Excel on Chinese Windows saves "CSV".
    const gbk = Buffer.concat([
      Buffer.from([0xbf, 0xa8, 0xba, 0xc5]),
      Buffer.from(',ICCID,'),
      Buffer.from([0xc0, 0xe0, 0xd0, 0xcd]),
      Buffer.from(`\r\n${cardNumber(32)},${referenceIccid(32)},`),
      Buffer.from([0xd4, 0xc2, 0xbf, 0xa8]),
      Buffer.from('\r\n'),
    ])
    const gbkResponse = await uploadCards(h(), token, { name: 'gbk.csv', content: gbk }, { platformId })
    expect(gbkResponse.statusCode).toBe(202)
    const gbkJob = await waitForJob(h(), token, gbkResponse.json<{ jobId: string }>().jobId)
    expect(gbkJob.counts).toMatchObject({ total: 1, ok: 1 })
  })

  it('refuses files it cannot read as a whole, leaving no job and no card', async () => {
    const before = (await h().request({ method: 'GET', url: '/api/v1/jobs?pageSize=200', token })).json<{
      total: number
    }>().total
    const refused = async (file: { name: string; content: Buffer | string }, fields = { platformId }) => {
      const response = await uploadCards(h(), token, file, fields)
      return { status: response.statusCode, body: response.json<{ code: string; message: string }>() }
    }
    expect(
      await refused({
        name: 'a.csv',
        content: csv([
          ['卡号', '说明'],
          [cardNumber(40), 'x'],
        ]),
      }),
    ).toMatchObject({
      status: 400,
      body: { code: 'IMPORT_COLUMNS_MISSING', message: expect.stringContaining('ICCID') },
    })
    expect((await refused({ name: 'a.csv', content: csv([HEADER]) })).body.code).toBe('IMPORT_EMPTY')
    expect((await refused({ name: 'a.csv', content: '' })).body.code).toBe('TABLE_EMPTY')
    expect(
      (
        await refused({
          name: 'a.xlsx',
          content: Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(200, 7)]),
        })
      ).body.code,
    ).toBe('TABLE_CORRUPT')
    expect(
      (
        await refused({
          name: 'old.xls',
          content: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
        })
      ).body.code,
    ).toBe('TABLE_FORMAT')
    expect(
      (
        await refused(
          { name: 'a.csv', content: csv([HEADER]) },
          { platformId: '00000000-0000-4000-8000-000000000000' },
        )
      ).body.code,
    ).toBe('PLATFORM_NOT_FOUND')
    const noPlatform = await refused(
      { name: 'a.csv', content: csv([HEADER, [cardNumber(41), referenceIccid(41), 'month', '']]) },
      {} as { platformId: string },
    )
    expect(noPlatform.body).toMatchObject({
      code: 'IMPORT_COLUMNS_MISSING',
      message: expect.stringContaining('平台/platform'),
    })
    const big = csv([
      HEADER,
      ...Array.from({ length: 3000 }, (_, i) => [
        cardNumber(1000 + i),
        referenceIccid(1000 + i),
        'month',
        'x'.repeat(20),
      ]),
    ])
    const tooLarge = await refused({ name: 'big.csv', content: big })
    expect(tooLarge).toMatchObject({
      status: 413,
      body: { code: 'FILE_TOO_LARGE', message: expect.stringContaining('MB') },
    })
    const json = await h().request({
      method: 'POST',
      url: '/api/v1/cards/import',
      token,
      payload: { file: 'x' },
    })
    expect(json.statusCode).toBe(400)
    expect(json.json()).toMatchObject({ code: 'IMPORT_NOT_MULTIPART' })

    const after = (await h().request({ method: 'GET', url: '/api/v1/jobs?pageSize=200', token })).json<{
      total: number
    }>().total
    expect(after).toBe(before)
    const stray = await h().request({ method: 'GET', url: `/api/v1/cards?number=${cardNumber(1000)}`, token })
    expect(stray.json<{ total: number }>().total).toBe(0)
  })

  it('offers the template with bilingual headers in csv and xlsx', async () => {
    const csvTemplate = await h().request({
      method: 'GET',
      url: '/api/v1/cards/import-template?format=csv',
      token,
    })
    expect(csvTemplate.body.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(
      '卡号/number,ICCID,平台/platform,类型/type,说明/description,IMSI,IMEI,标签/tags,到期日/expiresOn',
    )
    const xlsxTemplate = await h().request({
      method: 'GET',
      url: '/api/v1/cards/import-template?format=xlsx',
      token,
    })
    expect(xlsxTemplate.headers['content-type']).toContain('spreadsheetml')
    const rows: string[][] = []
    for await (const batch of readTableRows(Readable.from([xlsxTemplate.rawPayload]), 'xlsx'))
      rows.push(...batch.rows)
    expect(rows[0]?.[0]).toBe('卡号/number')
  })
})
