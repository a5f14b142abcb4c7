import { crc32 } from 'node:zlib'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { readTableRows, TableReadError, xlsxTableWriter } from '../../src/tabular/index.js'
import { memorySink, readBatches, readFailure, readRows } from './helpers.js'

async function workbookBytes(build: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook()
  build(workbook)
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}

async function streamedWorkbook(rows: Array<Array<string | number | null>>): Promise<Uint8Array> {
  const sink = memorySink()
  const writer = xlsxTableWriter(sink.out, {
    sheetName: '卡片',
    columns: [
      { header: '卡号', text: true },
      { header: 'ICCID', text: true },
      { header: '备注' },
      { header: '数量' },
    ],
  })
  for (const row of rows) await writer.writeRow(row)
  await writer.end()
  return sink.bytes()
}

/** A zip holding one stored file, written by hand: a valid archive that is not a workbook. */
function zipOf(name: string, content: string): Uint8Array {
  const fileName = Buffer.from(name)
  const data = Buffer.from(content)
  const local = Buffer.alloc(30)
  local.writeUInt32LE(0x04034b50, 0)
  local.writeUInt16LE(20, 4)
  local.writeUInt32LE(crc32(data), 14)
  local.writeUInt32LE(data.length, 18)
  local.writeUInt32LE(data.length, 22)
  local.writeUInt16LE(fileName.length, 26)
  const central = Buffer.alloc(46)
  central.writeUInt32LE(0x02014b50, 0)
  central.writeUInt16LE(20, 4)
  central.writeUInt16LE(20, 6)
  central.writeUInt32LE(crc32(data), 16)
  central.writeUInt32LE(data.length, 20)
  central.writeUInt32LE(data.length, 24)
  central.writeUInt16LE(fileName.length, 28)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(1, 8)
  end.writeUInt16LE(1, 10)
  end.writeUInt32LE(central.length + fileName.length, 12)
  end.writeUInt32LE(local.length + fileName.length + data.length, 16)
  return Buffer.concat([local, fileName, data, central, fileName, end])
}

/** Deterministic noise (an LCG), so a failure can be replayed. */
function noise(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length)
  let state = seed
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0
    out[i] = state >>> 24
  }
  return out
}

const chinese = (i: number) => `设备${i}号位于华东仓库第${i % 97}排，用于智能电表远程抄表与数据回传，状态正常`

describe('readTableRows (xlsx): what xlsxTableWriter wrote', () => {
  it('round-trips Chinese text, 20-digit ICCIDs and empty cells in the middle', async () => {
    const file = await streamedWorkbook([
      ['14400000000001', '89860412345678901234', '智能电表', 3],
      ['14400000000002', '89860412345678901242', null, 4.5],
      [14400000000003, '89860412345678901259', '', null],
    ])
    expect(await readRows(file, 'xlsx')).toEqual([
      ['卡号', 'ICCID', '备注', '数量'],
      ['14400000000001', '89860412345678901234', '智能电表', '3'],
      ['14400000000002', '89860412345678901242', '', '4.5'],
      ['14400000000003', '89860412345678901259', ''],
    ])
  })

  it('keeps Chinese characters that straddle chunks of the sheet XML', async () => {
    const rows = Array.from({ length: 4000 }, (_, i) => [
      String(i),
      `898604${String(i).padStart(14, '0')}`,
      chinese(i),
    ])
    const read = await readRows(await streamedWorkbook(rows), 'xlsx')
    expect(read).toHaveLength(4001)
    const damaged = read.filter((row) => row.some((cell) => cell.includes('\uFFFD')))
    expect(damaged).toEqual([])
    expect(read.slice(1).map((row) => row[2])).toEqual(rows.map((row) => row[2]))
  })
})

describe('readTableRows (xlsx): a workbook as Excel writes it', () => {
  it('reads shared strings, numbers, dates, formulas, rich text, links and booleans as text', async () => {
    const file = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet('cards')
      sheet.addRow(['iccid', 'number', 'opened', 'formula', 'rich', 'link', 'flag', 'amount', 'error', 'at'])
      sheet.addRow([
        '89860412345678901234',
        1440000000001,
        new Date(Date.UTC(2024, 0, 15)),
        { formula: 'B2*2', result: 2880000000002 },
        { richText: [{ text: '物联' }, { text: '网卡', font: { bold: true } }] },
        { text: '详情', hyperlink: 'https://example.com/cards/1' },
        true,
        12.5,
        { error: '#N/A' },
        new Date(Date.UTC(2024, 0, 15, 8, 30)),
      ])
      sheet.addRow([])
      sheet.addRow(['89860412345678901242', null, null, 7])
      sheet.addRow([1e21, 123456789012345680000])
      workbook.addWorksheet('other').addRow(['not', 'read'])
    })
    const batches = await readBatches(file, 'xlsx')
    expect(batches.map((batch) => batch.firstRow)).toEqual([1, 4])
    expect(batches.flatMap((batch) => batch.rows)).toEqual([
      ['iccid', 'number', 'opened', 'formula', 'rich', 'link', 'flag', 'amount', 'error', 'at'],
      [
        '89860412345678901234',
        '1440000000001',
        '2024-01-15',
        '2880000000002',
        '物联网卡',
        '详情',
        'true',
        '12.5',
        '#N/A',
        '2024-01-15T08:30:00.000Z',
      ],
      ['89860412345678901242', '', '', '7'],
      ['1000000000000000000000', '123456789012345680000'],
    ])
  })

  it('keeps Chinese shared strings whole across chunks of sharedStrings.xml', async () => {
    const texts = Array.from({ length: 4000 }, (_, i) => chinese(i))
    const file = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet('cards')
      for (const text of texts) sheet.addRow([text])
    })
    expect((await readRows(file, 'xlsx')).map((row) => row[0])).toEqual(texts)
  })

  it('reads the first visible sheet', async () => {
    const file = await workbookBytes((workbook) => {
      workbook.addWorksheet('lookup', { state: 'hidden' }).addRow(['hidden'])
      workbook.addWorksheet('cards').addRow(['visible'])
    })
    expect(await readRows(file, 'xlsx')).toEqual([['visible']])
  })

  it('refuses a workbook whose first sheet is empty', async () => {
    const file = await workbookBytes((workbook) => {
      workbook.addWorksheet('cards')
      workbook.addWorksheet('more').addRow(['x'])
    })
    expect(await readFailure(file, 'xlsx')).toMatchObject({ code: 'TABLE_EMPTY' })
  })
})

