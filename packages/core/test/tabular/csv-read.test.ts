import { describe, expect, it } from 'vitest'
import { readTableRows, TableReadError } from '../../src/tabular/index.js'
import { bytes, readBatches, readFailure, readRows, utf8 } from './helpers.js'

const GBK = {
  卡号: [0xbf, 0xa8, 0xba, 0xc5],
  类型: [0xc0, 0xe0, 0xd0, 0xcd],
  物联网卡: [0xce, 0xef, 0xc1, 0xaa, 0xcd, 0xf8, 0xbf, 0xa8],
  备注: [0xb1, 0xb8, 0xd7, 0xa2],
}

/** ASCII rows `8986…,1440…` from row `from`, enough of them to pass the 64 KiB sniffing block. */
function asciiRows(count: number): string {
  let text = ''
  for (let i = 0; i < count; i++) text += `898604${String(i).padStart(14, '0')},${1440000000000 + i}\n`
  return text
}

describe('readTableRows (csv): encodings', () => {
  it('reads UTF-8 without a BOM', async () => {
    expect(await readRows(utf8('卡号,类型\n1440000000001,物联网卡\n'), 'csv')).toEqual([
      ['卡号', '类型'],
      ['1440000000001', '物联网卡'],
    ])
  })

  it('reads UTF-8 with a BOM and strips it from the first cell', async () => {
    const rows = await readRows(
      bytes([0xef, 0xbb, 0xbf], 'iccid,type\r\n89860412345678901234,M2M\r\n'),
      'csv',
    )
    expect(rows[0]).toEqual(['iccid', 'type'])
    expect(rows[1]).toEqual(['89860412345678901234', 'M2M'])
  })

  it('detects GBK (what Excel on Chinese Windows saves) and decodes it', async () => {
    const file = bytes(GBK.卡号, ',', GBK.类型, ',', GBK.备注, '\r\n1440000000001,', GBK.物联网卡, ',\r\n')
    expect(await readRows(file, 'csv', { pieceSize: 3 })).toEqual([
      ['卡号', '类型', '备注'],
      ['1440000000001', '物联网卡', ''],
    ])
  })

  it('strips the GB18030 byte-order mark too', async () => {
    const rows = await readRows(bytes([0x84, 0x31, 0x95, 0x33], GBK.卡号, ',x\r\n1,2\r\n'), 'csv')
    expect(rows).toEqual([
      ['卡号', 'x'],
      ['1', '2'],
    ])
  })

  it('switches to GBK when the first 64 KiB were plain ASCII', async () => {
    const head = asciiRows(3000)
    expect(head.length).toBeGreaterThan(64 * 1024)
    const rows = await readRows(bytes('iccid,number\n', head, '1,', GBK.物联网卡, '\n'), 'csv', {
      pieceSize: 10_000,
    })
    expect(rows).toHaveLength(3002)
    expect(rows[3001]).toEqual(['1', '物联网卡'])
  })

  it('refuses invalid UTF-8 after the first 64 KiB of a UTF-8 file, naming the row', async () => {
    const file = bytes('卡号,号码\n', asciiRows(3000), 'bad,', [0x31, 0xff, 0x32], '\n', asciiRows(10))
    const error = await readFailure(file, 'csv', { pieceSize: 4096 })
    expect(error).toBeInstanceOf(TableReadError)
    expect(error).toMatchObject({ code: 'TABLE_ENCODING', row: 3002 })
    expect((error as Error).message).toMatch(/not valid UTF-8 text: invalid byte near row 3002/)
  })

  it('refuses bytes that are neither UTF-8 nor GBK', async () => {
    const error = await readFailure(bytes(GBK.卡号, ',x\n1,', [0xff, 0xff], '\n'), 'csv')
    expect(error).toMatchObject({ code: 'TABLE_ENCODING', row: 2 })
    expect((error as Error).message).toBe('the file is not UTF-8 or GBK text (invalid byte near row 2)')
  })

  it('reads UTF-16 LE with a BOM (Excel "Unicode text") as tab-separated', async () => {
    const file = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('卡号\t备注\r\n1440,"a, b"\r\n', 'utf16le'),
    ])
    expect(await readRows(file, 'csv', { pieceSize: 5 })).toEqual([['卡号', '备注'], ['1440,"a, b"']])
  })
})

