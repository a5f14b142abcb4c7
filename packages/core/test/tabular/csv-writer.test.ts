import { describe, expect, it } from 'vitest'
import { csvTableWriter, defuseFormula, OutputClosedError } from '../../src/tabular/index.js'
import { memorySink, readRows } from './helpers.js'

describe('csvTableWriter', () => {
  it('quotes only cells with commas, quotes or line breaks; CRLF; UTF-8 with a BOM', async () => {
    const sink = memorySink()
    const writer = csvTableWriter(sink.out)
    await writer.writeRow(['卡号', 'ICCID', '备注'])
    await writer.writeRow(['14400000000001', '89860412345678901234', 'a, b'])
    await writer.writeRow([1440, null, 'say "hi"'])
    await writer.writeRow(['line 1\nline 2', 'cr\r', ''])
    await writer.end()
    const bytes = sink.bytes()
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(bytes.subarray(3).toString('utf8')).toBe(
      '卡号,ICCID,备注\r\n' +
        '14400000000001,89860412345678901234,"a, b"\r\n' +
        '1440,,"say ""hi"""\r\n' +
        '"line 1\nline 2","cr\r",\r\n',
    )
  })

  it('leaves the BOM out when asked', async () => {
    const sink = memorySink()
    const writer = csvTableWriter(sink.out, { bom: false })
    await writer.writeRow(['a'])
    await writer.end()
    expect(sink.bytes().toString('utf8')).toBe('a\r\n')
  })

  it('writes what readTableRows reads back', async () => {
    const rows = [
      ['卡号', '备注'],
      ['1', '"quoted", with comma\r\nand line'],
      ['2', ' spaced '],
    ]
    const sink = memorySink()
    const writer = csvTableWriter(sink.out)
    for (const row of rows) await writer.writeRow(row)
    await writer.end()
    expect(await readRows(sink.bytes(), 'csv')).toEqual(rows)
  })

  it('waits for a slow output and still delivers every row', async () => {
    const sink = memorySink({ delayMs: 1, highWaterMark: 1024 })
    const writer = csvTableWriter(sink.out)
    let waits = 0
    for (let i = 0; i < 20_000; i++) {
      const written = writer.writeRow([String(i), `898604${String(i).padStart(14, '0')}`, '物联网卡'])
      if (written instanceof Promise) {
        waits++
        await written
      }
      // Backpressure works only if the writer never lets the output buffer run far past its mark.
      expect(sink.out.writableLength).toBeLessThan(200 * 1024)
    }
    await writer.end()
    expect(waits).toBeGreaterThan(0)
    const rows = await readRows(sink.bytes(), 'csv')
    expect(rows).toHaveLength(20_000)
    expect(rows[19_999]).toEqual(['19999', '89860400000000019999', '物联网卡'])
  })

  it('fails instead of waiting forever when the output closes early', async () => {
    const sink = memorySink({ delayMs: 5, highWaterMark: 1024 })
    const writer = csvTableWriter(sink.out)
    setTimeout(() => sink.out.destroy(), 20)
    const writing = (async () => {
      for (let i = 0; i < 1_000_000; i++) await writer.writeRow([String(i), 'x'.repeat(50)])
    })()
    await expect(writing).rejects.toBeInstanceOf(OutputClosedError)
  })
})

describe('defuseFormula', () => {
  it('puts an apostrophe before text a spreadsheet would run, and leaves the rest alone', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r'])
      expect(defuseFormula(`${start}HYPERLINK("x")`)).toBe(`'${start}HYPERLINK("x")`)
    for (const safe of ['plain', '1+1', ' =not at the start', '', "'already"])
      expect(defuseFormula(safe)).toBe(safe)
  })
})
