import type { Language } from 'element-plus/es/locale/index'
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { activateLocale, DEFAULT_LOCALE, isLocale, type Locale } from '@/locales'

const LOCALE_STORAGE_KEY = 'simops.locale'

function storedLocale(): Locale {
  const value = localStorage.getItem(LOCALE_STORAGE_KEY)
  return isLocale(value) ? value : DEFAULT_LOCALE
}

/** Per-browser preferences: the interface language, for our texts and Element Plus's alike. */
export const usePreferencesStore = defineStore('preferences', () => {
  const locale = ref<Locale>(storedLocale())
  const elementLocale = shallowRef<Language | null>(null)

  async function setLocale(next: Locale): Promise<void> {
    elementLocale.value = await activateLocale(next)
    locale.value = next
    localStorage.setItem(LOCALE_STORAGE_KEY, next)
  }

  /** Loads the remembered language before the first render. */
  async function restore(): Promise<void> {
    elementLocale.value = await activateLocale(locale.value)
  }

  return { locale, elementLocale, setLocale, restore }
})
