import { TextDecoder } from 'node:util'

/** The parts of exceljs 4.4's streaming WorkbookReader this module relies on beyond its types. */
interface WorkbookReaderInternals {
  _parseWorksheet(iterator: AsyncIterable<Uint8Array | string>, sheetNo: string): unknown
  _parseSharedStrings(entry: NodeJS.ReadableStream): unknown
  model?: { sheets?: Array<{ id?: number | string; state?: string }> }
  workbookRels?: unknown
}

export interface ReaderLeftovers {
  /** Temporary copies of worksheets exceljs made (when shared strings come later in the zip). */
  tempFiles: string[]
  /** Streams over those copies, to close when reading stops early. */
  streams: Array<{ destroy(): unknown }>
}

function internalsOf(reader: object): WorkbookReaderInternals {
  const internals = reader as WorkbookReaderInternals
  if (
    typeof internals._parseWorksheet !== 'function' ||
    typeof internals._parseSharedStrings !== 'function'
  ) {
    throw new Error('exceljs WorkbookReader internals changed; review src/tabular/xlsx-reader-fixes.ts')
  }
  return internals
}

/** UTF-8 decoding that keeps state across chunks, so a character split between two is not lost. */
async function* utf8Text(chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8')
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true })
    if (text.length > 0) yield text
  }
  const rest = decoder.decode()
  if (rest.length > 0) yield rest
}

/**
 * exceljs 4.4 decodes each inflated chunk of sheet XML on its own, so a Chinese character that
 * straddles two chunks becomes U+FFFD (about one row in 5,000 of Chinese text). Hand its XML parser
 * text instead of bytes: worksheets through a stateful decoder, shared strings through
 * setEncoding (Node's StringDecoder). Also notes the temporary worksheet copies to delete.
 */
export function fixWorkbookReader(reader: object): ReaderLeftovers {
  const internals = internalsOf(reader)
  const leftovers: ReaderLeftovers = { tempFiles: [], streams: [] }
  const parseWorksheet = internals._parseWorksheet.bind(reader)
  internals._parseWorksheet = (iterator, sheetNo) => {
    const copy = iterator as Partial<{ path: unknown; destroy(): unknown }>
    if (typeof copy.path === 'string' && typeof copy.destroy === 'function') {
      leftovers.tempFiles.push(copy.path)
      leftovers.streams.push(copy as { destroy(): unknown })
    }
    return parseWorksheet(utf8Text(iterator), sheetNo)
  }
  const parseSharedStrings = internals._parseSharedStrings.bind(reader)
  internals._parseSharedStrings = (entry) => {
    entry.setEncoding('utf8')
    return parseSharedStrings(entry)
  }
  return leftovers
}

/** The sheetId of the first visible tab, once exceljs has read xl/workbook.xml. */
export function firstSheetId(reader: object): string | undefined {
  const sheets = (reader as WorkbookReaderInternals).model?.sheets ?? []
  const first = sheets.find((sheet) => sheet.state === undefined || sheet.state === 'visible') ?? sheets[0]
  return first?.id === undefined ? undefined : String(first.id)
}

/** Whether exceljs could match worksheet files to tabs (else it names them by file number only). */
export function knowsSheetIds(reader: object): boolean {
  return (reader as WorkbookReaderInternals).workbookRels !== undefined
}
