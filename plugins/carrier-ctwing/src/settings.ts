import { CarrierError, type CarrierLogger } from '@simops/carrier-sdk'
import type { CtwingConfig } from './config.js'
import { keyPartsOf, strDec } from './legacy/str-enc.js'

export const DEFAULT_LEGACY_BASE_URL = 'http://api.ct10649.com:9001/m2m_ec/'
export const DEFAULT_CMP5G_BASE_URL = 'https://cmp-api.ctwing.cn:20164'

export interface LegacySettings {
  generation: 'legacy'
  /** Ends with "/", so method endpoints resolve under it (…/m2m_ec/query.do). */
  baseUrl: string
  userId: string
  /** Always the plain password: strEnc runs on every call. */
  password: string
  secretKey: string
  paramStyle: 'user_id' | 'userId'
}

export interface Cmp5gSettings {
  generation: 'cmp5g'
  /** Without a trailing "/"; endpoint paths start with one. */
  baseUrl: string
  appKey: string
  secretKey: string
  clockSkewSeconds: number
}

export type CtwingSettings = LegacySettings | Cmp5gSettings

function missing(field: string, generation: string): CarrierError {
  return new CarrierError('config', `the ${generation} API needs "${field}"; fill it in on the platform form`)
}

/**
 * JetLinks' help text calls the password "encrypted"; some users paste the strEnc output. A value that
 * is upper-case hex in whole blocks and decrypts to printable text with this key is taken as such.
 */
function plainPasswordOf(password: string, secretKey: string, logger: CarrierLogger): string {
  if (!/^(?:[0-9A-F]{16})+$/.test(password)) return password
  const decrypted = strDec(password, ...keyPartsOf(secretKey))
  if (decrypted === '' || !/^[\x20-\x7e]+$/.test(decrypted)) return password
  logger.warn('the ctwing password looks strEnc-encrypted; using its decrypted form', {
    encryptedLength: password.length,
  })
  return decrypted
}

/** The settings the chosen generation needs, or a `config` CarrierError naming the missing field. */
export function resolveSettings(config: CtwingConfig, logger: CarrierLogger): CtwingSettings {
  if (config.apiGeneration === 'cmp5g') {
    if (!config.appKey) throw missing('appKey', '5G CMP')
    return {
      generation: 'cmp5g',
      baseUrl: (config.baseUrl || DEFAULT_CMP5G_BASE_URL).replace(/\/+$/, ''),
      appKey: config.appKey,
      secretKey: config.secretKey,
      clockSkewSeconds: config.clockSkewSeconds,
    }
  }
  if (!config.userId) throw missing('userId', 'legacy m2m_ec')
  if (!config.password) throw missing('password', 'legacy m2m_ec')
  if ([...config.secretKey].length !== 9 || config.secretKey.length !== 9)
    throw new CarrierError(
      'config',
      `the legacy m2m_ec API needs a 9-character "secretKey" (it is cut into three 3-character keys); the one given has ${config.secretKey.length}`,
    )
  return {
    generation: 'legacy',
    baseUrl: (config.baseUrl || DEFAULT_LEGACY_BASE_URL).replace(/\/*$/, '/'),
    userId: config.userId,
    password: plainPasswordOf(config.password, config.secretKey, logger),
    secretKey: config.secretKey,
    paramStyle: config.paramStyle,
  }
}
