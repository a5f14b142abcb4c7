import type ExcelJS from 'exceljs'

export type ExcelModule = typeof ExcelJS

let loading: Promise<ExcelModule> | undefined

/** exceljs takes about half a second to load, so only table work with xlsx pays for it. */
export function loadExcelJs(): Promise<ExcelModule> {
  loading ??= import('exceljs').then((module) => module.default)
  return loading
}
