import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { DatabaseConfig } from '@simops/core'

/** Everything the server reads from its environment, read in this one place. */
export interface ServerConfig {
  database: DatabaseConfig
  dataDir: string
  host: string
  port: number
  logLevel: string
  /** json for log collectors (the default), pretty for people at a terminal. */
  logFormat: 'json' | 'pretty'
  adminPassword: string | undefined
  sessionTtlMinutes: number | undefined
  trustProxy: boolean
  consoleDir: string | undefined
  /** SIMOPS_SECRET_KEY, when set; otherwise the key file in the data directory is used. */
  secretKey: string | undefined
  /** Carrier plugin packages to load, in order. */
  plugins: string[]
  /** Bulk jobs run at once by this process. */
  jobWorkers: number
  /** Largest card import file, in bytes. */
  importMaxBytes: number
  /** Multiplies each carrier plugin's declared request rate (negotiated limits, benchmarks). */
  carrierRateScale: number
  /** Days finished jobs (and their per-card results) are kept; 0 keeps them for ever. */
  jobRetentionDays: number
}

/**
 * Carrier plugins bundled with SimOps and loaded when SIMOPS_PLUGINS is not set. The reference
 * carrier (with its simulator) lets a fresh installation try platform access without credentials.
 */
export const bundledPlugins: string[] = [
  '@simops/carrier-onelink',
  '@simops/carrier-ctwing',
  '@simops/carrier-unicom',
  '@simops/carrier-testkit/reference',
]

export class ConfigError extends Error {
  constructor(variable: string, problem: string) {
    super(`${variable}: ${problem}`)
    this.name = 'ConfigError'
  }
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min || value > max)
    throw new ConfigError(name, `must be a whole number from ${min} to ${max}, got "${raw}"`)
  return value
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']

/** The built console next to this package in the workspace (apps/console/dist), if it has been built. */
function defaultConsoleDir(): string | undefined {
  const dir = fileURLToPath(new URL('../../console/dist', import.meta.url))
  return existsSync(resolve(dir, 'index.html')) ? dir : undefined
}

export function readConfig(env: NodeJS.ProcessEnv, cwd: string): ServerConfig {
  const dataDir = resolve(cwd, env.SIMOPS_DATA_DIR || '.simops')
  const url = env.DATABASE_URL
  if (url && !/^postgres(ql)?:\/\//.test(url))
    throw new ConfigError('DATABASE_URL', 'must start with postgres:// or postgresql://')
  const logLevel = env.LOG_LEVEL || 'info'
  if (!LOG_LEVELS.includes(logLevel))
    throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}`)
  const logFormat = env.LOG_FORMAT || 'json'
  if (logFormat !== 'json' && logFormat !== 'pretty')
    throw new ConfigError('LOG_FORMAT', 'must be json or pretty')
  const adminPassword = env.SIMOPS_ADMIN_PASSWORD || undefined
  if (adminPassword !== undefined && adminPassword.length < 8)
    throw new ConfigError('SIMOPS_ADMIN_PASSWORD', 'must be at least 8 characters')
  const consoleDir = env.SIMOPS_CONSOLE_DIR ? resolve(cwd, env.SIMOPS_CONSOLE_DIR) : defaultConsoleDir()
  return {
    database: url ? { kind: 'postgres', url } : { kind: 'embedded', dataDir: resolve(dataDir, 'pgdata') },
    dataDir,
    host: env.HOST || '127.0.0.1',
    port: integer(env, 'PORT', 3000, 0, 65535),
    logLevel,
    logFormat,
    adminPassword,
    sessionTtlMinutes: env.SIMOPS_SESSION_TTL_MINUTES
      ? integer(env, 'SIMOPS_SESSION_TTL_MINUTES', 720, 5, 60 * 24 * 30)
      : undefined,
    trustProxy: env.SIMOPS_TRUST_PROXY === 'true' || env.SIMOPS_TRUST_PROXY === '1',
    consoleDir,
    secretKey: env.SIMOPS_SECRET_KEY || undefined,
    plugins: env.SIMOPS_PLUGINS === undefined ? bundledPlugins : parsePluginList(env.SIMOPS_PLUGINS),
    jobWorkers: integer(env, 'SIMOPS_JOB_WORKERS', 2, 1, 32),
    importMaxBytes: integer(env, 'SIMOPS_IMPORT_MAX_MB', 200, 1, 4096) * 1024 * 1024,
    carrierRateScale: positiveNumber(env, 'SIMOPS_CARRIER_RATE_SCALE', 1),
    jobRetentionDays: integer(env, 'SIMOPS_JOB_RETENTION_DAYS', 30, 0, 3650),
  }
}

function positiveNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isFinite(value) || value <= 0 || value > 1000)
    throw new ConfigError(name, `must be a number above 0 and at most 1000, got "${raw}"`)
  return value
}

const PACKAGE_NAME = /^(@[a-z0-9][a-z0-9._-]*\/)?[a-z0-9][a-z0-9._-]*(\/[a-z0-9._-]+)*$/

function parsePluginList(raw: string): string[] {
  const names = raw
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean)
  for (const name of names)
    if (!PACKAGE_NAME.test(name))
      throw new ConfigError('SIMOPS_PLUGINS', `"${name}" is not an npm package name`)
  return names
}