describe('readTableRows (xlsx): damaged files', () => {
  it('refuses a truncated workbook, wherever it was cut', async () => {
    const file = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet('cards')
      for (let i = 0; i < 2000; i++) sheet.addRow([`898604${i}`, chinese(i)])
    })
    for (const keep of [0.1, 0.5, 0.9, 0.999]) {
      const error = await readFailure(file.subarray(0, Math.floor(file.length * keep)), 'xlsx', {
        pieceSize: 8192,
      })
      expect(error, `cut at ${keep}`).toBeInstanceOf(TableReadError)
      expect(error, `cut at ${keep}`).toMatchObject({ code: 'TABLE_CORRUPT' })
    }
  })

  it('ends, never hangs, when bytes inside the zip are damaged', async () => {
    // Zeroed runs inside compressed entries: some make the unzip layer fail with an error event
    // exceljs never awaits (these hung before the tripwire).
    const rows = Array.from({ length: 2000 }, (_, i) => [`898604${i}`, `898604${i}`, chinese(i), i])
    const files = {
      excel: await workbookBytes((workbook) => {
        const sheet = workbook.addWorksheet('cards')
        for (const row of rows) sheet.addRow(row)
      }),
      streamed: await streamedWorkbook(rows),
    }
    for (const [name, file] of Object.entries(files)) {
      for (const at of [0.04, 0.1, 0.3, 0.6, 0.94]) {
        const damaged = Buffer.from(file)
        damaged.fill(0, Math.floor(file.length * at), Math.floor(file.length * at) + 64)
        const outcome = await readRows(damaged, 'xlsx', { pieceSize: 8192 }).then(
          (read) => `read ${read.length} rows`,
          (error: unknown) => (error instanceof TableReadError ? error.code : String(error)),
        )
        // Damage to a part the reader skips (theme, properties) may go unnoticed.
        expect(
          [`read ${rows.length + (name === 'streamed' ? 1 : 0)} rows`, 'TABLE_CORRUPT'],
          `${name} at ${at}`,
        ).toContain(outcome)
      }
    }
  })

  it('refuses random bytes after the zip magic', async () => {
    for (const seed of [1, 2, 3, 42, 1234]) {
      const file = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), noise(20_000, seed)])
      expect(await readFailure(file, 'xlsx', { pieceSize: 4096 }), `seed ${seed}`).toMatchObject({
        code: 'TABLE_CORRUPT',
      })
    }
  })

  it('refuses a zip that is not a workbook', async () => {
    const error = await readFailure(zipOf('hello.txt', 'hello'), 'xlsx')
    expect(error).toMatchObject({ code: 'TABLE_CORRUPT' })
    expect((error as Error).message).toMatch(/not an Excel workbook/)
  })
})

describe('readTableRows (xlsx): control', () => {
  it('passes on an error of the upload itself', async () => {
    const file = await streamedWorkbook([['1', '2', '3', 4]])
    async function* failing(): AsyncGenerator<Uint8Array> {
      yield file.subarray(0, 100)
      throw new Error('connection reset')
    }
    await expect(readBatches(failing(), 'xlsx')).rejects.toThrow('connection reset')
  })

  it('stops with the abort reason while the source is waiting', async () => {
    const file = await streamedWorkbook([['1', '2', '3', 4]])
    const controller = new AbortController()
    async function* stalled(): AsyncGenerator<Uint8Array> {
      yield file.subarray(0, 200)
      await new Promise(() => undefined)
    }
    const reading = readBatches(stalled(), 'xlsx', { signal: controller.signal })
    setTimeout(() => controller.abort(new Error('upload cancelled')), 50)
    await expect(reading).rejects.toThrow('upload cancelled')
  })

  it('releases the source when the caller stops early', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => [String(i), String(i), chinese(i), i])
    const file = await streamedWorkbook(rows)
    let released = false
    async function* source(): AsyncGenerator<Uint8Array> {
      try {
        for (let at = 0; at < file.length; at += 4096) yield file.subarray(at, at + 4096)
      } finally {
        released = true
      }
    }
    for await (const batch of readTableRows(source(), 'xlsx', { batchSize: 100 })) {
      expect(batch.rows).toHaveLength(100)
      break
    }
    await new Promise((resolve) => setImmediate(resolve))
    expect(released).toBe(true)
  })
})