describe('readTableRows (csv): syntax', () => {
  it('handles quoted commas, doubled quotes, line breaks in cells, CRLF, LF and CR', async () => {
    const file = utf8('a,b,c\r\n"x, y","he said ""hi""","line 1\r\nline 2"\nlast,"",\rq,5" screen,z')
    expect(await readRows(file, 'csv')).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'he said "hi"', 'line 1\r\nline 2'],
      ['last', '', ''],
      ['q', '5" screen', 'z'],
    ])
  })

  it('gives the same rows however the bytes are cut', async () => {
    const file = utf8('卡号,"备 注",x\r\n"a""b","多\n行",\r\n1440,"",""""\r\n\r\n物联网卡,z,"end"')
    const whole = await readRows(file, 'csv')
    expect(whole).toHaveLength(4)
    for (const pieceSize of [1, 2, 3, 5, 7]) expect(await readRows(file, 'csv', { pieceSize })).toEqual(whole)
  })

  it('takes tab or semicolon when the header has them and no comma', async () => {
    expect(await readRows(utf8('iccid\ttype\n8986\tM2M, data\n'), 'csv')).toEqual([
      ['iccid', 'type'],
      ['8986', 'M2M, data'],
    ])
    expect(await readRows(utf8('iccid;type\n8986;M2M\n'), 'csv')).toEqual([
      ['iccid', 'type'],
      ['8986', 'M2M'],
    ])
    expect(await readRows(utf8('iccid,"a;b"\n1;2,3\n'), 'csv')).toEqual([
      ['iccid', 'a;b'],
      ['1;2', '3'],
    ])
  })

  it('reads a long quoted cell that arrives in many small pieces', async () => {
    const long = '多行\n"引号"'.repeat(30_000)
    const file = utf8(`a,b\n1,"${long.replaceAll('"', '""')}"\n2,x\n`)
    expect(await readRows(file, 'csv', { pieceSize: 1000 })).toEqual([
      ['a', 'b'],
      ['1', long],
      ['2', 'x'],
    ])
  })

  it('gives up on an unclosed quote after 1 MiB instead of buffering the whole file', async () => {
    let pulled = 0
    async function* endless(): AsyncGenerator<Uint8Array> {
      yield utf8('a,b\n1,"never closed\n')
      for (;;) {
        pulled++
        yield utf8('2,x\n'.repeat(16_384))
      }
    }
    const error = await readFailure(endless(), 'csv')
    expect(error).toMatchObject({ code: 'TABLE_CORRUPT', row: 2 })
    expect((error as Error).message).toMatch(/never closed/)
    expect(pulled).toBeLessThan(40)
  })

  it('refuses text after a closing quote, naming the row', async () => {
    const error = await readFailure(utf8('a,b\n1,2\n"x"y,3\n'), 'csv')
    expect(error).toMatchObject({ code: 'TABLE_CORRUPT', row: 3 })
  })

  it('refuses a quote that is never closed', async () => {
    const error = await readFailure(utf8('a,b\n1,"2\n3,4\n'), 'csv', { pieceSize: 4 })
    expect(error).toMatchObject({ code: 'TABLE_CORRUPT', row: 2 })
    expect((error as Error).message).toMatch(/never closed/)
  })
})

describe('readTableRows (csv): batches and row numbers', () => {
  it('skips blank rows but keeps counting, so firstRow + i is each row’s number', async () => {
    const lines = ['h1,h2', 'r2,x', 'r3,x', '', 'r5,x', 'r6,x', ' , ', 'r8,x', 'r9,x', 'r10,x']
    const batches = await readBatches(utf8(lines.join('\r\n') + '\r\n'), 'csv', { batchSize: 3 })
    expect(batches.map((batch) => [batch.firstRow, batch.rows.map((row) => row[0])])).toEqual([
      [1, ['h1', 'r2', 'r3']],
      [5, ['r5', 'r6']],
      [8, ['r8', 'r9', 'r10']],
    ])
  })

  it('counts a quoted line break as part of its row, not a new one', async () => {
    const batches = await readBatches(utf8('h\n"a\nb"\n\nc\n'), 'csv')
    expect(batches).toEqual([
      { firstRow: 1, rows: [['h'], ['a\nb']] },
      { firstRow: 4, rows: [['c']] },
    ])
  })

  it('batches a large file in batchSize rows', async () => {
    const batches = await readBatches(utf8('iccid,number\n' + asciiRows(2500)), 'csv', { pieceSize: 777 })
    expect(batches.map((batch) => [batch.firstRow, batch.rows.length])).toEqual([
      [1, 1000],
      [1001, 1000],
      [2001, 501],
    ])
    expect(batches[2]?.rows[500]).toEqual(['89860400000000002499', '1440000002499'])
  })
})

describe('readTableRows (csv): refusals and control', () => {
  it('refuses an empty file and one of blank lines only', async () => {
    expect(await readFailure(new Uint8Array(0), 'csv')).toMatchObject({ code: 'TABLE_EMPTY' })
    expect(await readFailure(bytes([0xef, 0xbb, 0xbf], '\r\n , \r\n\r\n'), 'csv')).toMatchObject({
      code: 'TABLE_EMPTY',
    })
  })

  it('refuses xls and binary content read as csv', async () => {
    const xls = bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 'rest')
    expect(await readFailure(xls, 'csv')).toMatchObject({ code: 'TABLE_FORMAT' })
    expect(await readFailure(bytes('iccid,type\n', [0, 0, 0, 7]), 'csv')).toMatchObject({
      code: 'TABLE_FORMAT',
    })
  })

  it('releases the source when the caller stops early', async () => {
    let released = false
    async function* source(): AsyncGenerator<Uint8Array> {
      try {
        yield utf8('h\n' + 'x\n'.repeat(5000))
        yield utf8('y\n'.repeat(5000))
      } finally {
        released = true
      }
    }
    for await (const batch of readTableRows(source(), 'csv')) {
      expect(batch.firstRow).toBe(1)
      break
    }
    expect(released).toBe(true)
  })

  it('stops with the abort reason while the source is waiting', async () => {
    const controller = new AbortController()
    async function* stalled(): AsyncGenerator<Uint8Array> {
      yield utf8('iccid\n8986\n')
      await new Promise(() => undefined)
    }
    const reading = readBatches(stalled(), 'csv', { signal: controller.signal })
    setTimeout(() => controller.abort(new Error('upload cancelled')), 20)
    await expect(reading).rejects.toThrow('upload cancelled')
  })

  it('refuses a batch size that is not a positive integer', () => {
    expect(() => readTableRows(utf8Source(), 'csv', { batchSize: 0 })).toThrow(RangeError)
  })
})

async function* utf8Source(): AsyncGenerator<Uint8Array> {
  yield utf8('a\n')
}
