import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { createCore, CarrierRegistry, SecretBox, type Core, type CoreLogger } from '@simops/core'
import { ConfigError, type ServerConfig } from './config.js'
import { importPlugin } from './plugin-loader.js'

export interface SecretKeySource {
  key: string
  /** Where it came from, for the start-up log (never the key itself). */
  source: 'SIMOPS_SECRET_KEY' | 'generated' | 'file'
  file?: string
}

/**
 * The credentials key: SIMOPS_SECRET_KEY when set; otherwise a key file in the data directory,
 * generated (readable by this user only) on first start.
 */
export async function resolveSecretKey(config: ServerConfig): Promise<SecretKeySource> {
  if (config.secretKey) return { key: config.secretKey, source: 'SIMOPS_SECRET_KEY' }
  const file = join(config.dataDir, 'secret.key')
  if (existsSync(file)) return { key: (await readFile(file, 'utf8')).trim(), source: 'file', file }
  await mkdir(dirname(file), { recursive: true })
  const key = randomBytes(32).toString('base64')
  await writeFile(file, `${key}\n`, { mode: 0o600, flag: 'wx' })
  return { key, source: 'generated', file }
}

/** Everything the server and the CLI share: key, plugins, database, migrations. */
export async function openCore(
  config: ServerConfig,
  logger?: CoreLogger,
): Promise<{ core: Core; secretKey: SecretKeySource }> {
  const secretKey = await resolveSecretKey(config)
  try {
    SecretBox.fromText(secretKey.key)
  } catch (error) {
    const where =
      secretKey.source === 'SIMOPS_SECRET_KEY' ? 'SIMOPS_SECRET_KEY' : `the key file ${secretKey.file}`
    throw new ConfigError(where, error instanceof Error ? error.message : String(error))
  }
  const carriers = await CarrierRegistry.load(config.plugins, importPlugin)
  const core = await createCore({
    database: config.database,
    migrate: true,
    secretKey: secretKey.key,
    carriers,
    gateway: { rateLimitScale: config.carrierRateScale },
    jobRetentionDays: config.jobRetentionDays,
    ...(logger ? { logger } : {}),
    ...(config.sessionTtlMinutes ? { sessionTtlMinutes: config.sessionTtlMinutes } : {}),
  })
  return { core, secretKey }
}
