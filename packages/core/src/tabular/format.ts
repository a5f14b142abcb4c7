import { TableReadError } from './errors.js'

export type TableFormat = 'csv' | 'xlsx'

/** How many leading bytes format and encoding sniffing look at. */
export const SNIFF_BYTES = 64 * 1024

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]
// An empty zip (end-of-central-directory record only) is still a zip: it fails later as TABLE_CORRUPT.
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06]
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]

function startsWith(head: Uint8Array, magic: readonly number[]): boolean {
  if (head.length < magic.length) return false
  return magic.every((byte, i) => head[i] === byte)
}

function hasUtf16Bom(head: Uint8Array): boolean {
  return (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)
}

function extensionOf(fileName: string | undefined): string {
  return /\.([^./\\]+)$/.exec(fileName ?? '')?.[1]?.toLowerCase() ?? ''
}

function oleError(fileName: string | undefined): TableReadError {
  // A password-protected xlsx is stored in the same OLE container as a 97-2003 .xls.
  const ext = extensionOf(fileName)
  const message =
    ext === 'xlsx' || ext === 'xlsm'
      ? 'the workbook is password-protected (encrypted); remove the password or save it as csv'
      : 'xls (Excel 97-2003) is not supported; save as xlsx or csv'
  return new TableReadError('TABLE_FORMAT', message)
}

/**
 * Refuses content that is certainly not CSV text: a workbook, an OLE file, binary data with NUL
 * bytes, or a web page (some carrier portals save HTML tables under an .xls name).
 */
export function assertTextHead(head: Uint8Array, fileName?: string): void {
  if (startsWith(head, ZIP_MAGIC) || startsWith(head, EMPTY_ZIP_MAGIC)) {
    throw new TableReadError('TABLE_FORMAT', 'the file is a zip archive (xlsx?), not CSV text')
  }
  if (startsWith(head, OLE_MAGIC)) throw oleError(fileName)
  if (hasUtf16Bom(head)) return
  const end = Math.min(head.length, SNIFF_BYTES)
  if (head.subarray(0, end).includes(0)) {
    throw new TableReadError('TABLE_FORMAT', 'the file is binary data, not CSV text or an xlsx workbook')
  }
  const start = new TextDecoder('latin1').decode(head.subarray(0, 256)).trimStart().toLowerCase()
  if (start.startsWith('<!doctype html') || start.startsWith('<html') || start.startsWith('<table')) {
    throw new TableReadError(
      'TABLE_FORMAT',
      'the file is a web page (HTML), not a table; open it in Excel and save as xlsx or csv',
    )
  }
}

/**
 * The format of an uploaded table, judged from its first bytes (pass at least the first few KiB).
 * The file name only sharpens error messages: content decides, because renamed files are common.
 */
export function detectTableFormat(head: Uint8Array, fileName?: string): TableFormat {
  if (startsWith(head, ZIP_MAGIC) || startsWith(head, EMPTY_ZIP_MAGIC)) return 'xlsx'
  assertTextHead(head, fileName)
  return 'csv'
}

export function tableContentType(format: TableFormat): string {
  return format === 'csv'
    ? 'text/csv; charset=utf-8'
    : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
}
