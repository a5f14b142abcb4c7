import { sql, type Kysely } from 'kysely'
import type { CarrierRegistry } from '../carriers/registry.js'
import type { CardRow, Database } from '../db/schema.js'
import { applyCardFilter, type CardFilter } from './card-query.js'
import { importColumns, type ImportColumnKey } from './import/import-columns.js'

export type ExportLanguage = 'zh-CN' | 'en'

/** One column of the export: headers in both languages and how to read it from a card. */
interface ExportColumn {
  header: Record<ExportLanguage, string>
  text?: boolean
  width?: number
  value(card: CardRow, context: ExportContext): string | number | null
}

interface ExportContext {
  language: ExportLanguage
  platformName(id: string): string
  carrierName(id: string): string
}

const MB = 1024 * 1024
const megabytes = (bytes: number | null) => (bytes === null ? null : Math.round((bytes / MB) * 100) / 100)
const iso = (date: Date | null) => (date ? date.toISOString() : null)
/**
 * Free text that a spreadsheet would take for a formula (=, +, -, @ first) is written with a leading
 * apostrophe, so opening an export cannot run what someone typed into a description.
 */
const inert = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text)

function importable(key: ImportColumnKey, value: ExportColumn['value']): ExportColumn {
  const column = importColumns.find((c) => c.key === key)
  const header = column?.header ?? key
  // The import's own headers, so an exported file can be imported again unchanged.
  return {
    header: { 'zh-CN': header, en: header },
    text: column?.text ?? false,
    width: column?.width ?? 14,
    value,
  }
}

const typeLabels: Record<string, Record<ExportLanguage, string>> = {
  year: { 'zh-CN': '年卡', en: 'year' },
  season: { 'zh-CN': '季卡', en: 'season' },
  month: { 'zh-CN': '月卡', en: 'month' },
  other: { 'zh-CN': '其他', en: 'other' },
}

/** Every column of the card list, in list order, then the rest of what a card holds. */
export const exportColumns: readonly ExportColumn[] = [
  importable('number', (c) => c.number),
  importable('iccid', (c) => c.iccid),
  importable('platform', (c, x) => x.platformName(c.platformId)),
  { header: { 'zh-CN': '运营商', en: 'carrier' }, value: (c, x) => x.carrierName(c.carrierId) },
  importable('type', (c, x) => typeLabels[c.type]?.[x.language] ?? c.type),
  { header: { 'zh-CN': '状态', en: 'lifecycle' }, value: (c) => c.lifecycle },
  {
    header: { 'zh-CN': '运营商状态', en: 'carrier status' },
    width: 16,
    value: (c, x) => c.carrierStatusLabel?.[x.language === 'en' ? 'en' : 'zh-CN'] ?? c.carrierStatusCode,
  },
  { header: { 'zh-CN': '绑定设备', en: 'device' }, width: 16, value: (c) => c.deviceId },
  { header: { 'zh-CN': '激活时间', en: 'activated at' }, width: 22, value: (c) => iso(c.activatedAt) },
  { header: { 'zh-CN': '总流量(MB)', en: 'total (MB)' }, value: (c) => megabytes(c.usageTotalBytes) },
  { header: { 'zh-CN': '已用流量(MB)', en: 'used (MB)' }, value: (c) => megabytes(c.usageUsedBytes) },
  {
    header: { 'zh-CN': '剩余流量(MB)', en: 'remaining (MB)' },
    value: (c) => megabytes(c.usageRemainingBytes),
  },
  { header: { 'zh-CN': '同步状态', en: 'sync state' }, value: (c) => c.syncState },
  { header: { 'zh-CN': '同步时间', en: 'synced at' }, width: 22, value: (c) => iso(c.syncedAt) },
  importable('imsi', (c) => c.imsi),
  importable('imei', (c) => c.imei),
  importable('tags', (c) => inert(c.tags.join(','))),
  importable('expiresOn', (c) => c.expiresOn),
  importable('description', (c) => inert(c.description)),
  { header: { 'zh-CN': '创建时间', en: 'created at' }, width: 22, value: (c) => iso(c.createdAt) },
]

/** Cards read per query while exporting: bounded memory whatever the size of the selection. */
const EXPORT_PAGE = 5000

/**
 * 导出: the cards matching a filter (or the given ids), by id, a page at a time by keyset — memory
 * stays bounded and each page is one indexed range read, however many cards match.
 */
export class CardExporter {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly registry: CarrierRegistry,
  ) {}

  columns(language: ExportLanguage) {
    return exportColumns.map((c) => ({
      header: c.header[language],
      text: c.text ?? false,
      width: c.width ?? 14,
    }))
  }

  async *rows(filter: CardFilter, language: ExportLanguage): AsyncGenerator<Array<string | number | null>[]> {
    const platforms = new Map(
      (await this.db.selectFrom('platforms').select(['id', 'name']).execute()).map((p) => [p.id, p.name]),
    )
    const context: ExportContext = {
      language,
      platformName: (id) => platforms.get(id) ?? id,
      carrierName: (id) => {
        const name = this.registry.find(id)?.definition.carrierName
        return (language === 'en' ? name?.en : name?.['zh-CN']) ?? id
      },
    }
    let after = 0
    for (;;) {
      const page = await applyCardFilter(this.db.selectFrom('cards').selectAll('cards'), filter)
        .where('cards.id', '>', after)
        .orderBy(sql`cards.id`)
        .limit(EXPORT_PAGE)
        .execute()
      if (page.length === 0) return
      yield page.map((card) => exportColumns.map((column) => column.value(card, context)))
      after = page.at(-1)?.id ?? after
    }
  }
}
