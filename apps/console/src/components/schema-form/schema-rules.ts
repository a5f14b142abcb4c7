import type { FormItemRule } from 'element-plus'
import { i18n } from '@/locales'
import { localized } from '@/utils/localized'
import type { SchemaField } from './config-schema'

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:'
  } catch {
    return false
  }
}

// A pattern this browser cannot compile is left to the server to check.
function compiled(pattern: string | undefined): RegExp | undefined {
  if (!pattern) return undefined
  try {
    return new RegExp(pattern)
  } catch {
    return undefined
  }
}

function lengthRule(field: SchemaField, label: string): FormItemRule[] {
  const { t } = i18n.global
  const { minLength: min, maxLength: max } = field
  if (min === undefined && max === undefined) return []
  const message =
    min !== undefined && max !== undefined
      ? t('platforms.schema.length', { label, min, max })
      : min !== undefined
        ? t('platforms.schema.minLength', { label, min })
        : t('platforms.schema.maxLength', { label, max })
  return [{ min, max, message, trigger: 'blur' }]
}

function rangeRule(field: SchemaField, label: string): FormItemRule[] {
  const { t } = i18n.global
  const { minimum: min, maximum: max } = field
  if (min === undefined && max === undefined) return []
  const message =
    min !== undefined && max !== undefined
      ? t('platforms.schema.range', { label, min, max })
      : min !== undefined
        ? t('platforms.schema.min', { label, min })
        : t('platforms.schema.max', { label, max })
  return [{ type: 'number', min, max, message, trigger: 'change' }]
}

/**
 * Element Plus rules mirroring the field's schema, so most mistakes show before a round trip. A
 * required secret that is already stored may stay empty: leaving it empty keeps the stored value.
 */
export function fieldRules(field: SchemaField, locale: string, secretStored = false): FormItemRule[] {
  const { t } = i18n.global
  const label = localized(field.label, locale)
  const rules: FormItemRule[] = []
  if (field.required && field.kind !== 'boolean' && !(field.kind === 'secret' && secretStored)) {
    rules.push({
      required: true,
      message: t('platforms.schema.required', { label }),
      trigger: field.kind === 'enum' || field.kind === 'integer' ? 'change' : 'blur',
    })
  }
  if (field.kind === 'text' || field.kind === 'secret') {
    rules.push(...lengthRule(field, label))
    const pattern = compiled(field.pattern)
    if (pattern) rules.push({ pattern, message: t('platforms.schema.pattern', { label }), trigger: 'blur' })
  }
  if (field.kind === 'url') {
    rules.push({
      validator: (_rule, value: unknown, callback) =>
        typeof value !== 'string' || value === '' || isHttpUrl(value)
          ? callback()
          : callback(new Error(t('platforms.schema.url'))),
      trigger: 'blur',
    })
  }
  if (field.kind === 'integer') rules.push(...rangeRule(field, label))
  return rules
}
