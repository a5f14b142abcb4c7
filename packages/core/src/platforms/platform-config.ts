import { secretFields, validateConfig, type ConfigFields } from '@simops/carrier-sdk'
import { DomainError } from '../errors.js'
import type { SecretBox } from '../secrets/secret-box.js'

/** What the API shows instead of a secret value; sending it back on update keeps the stored secret. */
export const SECRET_MASK = '******'

export interface SealedConfig {
  /** Non-secret fields, stored in clear. */
  clear: Record<string, unknown>
  /** Secret fields as encrypted JSON. */
  sealed: string
}

/** Validates a full config against the carrier's schema; problems name `config.<field>`. */
export function assertValidConfig(fields: ConfigFields, config: unknown): Record<string, unknown> {
  const result = validateConfig(fields, config)
  if (result.ok) return result.value as Record<string, unknown>
  const issues = result.issues.map((issue) => ({
    field: issue.field ? `config.${issue.field}` : 'config',
    message: issue.message,
  }))
  const first = issues[0]
  throw new DomainError(
    'invalid',
    'INVALID_PLATFORM_CONFIG',
    first ? `${first.field}: ${first.message}` : 'config is invalid',
    {
      fields: issues,
    },
  )
}

export function sealConfig(
  fields: ConfigFields,
  config: Record<string, unknown>,
  box: SecretBox,
): SealedConfig {
  const secrets = new Set(secretFields(fields))
  const clear: Record<string, unknown> = {}
  const hidden: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(config)) (secrets.has(name) ? hidden : clear)[name] = value
  return { clear, sealed: box.seal(JSON.stringify(hidden)) }
}

export function unsealConfig(
  clear: Record<string, unknown>,
  sealed: string,
  box: SecretBox,
): Record<string, unknown> {
  return { ...clear, ...(JSON.parse(box.open(sealed)) as Record<string, unknown>) }
}

/** The config as shown to people: secrets present are replaced by the mask, absent ones stay absent. */
export function maskConfig(
  fields: ConfigFields,
  clear: Record<string, unknown>,
  sealed: string,
  box: SecretBox,
) {
  const hidden = JSON.parse(box.open(sealed)) as Record<string, unknown>
  const masked: Record<string, unknown> = { ...clear }
  for (const name of Object.keys(hidden)) masked[name] = SECRET_MASK
  return {
    config: masked,
    secretsSet: Object.keys(hidden)
      .filter((name) => Object.hasOwn(fields, name))
      .sort(),
  }
}

/**
 * Applies a partial update to a full config: given fields replace, `null` removes an optional field,
 * and a secret sent as the mask (or not sent) keeps its stored value.
 */
export function mergeConfig(
  current: Record<string, unknown>,
  changes: Record<string, unknown>,
): Record<string, unknown> {
  const next = { ...current }
  for (const [name, value] of Object.entries(changes)) {
    if (value === SECRET_MASK) continue
    if (value === null) delete next[name]
    else next[name] = value
  }
  return next
}
