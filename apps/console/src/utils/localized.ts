import type { Schemas } from '@simops/api-client'
import { isLocale } from '@/locales'

export type LocalizedText = Schemas['LocalizedText']

/** A plugin-supplied text in `locale`, falling back to Chinese (every plugin provides both). */
export function localized(text: LocalizedText | null | undefined, locale: string): string {
  if (!text) return ''
  return (isLocale(locale) ? text[locale] : undefined) || text['zh-CN']
}
