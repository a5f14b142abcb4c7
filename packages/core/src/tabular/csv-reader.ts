import { ByteSource } from './byte-source.js'
import { CsvParser } from './csv-parser.js'
import { TableReadError } from './errors.js'
import { assertTextHead, SNIFF_BYTES } from './format.js'
import { RowBatcher, type TableRowBatch } from './row-batcher.js'
import { TableTextDecoder, type TextEncodingName } from './text-decoding.js'

/**
 * Comma unless the header line has none and has tabs or semicolons (Excel's "Unicode text" is
 * tab-separated; European Excel saves with semicolons).
 */
function detectDelimiter(text: string, encoding: TextEncodingName): string {
  let comma = false
  let tab = false
  let semicolon = false
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    if (char === '"') quoted = !quoted
    else if (quoted) continue
    else if (char === '\n' || char === '\r') break
    else if (char === ',') comma = true
    else if (char === '\t') tab = true
    else if (char === ';') semicolon = true
  }
  if (tab && encoding.startsWith('utf-16')) return '\t'
  if (comma) return ','
  if (tab) return '\t'
  return semicolon ? ';' : ','
}

/** CSV (or tab/semicolon separated) text in UTF-8, GBK/GB18030 or UTF-16 with BOM, in row batches. */
export async function* readCsvRows(
  source: AsyncIterable<Uint8Array>,
  batchSize: number,
  signal?: AbortSignal,
): AsyncGenerator<TableRowBatch> {
  const input = new ByteSource(source, signal)
  try {
    const head = await input.head(SNIFF_BYTES)
    if (head.bytes.length === 0) throw new TableReadError('TABLE_EMPTY', 'the file is empty')
    assertTextHead(head.bytes)
    const decoder = new TableTextDecoder(head.bytes, head.complete)
    let text = decoder.decode(head.bytes, 1)
    // TextDecoder drops UTF-8 and UTF-16 marks itself; GB18030 has one of its own.
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
    const batcher = new RowBatcher(batchSize)
    const parser = new CsvParser(detectDelimiter(text, decoder.encoding), (cells, row) =>
      batcher.add(cells, row),
    )
    parser.push(text)
    for (;;) {
      for (const batch of batcher.takeReady()) yield batch
      const piece = await input.next()
      if (piece === undefined) break
      parser.push(decoder.decode(piece, parser.rowCount + 1))
    }
    parser.push(decoder.end(parser.rowCount + 1))
    parser.end()
    for (const batch of batcher.takeAll()) yield batch
    if (batcher.rowCount === 0)
      throw new TableReadError('TABLE_EMPTY', 'the file has no rows, only blank lines')
  } finally {
    await input.close()
  }
}
