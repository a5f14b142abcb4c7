import type { ApiError, Schemas } from '@simops/api-client'
import { ref } from 'vue'
import { api, fetchRaw } from '@/api/client'
import { attachmentName, saveBlob } from '@/utils/download'
import type { Job, JobAccepted } from '../jobs/job-types'

export type ImportFormat = 'csv' | 'xlsx'
export const IMPORT_ACCEPT = '.csv,.xlsx'

/** Codes whose server message says more than our text can (the limit, the missing columns…). */
const DETAILED_CODES = new Set([
  'FILE_TOO_LARGE',
  'TABLE_FORMAT',
  'TABLE_CORRUPT',
  'IMPORT_COLUMNS_MISSING',
  'IMPORT_COLUMN_TWICE',
])

/** The format a file name says, or null for anything the import does not read. */
export function importFormatOf(name: string): ImportFormat | null {
  const extension = name.toLowerCase().split('.').pop()
  return extension === 'csv' || extension === 'xlsx' ? extension : null
}

/** The server's own words under our translated title, where they add something. */
export function importErrorDetail(error: ApiError): string {
  return DETAILED_CODES.has(error.code) ? error.message : ''
}

/** Downloads the import template (bilingual headers, an example row). */
export async function downloadTemplate(format: ImportFormat): Promise<void> {
  const { data, response } = await api.GET('/api/v1/cards/import-template', {
    params: { query: { format } },
    parseAs: 'blob',
  })
  if (!data) return
  saveBlob(
    data,
    attachmentName(response.headers.get('content-disposition')) ?? `card-import-template.${format}`,
  )
}

/**
 * Uploads a file to import (or only check, `dryRun`). Multipart goes through a plain fetch with the
 * session's token; file-level refusals come back for the dialog to show.
 */
export async function uploadImport(
  file: File,
  platformId: string,
  dryRun: boolean,
): Promise<{ job: Job; error: null } | { job: null; error: ApiError }> {
  const form = new FormData()
  // The fields come before the file, so the server knows them when the file streams in.
  if (platformId) form.append('platformId', platformId)
  form.append('dryRun', String(dryRun))
  form.append('file', file, file.name)
  const { response, error } = await fetchRaw('/api/v1/cards/import', { method: 'POST', body: form })
  if (error) return { job: null, error }
  const accepted = (await response.json()) as JobAccepted
  return { job: accepted.job, error: null }
}

/** The enabled platforms a whole file can be imported into. */
export function useImportPlatforms() {
  const platforms = ref<Schemas['Platform'][]>([])
  const loading = ref(false)

  async function load(): Promise<void> {
    loading.value = true
    const { data } = await api.GET('/api/v1/platforms', {
      params: { query: { state: 'enabled', pageSize: 100 } },
    })
    loading.value = false
    if (data) platforms.value = data.items.filter((platform) => platform.state === 'enabled')
  }

  return { platforms, loading, load }
}
