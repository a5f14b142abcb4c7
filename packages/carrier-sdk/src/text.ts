/** Text shown to people, in every language the console speaks. */
export interface LocalizedText {
  'zh-CN': string
  en: string
}

export const locales = ['zh-CN', 'en'] as const
export type Locale = (typeof locales)[number]
