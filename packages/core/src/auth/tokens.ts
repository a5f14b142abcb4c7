import { createHash, randomBytes } from 'node:crypto'

// Prefixes tell the two kinds of bearer token apart at a glance (and to secret scanners).
export const SESSION_TOKEN_PREFIX = 'sos_'
export const API_KEY_PREFIX = 'sok_'

export function newToken(prefix: string): string {
  return prefix + randomBytes(32).toString('base64url')
}

/** Tokens are high-entropy, so a fast hash is enough; only the hash is stored. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}
