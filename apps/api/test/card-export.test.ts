import { readTableRows } from '@simops/core'
import { startReferenceSimulator, type ReferenceSimulator } from '@simops/carrier-testkit/reference'
import { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cardNumber, createCard, createPlatform, referenceIccid, referenceRegistry } from './card-fixtures.js'
import { backends, useApp } from './harness.js'
import { uploadCards } from './import-fixtures.js'
import { waitForJob } from './job-fixtures.js'

async function tableOf(payload: Buffer, format: 'csv' | 'xlsx'): Promise<string[][]> {
  const rows: string[][] = []
  for await (const batch of readTableRows(Readable.from([payload]), format)) rows.push(...batch.rows)
  return rows
}

describe.each(backends)('card export on %s', (backend) => {
  let simulator: ReferenceSimulator
  beforeAll(async () => {
    simulator = await startReferenceSimulator({ cards: 5 })
  })
  afterAll(() => simulator.close())
  const h = useApp(backend, { carriers: referenceRegistry })
  let platformId: string
  let token: string
  const ids: string[] = []
  beforeAll(async () => {
    platformId = await createPlatform(h(), simulator, 'Export platform')
    token = await h().adminToken()
    for (let serial = 1; serial <= 12; serial += 1) {
      const card = await createCard(h(), token, {
        number: cardNumber(serial),
        iccid: referenceIccid(serial),
        platformId,
        type: serial % 2 ? 'month' : 'year',
        description: serial === 3 ? 'has, a comma and "quotes"' : '',
        tags: serial <= 4 ? ['north'] : [],
      })
      ids.push(card.id)
    }
  })

  it('exports every card matching the filter as csv, every list column, Chinese headers by default', async () => {
    const response = await h().request({ method: 'GET', url: '/api/v1/cards/export?tag=north', token })
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-disposition']).toMatch(/attachment; filename="cards-\d+\.csv"/)
    const rows = await tableOf(response.rawPayload, 'csv')
    expect(rows[0]?.slice(0, 6)).toEqual([
      '卡号/number',
      'ICCID',
      '平台/platform',
      '运营商',
      '类型/type',
      '状态',
    ])
    expect(rows.slice(1).map((r) => r[0])).toEqual([1, 2, 3, 4].map((s) => cardNumber(s)))
    expect(rows[3]).toContain('has, a comma and "quotes"')
    expect(rows[1]?.[2]).toBe('Export platform')
    expect(rows[1]?.[4]).toBe('月卡')
  })

  it('honours a selection of ids over the filter, and writes xlsx in English', async () => {
    const selected = [ids[10], ids[5]].join(',')
    const response = await h().request({
      method: 'GET',
      url: `/api/v1/cards/export?format=xlsx&lang=en&tag=north&ids=${selected}`,
      token,
    })
    expect(response.headers['content-type']).toContain('spreadsheetml')
    const rows = await tableOf(response.rawPayload, 'xlsx')
    expect(rows[0]?.[3]).toBe('carrier')
    expect(rows.slice(1).map((r) => r[0])).toEqual([cardNumber(6), cardNumber(11)])
    expect(rows[1]?.[1]).toBe(referenceIccid(6))
  })

  it('produces a file the import takes back', async () => {
    await h().core.startJobQueue({ pollingIntervalSeconds: 0.5, syncSchedule: false, recoverEveryMs: 500 })
    const exported = await h().request({ method: 'GET', url: `/api/v1/cards/export?ids=${ids[0]}`, token })
    await h().request({ method: 'DELETE', url: `/api/v1/cards/${ids[0]}`, token })
    const response = await uploadCards(h(), token, { name: 'again.csv', content: exported.rawPayload })
    expect(response.statusCode).toBe(202)
    const job = await waitForJob(h(), token, response.json<{ jobId: string }>().jobId)
    expect(job.counts).toMatchObject({ total: 1, ok: 1 })
  })

  it('writes the same cells in csv and xlsx: free text quoted, formulas defused, empty cells empty', async () => {
    const tricky = await createCard(h(), token, {
      number: cardNumber(40),
      iccid: referenceIccid(40),
      platformId,
      type: 'season',
      description: '=HYPERLINK("x"), then\na second line',
      tags: ['east', 'west'],
    })
    const selection = `ids=${tricky.id},${ids[2] ?? ''},${ids[4] ?? ''}`
    const tables = await Promise.all(
      (['csv', 'xlsx'] as const).map(async (format) => {
        const response = await h().request({
          method: 'GET',
          url: `/api/v1/cards/export?format=${format}&${selection}`,
          token,
        })
        expect(response.statusCode).toBe(200)
        return tableOf(response.rawPayload, format)
      }),
    )
    const [csvRows, xlsxRows] = tables
    expect(csvRows).toHaveLength(4)
    // xlsx leaves empty cells out of a row's end; csv writes them.
    const trimmed = (rows: string[][] = []) =>
      rows.map((row) => row.slice(0, row.findLastIndex((cell) => cell !== '') + 1))
    expect(trimmed(csvRows)).toEqual(trimmed(xlsxRows))
    const header = csvRows?.[0] ?? []
    const row = csvRows?.[3] ?? []
    expect(row[header.indexOf('说明/description')]).toBe(`'=HYPERLINK("x"), then\na second line`)
    expect(row[header.indexOf('标签/tags')]).toBe('east,west')
    expect(row[header.indexOf('类型/type')]).toBe('季卡')
    expect(row[header.indexOf('运营商')]).toBe(
      referenceRegistry.get('reference').definition.carrierName['zh-CN'],
    )
    await h().request({ method: 'DELETE', url: `/api/v1/cards/${tricky.id}`, token })
  })

  it('counts the cards of a filter exactly and refuses unknown filters', async () => {
    const count = await h().request({ method: 'GET', url: '/api/v1/cards/count?type=year', token })
    expect(count.json()).toEqual({ count: 6 })
    const unknown = await h().request({ method: 'GET', url: '/api/v1/cards/export?colour=red', token })
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringContaining('colour'),
    })
    const badIds = await h().request({ method: 'GET', url: '/api/v1/cards/export?ids=1,x', token })
    expect(badIds.statusCode).toBe(400)
  })
})
