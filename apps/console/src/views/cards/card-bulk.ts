import type { Schemas } from '@simops/api-client'
import { api } from '@/api/client'
import { attachmentName, fileStamp, saveBlob } from '@/utils/download'
import type { CreateJob, CardJobAction } from '../jobs/job-types'
import { cardApiQuery, type CardQuery } from './card-query'

type Card = Schemas['Card']
export type ExportFormat = 'csv' | 'xlsx'
/** Everything the 批量操作 menu offers. */
export type BulkCommand = CardJobAction | 'import' | `export-${ExportFormat}`

export const BULK_JOB_ACTIONS: readonly CardJobAction[] = ['activate', 'suspend', 'resume', 'sync', 'delete']

/** The list's filters alone (no sort, page or size): what a filter job, the count and the export take. */
export function cardFilterParams(query: CardQuery) {
  const { sort: _sort, order: _order, page: _page, limit: _limit, ...filter } = cardApiQuery(query)
  return filter
}

/** A job over the selected cards when there are any, else over every card matching the filters. */
export function cardJobBody(action: CardJobAction, query: CardQuery, selected: readonly Card[]): CreateJob {
  return selected.length > 0
    ? { action, cardIds: selected.map((card) => card.id) }
    : { action, filter: cardFilterParams(query) }
}

/** How many cards a bulk action would touch; null when the count could not be had (error shown). */
export async function targetCount(query: CardQuery, selected: readonly Card[]): Promise<number | null> {
  if (selected.length > 0) return selected.length
  const { data } = await api.GET('/api/v1/cards/count', { params: { query: cardFilterParams(query) } })
  return data ? data.count : null
}

/**
 * Downloads the selected cards, or every card matching the filters, with headers and labels in the
 * user's language. Returns whether a file was saved.
 */
export async function downloadCards(
  format: ExportFormat,
  query: CardQuery,
  selected: readonly Card[],
  lang: string,
): Promise<boolean> {
  const scope =
    selected.length > 0 ? { ids: selected.map((card) => card.id).join(',') } : cardFilterParams(query)
  const { data, response } = await api.GET('/api/v1/cards/export', {
    params: { query: { ...scope, format, lang: lang === 'en' ? 'en' : 'zh-CN' } },
    parseAs: 'blob',
  })
  if (!data) return false
  saveBlob(
    data,
    attachmentName(response.headers.get('content-disposition')) ?? `cards-${fileStamp()}.${format}`,
  )
  return true
}
