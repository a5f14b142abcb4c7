import { api } from '@/api/client'
import { attachmentName, fileStamp, saveBlob } from '@/utils/download'
import type { JobItemResult } from './job-types'

/**
 * Downloads a job's items as CSV (for an import's failed rows, its error report). Returns whether a
 * file was saved; a refusal is shown like any other API error.
 */
export async function downloadJobItems(jobId: string, result?: JobItemResult): Promise<boolean> {
  const { data, response } = await api.GET('/api/v1/jobs/{id}/items/export', {
    params: { path: { id: jobId }, query: { result } },
    parseAs: 'blob',
  })
  if (!data) return false
  const fallback = `job-${jobId.slice(0, 8)}-${result ?? 'items'}-${fileStamp()}.csv`
  saveBlob(data, attachmentName(response.headers.get('content-disposition')) ?? fallback)
  return true
}
