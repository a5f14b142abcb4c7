import { invalidField } from '../errors.js'
import { CARD_DESCRIPTION_MAX_LENGTH, CARD_TAG_MAX_LENGTH, CARD_TAGS_MAX } from './card.js'

// Checks of the optional card fields shared by create, update and (later) import.

export function checkedDescription(description: string | undefined): string | undefined {
  if (description !== undefined && description.length > CARD_DESCRIPTION_MAX_LENGTH)
    throw invalidField('description', `must be at most ${CARD_DESCRIPTION_MAX_LENGTH} characters`)
  return description
}

/** Trimmed, de-duplicated tags; empty ones dropped. */
export function checkedTags(tags: readonly string[] | undefined): string[] | undefined {
  if (tags === undefined) return undefined
  const clean = [...new Set(tags.map((tag) => tag.trim()).filter((tag) => tag.length > 0))]
  if (clean.length > CARD_TAGS_MAX) throw invalidField('tags', `at most ${CARD_TAGS_MAX} tags`)
  const long = clean.find((tag) => tag.length > CARD_TAG_MAX_LENGTH)
  if (long) throw invalidField('tags', `"${long}" is longer than ${CARD_TAG_MAX_LENGTH} characters`)
  return clean
}

/** IMSI: 15 digits (MCC + MNC + MSIN). */
export function checkedImsi(imsi: string | null | undefined): string | null | undefined {
  if (imsi === undefined || imsi === null) return imsi
  const value = imsi.trim()
  if (value === '') return null
  if (!/^\d{15}$/.test(value)) throw invalidField('imsi', 'must be 15 digits', 'IMSI_INVALID')
  return value
}

/** IMEI (15 digits) or IMEISV (16); 14 digits when the check digit is left off. */
export function checkedImei(imei: string | null | undefined): string | null | undefined {
  if (imei === undefined || imei === null) return imei
  const value = imei.trim()
  if (value === '') return null
  if (!/^\d{14,16}$/.test(value)) throw invalidField('imei', 'must be 14–16 digits', 'IMEI_INVALID')
  return value
}

/** A calendar day, YYYY-MM-DD, that exists. */
export function checkedDay(field: string, day: string | null | undefined): string | null | undefined {
  if (day === undefined || day === null) return day
  const parsed = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  const date = parsed ? new Date(Date.UTC(Number(parsed[1]), Number(parsed[2]) - 1, Number(parsed[3]))) : null
  if (!date || date.toISOString().slice(0, 10) !== day) throw invalidField(field, 'must be a date YYYY-MM-DD')
  return day
}
