import { sql, type AliasedRawBuilder, type Kysely, type RawBuilder } from 'kysely'
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
  /** Free text that may hold a comma, quote or line break (the rest never do: digits, codes, dates). */
  free?: boolean
  value(language: ExportLanguage, names: CarrierNames): RawBuilder<Cell>
}

/** Installed carriers' display names by id, in the export's language. */
type CarrierNames = ReadonlyArray<readonly [id: string, name: string]>

const utc = (column: string) =>
  sql<string | null>`to_char(${sql.ref(column)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`
const megabytes = (column: string) => sql<number | null>`round(${sql.ref(column)} / 1048576.0, 2)::float8`
/**
 * Free text that a spreadsheet would take for a formula (=, +, -, @ first) is written with a leading
 * apostrophe, so opening an export cannot run what someone typed into a description.
 */
const inert = (text: RawBuilder<string>) =>
  sql<string>`case when ${text} ~ '^[-=+@\t\r]' then '''' || ${text} else ${text} end`

function importable(key: ImportColumnKey, value: ExportColumn['value'], free = false): ExportColumn {
  const column = importColumns.find((c) => c.key === key)
  const header = column?.header ?? key
  // The import's own headers, so an exported file can be imported again unchanged.
  return {
    header: { 'zh-CN': header, en: header },
    text: column?.text ?? false,
    width: column?.width ?? 14,
    free,
    value,
  }
}

/** The installed plugin's name for the card's carrier id (the id itself for a plugin since removed). */
const carrierName = (names: CarrierNames) =>
  names.length === 0
    ? sql<string>`cards.carrier_id`
    : sql<string>`case cards.carrier_id ${sql.join(
        names.map(([id, name]) => sql`when ${id} then ${name}`),
        sql` `,
      )} else cards.carrier_id end`

const typeLabel = (language: ExportLanguage) =>
  language === 'en'
    ? sql<string>`cards.type`
    : sql<string>`case cards.type when 'year' then '年卡' when 'season' then '季卡' when 'month' then '月卡' else '其他' end`

/** Every column of the card list, in list order, then the rest of what a card holds. */
export const exportColumns: readonly ExportColumn[] = [
  importable('number', () => sql`cards.number`),
  importable('iccid', () => sql`cards.iccid`),
  importable('platform', () => sql`platforms.name`, true),
  { header: { 'zh-CN': '运营商', en: 'carrier' }, free: true, value: (_, names) => carrierName(names) },
  importable('type', typeLabel),
  { header: { 'zh-CN': '状态', en: 'lifecycle' }, value: () => sql`cards.lifecycle` },
  {
    header: { 'zh-CN': '运营商状态', en: 'carrier status' },
    width: 16,
    free: true,
    value: (language) =>
      sql`coalesce(cards.carrier_status_label ->> ${language === 'en' ? 'en' : 'zh-CN'}, cards.carrier_status_code)`,
  },
  {
    header: { 'zh-CN': '绑定设备', en: 'device' },
    width: 16,
    free: true,
    value: () => sql`cards.device_id`,
  },
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
  importable('tags', () => inert(sql`array_to_string(cards.tags, ',')`), true),
  importable('expiresOn', () => sql`cards.expires_on::text`),
  importable('description', () => inert(sql`cards.description`), true),
  { header: { 'zh-CN': '创建时间', en: 'created at' }, width: 22, value: () => utc('cards.created_at') },
]

/**
 * A cell as RFC 4180 CSV text, in SQL: quoted when it holds a comma, quote or line break, empty for
 * null. Encoding in the database lets the export fetch one ready line per card instead of twenty
 * values to convert and quote in JavaScript, which is where the time went.
 */
function csvField(column: ExportColumn, value: RawBuilder<Cell>): RawBuilder<string> {
  if (!column.free) return sql<string>`coalesce(${value}::text, '')`
  return sql<string>`case when ${value} ~ '[",\r\n]' then '"' || replace(${value}, '"', '""') || '"'
                          else coalesce(${value}, '') end`
}

/** Cards read per query while exporting: bounded memory whatever the size of the selection. */
const EXPORT_PAGE = 2000
/** Lines are small and ready-made, so a CSV page can hold more of them for fewer round trips. */
const CSV_EXPORT_PAGE = 10_000

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

  /** Pages of rows, each cell the text (or number) the file shows. */
  async *rows(filter: CardFilter, language: ExportLanguage): AsyncGenerator<Cell[][]> {
    const names = this.carrierNames(language)
    const values = exportColumns.map((column, index) => column.value(language, names).as(`c${index}`))
    for await (const page of this.pages(filter, values, EXPORT_PAGE)) {
      yield page.map((row) => {
        const record = row as unknown as Record<string, Cell>
        return exportColumns.map((_, index) => record[`c${index}`] ?? null)
      })
    }
  }

  /** Pages of CSV lines (without line ends), one per card, the same cells as `rows`. */
  async *csvLines(filter: CardFilter, language: ExportLanguage): AsyncGenerator<string[]> {
    const names = this.carrierNames(language)
    const fields = exportColumns.map((column) => csvField(column, column.value(language, names)))
    const line = sql<string>`${sql.join(fields, sql`|| ',' ||`)}`.as('line')
    for await (const page of this.pages(filter, [line], CSV_EXPORT_PAGE))
      yield page.map((row) => (row as unknown as { line: string }).line)
  }

  private carrierNames(language: ExportLanguage): CarrierNames {
    return this.registry
      .list()
      .map((carrier) => [
        carrier.definition.id,
        carrier.definition.carrierName[language === 'en' ? 'en' : 'zh-CN'],
      ])
  }

  /** The selected columns of the matching cards, by id, `size` at a time. */
  private async *pages(
    filter: CardFilter,
    columns: ReadonlyArray<AliasedRawBuilder<unknown, string>>,
    size: number,
  ): AsyncGenerator<Array<{ id: number }>> {
    let after = 0
    for (;;) {
      const page = await applyCardFilter(
        this.db
          .selectFrom('cards')
          .innerJoin('platforms', 'platforms.id', 'cards.platformId')
          .select('cards.id')
          .select(columns),
        filter,
      )
        .where('cards.id', '>', after)
        .orderBy(sql`cards.id`)
        .limit(size)
        .execute()
      if (page.length === 0) return
      yield page
      after = page.at(-1)?.id ?? after
    }
  }
}
