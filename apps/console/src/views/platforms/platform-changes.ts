import { isEmptyValue, type ConfigValues, type SchemaField } from '@/components/schema-form/config-schema'

/** A new platform's config: empty fields are left out so the server applies defaults and requirements. */
export function createConfig(fields: readonly SchemaField[], values: ConfigValues): Record<string, unknown> {
  const config: Record<string, unknown> = {}
  for (const field of fields) {
    const value = values[field.name]
    if (!isEmptyValue(value)) config[field.name] = value
  }
  return config
}

/**
 * The config fields an edit changed, as PATCH expects them: a secret only when something new was
 * typed (empty keeps the stored one), an emptied optional field as null (clears it).
 */
export function configChanges(
  fields: readonly SchemaField[],
  original: ConfigValues,
  values: ConfigValues,
): Record<string, unknown> {
  const changes: Record<string, unknown> = {}
  for (const field of fields) {
    const value = values[field.name]
    const before = original[field.name]
    if (field.kind === 'secret') {
      if (!isEmptyValue(value)) changes[field.name] = value
    } else if (isEmptyValue(value)) {
      if (!isEmptyValue(before)) changes[field.name] = null
    } else if (value !== before) {
      changes[field.name] = value
    }
  }
  return changes
}
