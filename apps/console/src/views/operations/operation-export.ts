import { api } from '@/api/client'
import { filterParams, type OperationFilters } from './operation-filters'

/** `operations-20250102T030405.csv`, used when the server names no file. */
function fallbackName(now = new Date()): string {
  const stamp = now.toISOString().slice(0, 19).replace(/[-:]/g, '')
  return `operations-${stamp}.csv`
}

/** The file name of a `content-disposition: attachment; filename="…"` header, if any. */
export function attachmentName(header: string | null): string | null {
  const match = header?.match(/filename\*?=(?:UTF-8'')?"?([^";]+)"?/i)
  return match?.[1] ? decodeURIComponent(match[1]) : null
}

/** Hands a blob to the browser as a download. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.style.display = 'none'
  document.body.append(link)
  link.click()
  link.remove()
  // Revoked later: some browsers start reading the blob only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/**
 * Downloads the records matching `filters` as CSV. It goes through the typed client, so the request
 * carries the session token and language, and a refusal is shown like any other API error.
 * Returns whether a file was saved.
 */
export async function downloadOperations(filters: OperationFilters): Promise<boolean> {
  const { data, response } = await api.GET('/api/v1/operations/export', {
    params: { query: filterParams(filters) },
    parseAs: 'blob',
  })
  if (!data) return false
  saveBlob(data, attachmentName(response.headers.get('content-disposition')) ?? fallbackName())
  return true
}
