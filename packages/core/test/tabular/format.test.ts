import { describe, expect, it } from 'vitest'
import { detectTableFormat, TableReadError, tableContentType } from '../../src/tabular/index.js'
import { bytes, utf8 } from './helpers.js'

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]

function formatError(head: Uint8Array, fileName?: string): TableReadError {
  try {
    detectTableFormat(head, fileName)
  } catch (error) {
    if (error instanceof TableReadError) return error
    throw error
  }
  throw new Error('no error')
}

describe('detectTableFormat', () => {
  it('takes zip content for xlsx whatever the name says', () => {
    expect(detectTableFormat(bytes([0x50, 0x4b, 0x03, 0x04, 0x14, 0]), 'cards.csv')).toBe('xlsx')
  })

  it('takes text for csv, including UTF-16 text with its NUL bytes', () => {
    expect(detectTableFormat(utf8('iccid,number\r\n8986,1440\r\n'), 'cards.xlsx')).toBe('csv')
    expect(detectTableFormat(bytes([0xff, 0xfe, 0x61, 0, 0x09, 0, 0x62, 0]))).toBe('csv')
    expect(detectTableFormat(new Uint8Array(0))).toBe('csv')
  })

  it('refuses Excel 97-2003 files', () => {
    const error = formatError(bytes(OLE), 'cards.xls')
    expect(error).toMatchObject({ code: 'TABLE_FORMAT', kind: 'invalid' })
    expect(error.message).toBe('xls (Excel 97-2003) is not supported; save as xlsx or csv')
  })

  it('names a password-protected xlsx (also an OLE file) for what it is', () => {
    expect(formatError(bytes(OLE), 'cards.xlsx').message).toMatch(/password-protected/)
  })

  it('refuses binary content and HTML saved as a spreadsheet', () => {
    expect(formatError(bytes('iccid', [0, 1, 2, 3]), 'cards.csv')).toMatchObject({ code: 'TABLE_FORMAT' })
    expect(
      formatError(utf8('  <html><table><tr><td>8986</td></tr></table></html>'), 'cards.xls').message,
    ).toMatch(/HTML/)
  })
})

describe('tableContentType', () => {
  it('gives the MIME types browsers and Excel expect', () => {
    expect(tableContentType('csv')).toBe('text/csv; charset=utf-8')
    expect(tableContentType('xlsx')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  })
})
