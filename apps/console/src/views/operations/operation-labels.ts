import type { Schemas } from '@simops/api-client'
import { i18n } from '@/locales'

type Operation = Schemas['Operation']

/** Actions the API records today, offered in the filter; others still display, untranslated. */
export const KNOWN_ACTIONS = [
  'auth.login',
  'auth.logout',
  'auth.change_password',
  'user.create',
  'user.update',
  'user.delete',
  'user.reset_password',
  'api_key.create',
  'api_key.revoke',
  'platform.create',
  'platform.update',
  'platform.enable',
  'platform.disable',
  'platform.delete',
  'platform.test',
] as const

function translated(key: string, fallback: string): string {
  return i18n.global.te(key) ? i18n.global.t(key) : fallback
}

export function actionLabel(action: string): string {
  return translated(`operations.actions.${action}`, action)
}

export function targetLabel(target: Operation['target']): string {
  const type = translated(`operations.targetTypes.${target.type}`, target.type)
  const subject = target.name ?? target.id
  return subject ? `${type}: ${subject}` : type
}
