import type { Schemas } from '@simops/api-client'
import { i18n } from '@/locales'

type Operation = Schemas['Operation']

/**
 * The actions the API records, by the kind of object they touch, as the action filter offers them.
 * Actions missing here still display (untranslated) and can be typed into the filter.
 */
export const ACTION_GROUPS = [
  {
    group: 'card',
    actions: [
      'card.create',
      'card.update',
      'card.delete',
      'card.activate',
      'card.suspend',
      'card.resume',
      'card.sync',
      'card.bind',
      'card.unbind',
    ],
  },
  {
    group: 'job',
    actions: [
      'job.activate',
      'job.suspend',
      'job.resume',
      'job.sync',
      'job.delete',
      'job.bind',
      'job.import',
      'job.cancel',
    ],
  },
  { group: 'device', actions: ['device.create', 'device.update', 'device.delete', 'device.upsert'] },
  { group: 'recharge', actions: ['recharge.create', 'recharge.status', 'recharge.confirm'] },
  {
    group: 'platform',
    actions: [
      'platform.create',
      'platform.update',
      'platform.enable',
      'platform.disable',
      'platform.delete',
      'platform.test',
    ],
  },
  { group: 'user', actions: ['user.create', 'user.update', 'user.delete', 'user.reset_password'] },
  { group: 'api_key', actions: ['api_key.create', 'api_key.revoke'] },
  { group: 'auth', actions: ['auth.login', 'auth.logout', 'auth.change_password'] },
] as const

function translated(key: string, fallback: string): string {
  return i18n.global.te(key) ? i18n.global.t(key) : fallback
}

export function actionLabel(action: string): string {
  return translated(`operations.actions.${action}`, action)
}

export function actionGroupLabel(group: string): string {
  return translated(`operations.actionGroups.${group}`, group)
}

export function targetTypeLabel(type: string): string {
  return translated(`operations.targetTypes.${type}`, type)
}

/** What an operation touched, for display: its name, else its id. */
export function targetSubject(target: Operation['target']): string {
  return target.name ?? target.id ?? ''
}

export function targetLabel(target: Operation['target']): string {
  const type = targetTypeLabel(target.type)
  const subject = targetSubject(target)
  return subject ? `${type}: ${subject}` : type
}
