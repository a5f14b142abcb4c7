import type { Language } from 'element-plus/es/locale/index'
import { createI18n } from 'vue-i18n'

export const LOCALES = ['zh-CN', 'en'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'zh-CN'

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

type MessageTree = { [key: string]: string | MessageTree }

/** One JSON file per namespace (`common.json` → `common.*`), loaded only when its language is chosen. */
const messageFiles = import.meta.glob<MessageTree>('./*/*.json', { import: 'default' })

const elementLocales: Record<Locale, () => Promise<Language>> = {
  'zh-CN': () => import('element-plus/es/locale/lang/zh-cn').then((module) => module.default),
  en: () => import('element-plus/es/locale/lang/en').then((module) => module.default),
}

export const i18n = createI18n({
  legacy: false,
  locale: DEFAULT_LOCALE,
  fallbackLocale: DEFAULT_LOCALE,
  messages: {},
  missingWarn: false,
  fallbackWarn: false,
})

const loaded = new Map<Locale, Promise<Language>>()

async function loadMessages(locale: Locale): Promise<Language> {
  const prefix = `./${locale}/`
  const namespaces = Object.entries(messageFiles).filter(([path]) => path.startsWith(prefix))
  const [elementLocale, ...contents] = await Promise.all([
    elementLocales[locale](),
    ...namespaces.map(([, load]) => load()),
  ])
  const messages: MessageTree = {}
  namespaces.forEach(([path], index) => {
    const content = contents[index]
    if (content) messages[path.slice(prefix.length, -'.json'.length)] = content
  })
  i18n.global.setLocaleMessage(locale, messages)
  return elementLocale
}

/** Makes `locale` the active language (loading its messages once) and returns Element Plus's matching locale. */
export async function activateLocale(locale: Locale): Promise<Language> {
  let pending = loaded.get(locale)
  if (!pending) {
    pending = loadMessages(locale)
    loaded.set(locale, pending)
  }
  const elementLocale = await pending
  i18n.global.locale.value = locale
  document.documentElement.lang = locale
  return elementLocale
}
