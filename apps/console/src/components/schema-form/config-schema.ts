import type { LocalizedText } from '@/utils/localized'

/** How a config field is edited; derived from its JSON Schema `type`, `format`, `enum` and `x-secret`. */
export type FieldKind = 'text' | 'url' | 'secret' | 'integer' | 'boolean' | 'enum'

export interface FieldOption {
  value: string
  label: LocalizedText
}

/** One field of a carrier's config form, read from its JSON Schema property. */
export interface SchemaField {
  name: string
  kind: FieldKind
  label: LocalizedText
  help: LocalizedText | null
  required: boolean
  placeholder: string
  defaultValue: ConfigValue
  options: FieldOption[]
  minLength?: number
  maxLength?: number
  pattern?: string
  minimum?: number
  maximum?: number
}

/** A config value as the form holds it; `undefined` is an empty field. */
export type ConfigValue = string | number | boolean | undefined
export type ConfigValues = Record<string, ConfigValue>

type Json = Record<string, unknown>

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isLocalizedText(value: unknown): value is LocalizedText {
  return isObject(value) && typeof value['zh-CN'] === 'string' && typeof value['en'] === 'string'
}

function numberOf(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined
}

function kindOf(property: Json): FieldKind {
  if (property['type'] === 'integer' || property['type'] === 'number') return 'integer'
  if (property['type'] === 'boolean') return 'boolean'
  if (Array.isArray(property['enum'])) return 'enum'
  if (property['x-secret'] === true) return 'secret'
  if (property['format'] === 'uri') return 'url'
  return 'text'
}

function optionsOf(property: Json): FieldOption[] {
  const declared = property['x-options']
  if (Array.isArray(declared)) {
    return declared.flatMap((option: unknown) =>
      isObject(option) && typeof option['value'] === 'string'
        ? [
            {
              value: option['value'],
              label: isLocalizedText(option['label']) ? option['label'] : fixed(option['value']),
            },
          ]
        : [],
    )
  }
  // A bare `enum` without labels still works: its values label themselves.
  const values = Array.isArray(property['enum']) ? property['enum'] : []
  return values
    .filter((value): value is string => typeof value === 'string')
    .map((value) => ({ value, label: fixed(value) }))
}

function fixed(text: string): LocalizedText {
  return { 'zh-CN': text, en: text }
}

function defaultOf(kind: FieldKind, value: unknown): ConfigValue {
  if (kind === 'boolean') return typeof value === 'boolean' ? value : false
  if (kind === 'integer') return numberOf(value)
  return typeof value === 'string' ? value : undefined
}

/** The fields of a carrier's `configSchema`, in the order the plugin declared them. */
export function schemaFields(schema: Json): SchemaField[] {
  const properties = isObject(schema['properties']) ? schema['properties'] : {}
  const required = Array.isArray(schema['required']) ? schema['required'] : []
  return Object.entries(properties).flatMap(([name, property]) => {
    if (!isObject(property)) return []
    const kind = kindOf(property)
    const examples = property['examples']
    const placeholder = Array.isArray(examples) && examples.length > 0 ? String(examples[0]) : ''
    const pattern = property['pattern']
    const field: SchemaField = {
      name,
      kind,
      label: isLocalizedText(property['x-label'])
        ? property['x-label']
        : fixed(String(property['title'] ?? name)),
      help: isLocalizedText(property['x-help']) ? property['x-help'] : null,
      required: required.includes(name),
      placeholder,
      defaultValue: defaultOf(kind, property['default']),
      options: kind === 'enum' ? optionsOf(property) : [],
      minLength: numberOf(property['minLength']),
      maxLength: numberOf(property['maxLength']),
      pattern: typeof pattern === 'string' ? pattern : undefined,
      minimum: numberOf(property['minimum']),
      maximum: numberOf(property['maximum']),
    }
    return [field]
  })
}

/**
 * The form's starting values: a stored config's values (secrets excluded: the server only shows
 * them masked), else each field's default.
 */
export function initialValues(fields: readonly SchemaField[], stored?: Json): ConfigValues {
  const values: ConfigValues = {}
  for (const field of fields) {
    if (field.kind === 'secret') values[field.name] = undefined
    else if (stored) values[field.name] = defaultOf(field.kind, stored[field.name])
    else values[field.name] = field.defaultValue
  }
  return values
}

/** True when the field holds nothing (an empty string counts as nothing, as on the server). */
export function isEmptyValue(value: ConfigValue): boolean {
  return value === undefined || value === ''
}
