import { sql, type Kysely, type RawBuilder } from 'kysely'
import type { CarrierRegistry } from '../carriers/registry.js'
import type { Database } from '../db/schema.js'
import { applyCardFilter, type CardFilter } from './card-query.js'
import { importColumns, type ImportColumnKey } from './import/import-columns.js'

export type ExportLanguage = 'zh-CN' | 'en'

type Cell = string | number | null

/**
 * One column of the export: headers in both languages and the SQL that reads it, already as the text
 * (or number) the file shows — formatting a million rows in the database is far cheaper than building
 * dates and label objects for each of them in JavaScript.
 */
interface ExportColumn {
  header: Record<ExportLanguage, string>
  text?: boolean
  width?: number
  value(language: ExportLanguage): RawBuilder<Cell>
}

const utc = (column: string) =>
  sql<string | null>`to_char(${sql.ref(column)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`
const megabytes = (column: string) => sql<number | null>`round(${sql.ref(column)} / 1048576.0, 2)::float8`
/**
 * Free text that a spreadsheet would take for a formula (=, +, -, @ first) is written with a leading
 * apostrophe, so opening an export cannot run what someone typed into a description.
 */
const inert = (text: RawBuilder<string>) =>
  sql<string>`case when ${text} ~ '^[-=+@\t\r]' then '''' || ${text} else ${text} end`

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

const typeLabel = (language: ExportLanguage) =>
  language === 'en'
    ? sql<string>`cards.type`
    : sql<string>`case cards.type when 'year' then '年卡' when 'season' then '季卡' when 'month' then '月卡' else '其他' end`

/** Every column of the card list, in list order, then the rest of what a card holds. */
export const exportColumns: readonly ExportColumn[] = [
  importable('number', () => sql`cards.number`),
  importable('iccid', () => sql`cards.iccid`),
  importable('platform', () => sql`platforms.name`),
  // The carrier id; rows() puts the installed plugin's name in its place.
  { header: { 'zh-CN': '运营商', en: 'carrier' }, value: () => sql`cards.carrier_id` },
  importable('type', typeLabel),
  { header: { 'zh-CN': '状态', en: 'lifecycle' }, value: () => sql`cards.lifecycle` },
  {
    header: { 'zh-CN': '运营商状态', en: 'carrier status' },
    width: 16,
    value: (language) =>
      sql`coalesce(cards.carrier_status_label ->> ${language === 'en' ? 'en' : 'zh-CN'}, cards.carrier_status_code)`,
  },
  { header: { 'zh-CN': '绑定设备', en: 'device' }, width: 16, value: () => sql`cards.device_id` },
  { header: { 'zh-CN': '激活时间', en: 'activated at' }, width: 22, value: () => utc('cards.activated_at') },
  { header: { 'zh-CN': '总流量(MB)', en: 'total (MB)' }, value: () => megabytes('cards.usage_total_bytes') },
  { header: { 'zh-CN': '已用流量(MB)', en: 'used (MB)' }, value: () => megabytes('cards.usage_used_bytes') },
  {
    header: { 'zh-CN': '剩余流量(MB)', en: 'remaining (MB)' },
    value: () => megabytes('cards.usage_remaining_bytes'),
  },
  { header: { 'zh-CN': '同步状态', en: 'sync state' }, value: () => sql`cards.sync_state` },
  { header: { 'zh-CN': '同步时间', en: 'synced at' }, width: 22, value: () => utc('cards.synced_at') },
  importable('imsi', () => sql`cards.imsi`),
  importable('imei', () => sql`cards.imei`),
  importable('tags', () => inert(sql`array_to_string(cards.tags, ',')`)),
  importable('expiresOn', () => sql`cards.expires_on::text`),
  importable('description', () => inert(sql`cards.description`)),
  { header: { 'zh-CN': '创建时间', en: 'created at' }, width: 22, value: () => utc('cards.created_at') },
]

const CARRIER_COLUMN = exportColumns.findIndex((c) => c.header.en === 'carrier')

/** Cards read per query while exporting: bounded memory whatever the size of the selection. */
const EXPORT_PAGE = 2000

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

  async *rows(filter: CardFilter, language: ExportLanguage): AsyncGenerator<Cell[][]> {
    const names = new Map<string, string>()
    const carrierName = (id: string) => {
      let name = names.get(id)
      if (name === undefined) {
        const text = this.registry.find(id)?.definition.carrierName
        name = (language === 'en' ? text?.en : text?.['zh-CN']) ?? id
        names.set(id, name)
      }
      return name
    }
    const values = exportColumns.map((column, index) => column.value(language).as(`c${index}`))
    let after = 0
    for (;;) {
      const page = await applyCardFilter(
        this.db
          .selectFrom('cards')
          .innerJoin('platforms', 'platforms.id', 'cards.platformId')
          .select('cards.id')
          .select(values),
        filter,
      )
        .where('cards.id', '>', after)
        .orderBy(sql`cards.id`)
        .limit(EXPORT_PAGE)
        .execute()
      if (page.length === 0) return
      yield page.map((row) => {
        const record = row as unknown as Record<string, Cell>
        const cells = exportColumns.map((_, index) => record[`c${index}`] ?? null)
        cells[CARRIER_COLUMN] = carrierName(String(cells[CARRIER_COLUMN]))
        return cells
      })
      after = page.at(-1)?.id ?? after
    }
  }
}
