import type { DeclaredPrefix } from '../iccid.js'
import { analyseIccid, checkCarrier } from '../iccid.js'
import { CARD_NUMBER_PATTERN, normaliseCardNumber } from '../card-identity.js'
import { checkedDay, checkedDescription, checkedImei, checkedImsi, checkedTags } from '../card-fields.js'
import { isDomainError } from '../../errors.js'
import type { CardType, PlatformRow } from '../../db/schema.js'
import type { ColumnPositions } from './import-columns.js'

/** A row that passed the checks one row can make alone: the card it would create. */
export interface ImportedCard {
  number: string
  iccid: string
  iccid19: string
  platformId: string
  carrierId: string
  type: CardType
  description: string
  tags: string[]
  imsi: string | null
  imei: string | null
  expiresOn: string | null
}

export type RowCheck = { ok: true; card: ImportedCard } | { ok: false; code: string; message: string }

const typeNames: Record<string, CardType> = {
  year: 'year',
  年卡: 'year',
  包年: 'year',
  season: 'season',
  季卡: 'season',
  包季: 'season',
  month: 'month',
  月卡: 'month',
  包月: 'month',
  other: 'other',
  其他: 'other',
  其它: 'other',
}

/** Platforms a file may name, by id and by name, and the one chosen for the whole file. */
export interface PlatformChoice {
  fixed: PlatformRow | null
  byKey: ReadonlyMap<string, PlatformRow>
  usable(platform: PlatformRow): string | null
}

export function checkImportRow(
  cells: readonly string[],
  columns: ColumnPositions,
  platforms: PlatformChoice,
  prefixes: readonly DeclaredPrefix[],
): RowCheck {
  const cell = (key: keyof ColumnPositions) => {
    const index = columns[key]
    return index === undefined ? '' : (cells[index] ?? '').trim()
  }
  const fail = (code: string, message: string): RowCheck => ({ ok: false, code, message })

  const platformText = cell('platform')
  const platform = platformText ? platforms.byKey.get(platformText) : platforms.fixed
  if (!platform)
    return platformText
      ? fail('PLATFORM_NOT_FOUND', `platform: no platform is named or has the id "${platformText}"`)
      : fail('PLATFORM_REQUIRED', 'platform: empty, and no platform was chosen for the file')
  const unusable = platforms.usable(platform)
  if (unusable) return fail('PLATFORM_DISABLED', `platform: ${unusable}`)

  const number = normaliseCardNumber(cell('number'))
  if (!number) return fail('NUMBER_REQUIRED', 'number: empty')
  if (!CARD_NUMBER_PATTERN.test(number))
    return fail('NUMBER_INVALID', `number: "${cell('number')}" is not 11–13 digits`)

  const iccidText = cell('iccid')
  if (!iccidText) return fail('ICCID_REQUIRED', 'iccid: empty')
  const iccid = checkCarrier(analyseIccid(iccidText, prefixes), platform.carrierId)
  const refusal = iccid.notes.find((note) => note.level === 'error')
  if (refusal || !iccid.iccid || !iccid.iccid19)
    return fail(refusal?.code ?? 'ICCID_INVALID', `iccid: ${refusal?.message ?? 'is not a valid ICCID'}`)

  const typeText = cell('type')
  const type = typeNames[typeText.toLowerCase()]
  if (!type)
    return typeText
      ? fail(
          'TYPE_UNKNOWN',
          `type: "${typeText}" is not one of 年卡/year, 季卡/season, 月卡/month, 其他/other`,
        )
      : fail('TYPE_REQUIRED', 'type: empty')

  try {
    const tagsText = cell('tags')
    const expires = cell('expiresOn')
    return {
      ok: true,
      card: {
        number,
        iccid: iccid.iccid,
        iccid19: iccid.iccid19,
        platformId: platform.id,
        carrierId: platform.carrierId,
        type,
        description: checkedDescription(cell('description')) ?? '',
        tags: checkedTags(tagsText ? tagsText.split(/[,;，；、|]/) : []) ?? [],
        imsi: checkedImsi(cell('imsi')) ?? null,
        imei: checkedImei(cell('imei')) ?? null,
        expiresOn: checkedDay('expiresOn', expires ? isoDay(expires) : null) ?? null,
      },
    }
  } catch (error) {
    if (isDomainError(error)) return fail(error.code, error.message)
    throw error
  }
}

/** 2027/1/5, 2027.01.05 and 2027-1-5 as 2027-01-05; anything else as given, for the check to refuse. */
function isoDay(text: string): string {
  const parts = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text)
  return parts ? `${parts[1]}-${parts[2]?.padStart(2, '0')}-${parts[3]?.padStart(2, '0')}` : text
}
