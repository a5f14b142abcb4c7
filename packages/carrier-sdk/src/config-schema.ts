import type { LocalizedText } from './text.js'

/**
 * A plugin's configuration form, declared field by field. The platform validates configs against it,
 * renders the console form from it (labels, help, secret masking) and encrypts the secret fields.
 */
interface FieldBase {
  label: LocalizedText
  /** Where to find the value, what it means: shown beside the field. */
  help?: LocalizedText
  placeholder?: string
  /** Required unless set to false. */
  required?: boolean
}

export interface StringField extends FieldBase {
  type: 'string'
  /** Secret fields are encrypted at rest, never returned unmasked and never logged. */
  secret?: boolean
  minLength?: number
  maxLength?: number
  /** A regular expression the whole value must match. */
  pattern?: string
  default?: string
}

export interface UrlField extends FieldBase {
  type: 'url'
  default?: string
}

export interface IntegerField extends FieldBase {
  type: 'integer'
  minimum?: number
  maximum?: number
  default?: number
}

export interface BooleanField extends FieldBase {
  type: 'boolean'
  default?: boolean
}

export interface EnumField<V extends string = string> extends FieldBase {
  type: 'enum'
  options: ReadonlyArray<{ value: V; label: LocalizedText }>
  default?: V
}

export type ConfigField = StringField | UrlField | IntegerField | BooleanField | EnumField

export type ConfigFields = Record<string, ConfigField>

type FieldValue<F extends ConfigField> = F extends IntegerField
  ? number
  : F extends BooleanField
    ? boolean
    : F extends EnumField<infer V>
      ? V
      : string

type IsOptional<F extends ConfigField> = F extends { required: false }
  ? F extends { default: unknown }
    ? false
    : true
  : false

/** The validated config object a plugin's `create` receives. */
export type ConfigValues<S extends ConfigFields> = {
  [K in keyof S as IsOptional<S[K]> extends true ? never : K]: FieldValue<S[K]>
} & {
  [K in keyof S as IsOptional<S[K]> extends true ? K : never]?: FieldValue<S[K]>
}

/** Declares a config schema with its field types kept for inference (an identity at run time). */
export function defineConfig<const S extends ConfigFields>(fields: S): S {
  return fields
}

export interface ConfigIssue {
  field: string
  message: string
}

export type ConfigValidation<S extends ConfigFields> =
  { ok: true; value: ConfigValues<S> } | { ok: false; issues: ConfigIssue[] }

function checkField(name: string, field: ConfigField, value: unknown): string | undefined {
  switch (field.type) {
    case 'string': {
      if (typeof value !== 'string') return 'must be text'
      if (field.minLength !== undefined && value.length < field.minLength)
        return `must be at least ${field.minLength} characters`
      if (field.maxLength !== undefined && value.length > field.maxLength)
        return `must be at most ${field.maxLength} characters`
      if (field.pattern !== undefined && !new RegExp(`^(?:${field.pattern})$`).test(value))
        return `must match ${field.pattern}`
      return undefined
    }
    case 'url': {
      if (typeof value !== 'string') return 'must be a URL'
      try {
        const url = new URL(value)
        if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must be an http:// or https:// URL'
      } catch {
        return 'must be a URL such as https://example.com/api'
      }
      return undefined
    }
    case 'integer': {
      if (typeof value !== 'number' || !Number.isInteger(value)) return 'must be a whole number'
      if (field.minimum !== undefined && value < field.minimum) return `must be at least ${field.minimum}`
      if (field.maximum !== undefined && value > field.maximum) return `must be at most ${field.maximum}`
      return undefined
    }
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'must be true or false'
    case 'enum':
      return field.options.some((option) => option.value === value)
        ? undefined
        : `must be one of ${field.options.map((option) => option.value).join(', ')}`
    default: {
      const unknownField: never = field
      return `has an unknown field type in the schema of ${name}: ${JSON.stringify(unknownField)}`
    }
  }
}

/**
 * Checks a config object against the schema: required fields present, types and bounds right, no
 * unknown fields. Defaults fill omitted optional fields. Empty strings count as missing.
 */
export function validateConfig<S extends ConfigFields>(fields: S, input: unknown): ConfigValidation<S> {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return { ok: false, issues: [{ field: '', message: 'config must be an object' }] }
  const issues: ConfigIssue[] = []
  const value: Record<string, unknown> = {}
  const given = input as Record<string, unknown>
  for (const name of Object.keys(given)) {
    if (!Object.hasOwn(fields, name)) issues.push({ field: name, message: 'is not a field of this carrier' })
  }
  for (const [name, field] of Object.entries(fields)) {
    const raw = given[name]
    if (raw === undefined || raw === null || raw === '') {
      if (field.default !== undefined) value[name] = field.default
      else if (field.required !== false) issues.push({ field: name, message: 'is required' })
      continue
    }
    const problem = checkField(name, field, raw)
    if (problem) issues.push({ field: name, message: problem })
    else value[name] = raw
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: value as ConfigValues<S> }
}

/** Names of the secret fields, which the platform encrypts and masks. */
export function secretFields(fields: ConfigFields): string[] {
  return Object.entries(fields)
    .filter(([, field]) => field.type === 'string' && field.secret === true)
    .map(([name]) => name)
}

/** The schema as JSON Schema (draft 2020-12), with `x-label`, `x-help` and `x-secret` annotations. */
export function toJsonSchema(fields: ConfigFields): Record<string, unknown> {
  const properties: Record<string, unknown> = {}
  const required: string[] = []
  for (const [name, field] of Object.entries(fields)) {
    const annotations = {
      title: field.label.en,
      'x-label': field.label,
      ...(field.help ? { description: field.help.en, 'x-help': field.help } : {}),
      ...(field.placeholder ? { examples: [field.placeholder] } : {}),
      ...(field.default !== undefined ? { default: field.default } : {}),
    }
    if (field.required !== false && field.default === undefined) required.push(name)
    switch (field.type) {
      case 'string':
        properties[name] = {
          type: 'string',
          ...annotations,
          ...(field.secret ? { 'x-secret': true, writeOnly: true } : {}),
          ...(field.minLength !== undefined ? { minLength: field.minLength } : {}),
          ...(field.maxLength !== undefined ? { maxLength: field.maxLength } : {}),
          ...(field.pattern !== undefined ? { pattern: `^(?:${field.pattern})$` } : {}),
        }
        break
      case 'url':
        properties[name] = { type: 'string', format: 'uri', ...annotations }
        break
      case 'integer':
        properties[name] = {
          type: 'integer',
          ...annotations,
          ...(field.minimum !== undefined ? { minimum: field.minimum } : {}),
          ...(field.maximum !== undefined ? { maximum: field.maximum } : {}),
        }
        break
      case 'boolean':
        properties[name] = { type: 'boolean', ...annotations }
        break
      case 'enum':
        properties[name] = {
          type: 'string',
          enum: field.options.map((option) => option.value),
          'x-options': field.options,
          ...annotations,
        }
        break
    }
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    properties,
    required,
    additionalProperties: false,
  }
}
