import type { Schemas } from '@simops/api-client'

export type ApiKeyStatus = 'active' | 'revoked' | 'expired'

export function apiKeyStatus(key: Schemas['ApiKey'], now: Date = new Date()): ApiKeyStatus {
  if (key.revokedAt) return 'revoked'
  if (key.expiresAt && new Date(key.expiresAt) <= now) return 'expired'
  return 'active'
}
