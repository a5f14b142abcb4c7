import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { OutputClosedError, xlsxTableWriter, type XlsxWriterOptions } from '../../src/tabular/index.js'
import { memorySink, readRows } from './helpers.js'

const options: XlsxWriterOptions = {
  sheetName: 'cards: 2024/12 [export]',
  columns: [
    { header: '卡号', text: true },
    { header: 'ICCID', text: true, width: 24 },
    { header: '流量 (bytes)' },
  ],
}

describe('xlsxTableWriter', () => {
  it('writes a bold, frozen header, text-formatted text columns and a valid sheet name', async () => {
    const sink = memorySink()
    const writer = xlsxTableWriter(sink.out, options)
    await writer.writeRow(['14400000000001', 89860412345678, 1048576])
    await writer.end()

    const workbook = new ExcelJS.Workbook()
    const bytes = sink.bytes()
    // exceljs declares its own ArrayBuffer-shaped Buffer type; an exact ArrayBuffer satisfies it.
    await workbook.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer,
    )
    const sheet = workbook.worksheets[0]
    expect(sheet?.name).toBe('cards  2024 12  export')
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(sheet?.getRow(1).getCell(1).font?.bold).toBe(true)
    expect(sheet?.getColumn(2).width).toBe(24)
    const row = sheet?.getRow(2)
    expect(row?.getCell(1).numFmt).toBe('@')
    expect(row?.getCell(2).numFmt).toBe('@')
    // A number given for a text column is stored as text; other numbers stay numbers.
    expect(row?.getCell(2).value).toBe('89860412345678')
    expect(row?.getCell(3).value).toBe(1048576)
  })

  it('waits for a slow output and still delivers every row', async () => {
    const sink = memorySink({ delayMs: 1, highWaterMark: 1024 })
    const writer = xlsxTableWriter(sink.out, options)
    for (let i = 0; i < 5000; i++)
      await writer.writeRow([String(i), `898604${String(i).padStart(14, '0')}`, i])
    await writer.end()
    const rows = await readRows(sink.bytes(), 'xlsx')
    expect(rows).toHaveLength(5001)
    expect(rows[5000]).toEqual(['4999', '89860400000000004999', '4999'])
  })

  it('fails instead of waiting forever when the output closes early', async () => {
    const sink = memorySink({ delayMs: 5, highWaterMark: 1024 })
    const writer = xlsxTableWriter(sink.out, options)
    setTimeout(() => sink.out.destroy(), 50)
    const writing = (async () => {
      for (let i = 0; i < 200_000; i++) await writer.writeRow([String(i), 'x'.repeat(50), i])
      await writer.end()
    })()
    await expect(writing).rejects.toBeInstanceOf(OutputClosedError)
  })
})
