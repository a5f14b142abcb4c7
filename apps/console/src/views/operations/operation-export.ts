import { api } from '@/api/client'
import { attachmentName, fileStamp, saveBlob } from '@/utils/download'
import { filterParams, type OperationFilters } from './operation-filters'

/** `operations-20250102T030405.csv`, used when the server names no file. */
function fallbackName(): string {
  return `operations-${fileStamp()}.csv`
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
