import { DomainError } from '../../errors.js'

/** A column of the import file: its key, the bilingual header of the template, and other names accepted. */
export interface ImportColumn {
  key: ImportColumnKey
  header: string
  aliases: readonly string[]
  required: boolean
  /** Kept as text in xlsx so long digit strings survive Excel. */
  text: boolean
  width: number
}

export type ImportColumnKey =
  'number' | 'iccid' | 'platform' | 'type' | 'description' | 'imsi' | 'imei' | 'tags' | 'expiresOn'

/** In template order. `platform` is required unless a platform is chosen for the whole file. */
export const importColumns: readonly ImportColumn[] = [
  {
    key: 'number',
    header: '卡号/number',
    aliases: ['卡号', 'number', 'msisdn', '物联卡号', '号码', '接入号'],
    required: true,
    text: true,
    width: 16,
  },
  { key: 'iccid', header: 'ICCID', aliases: ['iccid', '卡iccid'], required: true, text: true, width: 24 },
  {
    key: 'platform',
    header: '平台/platform',
    aliases: ['平台', 'platform', '平台对接', 'platformid', '平台id'],
    required: false,
    text: false,
    width: 20,
  },
  {
    key: 'type',
    header: '类型/type',
    aliases: ['类型', 'type', '卡类型', 'cardtype'],
    required: true,
    text: false,
    width: 10,
  },
  {
    key: 'description',
    header: '说明/description',
    aliases: ['说明', 'description', '备注', '描述'],
    required: false,
    text: false,
    width: 30,
  },
  { key: 'imsi', header: 'IMSI', aliases: ['imsi'], required: false, text: true, width: 18 },
  { key: 'imei', header: 'IMEI', aliases: ['imei'], required: false, text: true, width: 18 },
  {
    key: 'tags',
    header: '标签/tags',
    aliases: ['标签', 'tags', 'tag'],
    required: false,
    text: false,
    width: 20,
  },
  {
    key: 'expiresOn',
    header: '到期日/expiresOn',
    aliases: ['到期日', 'expireson', '到期时间', '有效期'],
    required: false,
    text: false,
    width: 14,
  },
]

function normaliseHeader(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_\-()（）]/g, '')
}

/** Each known header (its bilingual form, both halves, every alias) → column key. */
const headerKeys = new Map<string, ImportColumnKey>()
for (const column of importColumns) {
  for (const name of [column.header, ...column.header.split('/'), ...column.aliases])
    headerKeys.set(normaliseHeader(name), column.key)
}

export type ColumnPositions = Partial<Record<ImportColumnKey, number>>

/**
 * Finds the columns in the header row. Unknown headers are ignored (exports carry extra columns);
 * a missing required column or a column given twice refuses the file before anything is stored.
 */
export function locateColumns(header: readonly string[], platformChosen: boolean): ColumnPositions {
  const positions: ColumnPositions = {}
  header.forEach((cell, index) => {
    const key = headerKeys.get(normaliseHeader(cell))
    if (!key) return
    if (positions[key] !== undefined)
      throw new DomainError(
        'invalid',
        'IMPORT_COLUMN_TWICE',
        `file: the column ${columnHeader(key)} appears twice`,
        {
          fields: [{ field: 'file', message: `column ${columnHeader(key)} appears twice` }],
        },
      )
    positions[key] = index
  })
  const missing = importColumns
    .filter(
      (c) => (c.required || (c.key === 'platform' && !platformChosen)) && positions[c.key] === undefined,
    )
    .map((c) => c.header)
  if (missing.length > 0)
    throw new DomainError(
      'invalid',
      'IMPORT_COLUMNS_MISSING',
      `file: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}` +
        (platformChosen ? '' : ' (or choose a platform for the whole file)'),
      { fields: [{ field: 'file', message: `missing ${missing.join(', ')}` }], missing },
    )
  return positions
}

function columnHeader(key: ImportColumnKey): string {
  return importColumns.find((c) => c.key === key)?.header ?? key
}
