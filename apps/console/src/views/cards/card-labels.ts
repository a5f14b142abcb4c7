import type { Schemas } from '@simops/api-client'
import { describeApiError } from '@/api/errors'
import { i18n } from '@/locales'

type Card = Schemas['Card']
export type Lifecycle = Schemas['Lifecycle']
export type SyncState = Schemas['SyncState']
export type CardType = Schemas['CardType']
export type StateAction = Schemas['StateAction']
export type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger'

export const LIFECYCLES: readonly Lifecycle[] = [
  'unknown',
  'inventory',
  'test',
  'test_suspended',
  'ready',
  'active',
  'suspended',
  'pending_termination',
  'terminated',
]
export const SYNC_STATES: readonly SyncState[] = ['never', 'waiting', 'running', 'ok', 'failed']
export const CARD_TYPES: readonly CardType[] = ['year', 'season', 'month', 'other']

const LIFECYCLE_TAGS: Record<Lifecycle, TagType> = {
  unknown: 'info',
  inventory: 'info',
  test: 'primary',
  test_suspended: 'warning',
  ready: 'primary',
  active: 'success',
  suspended: 'danger',
  pending_termination: 'warning',
  terminated: 'info',
}

const SYNC_TAGS: Record<SyncState, TagType> = {
  never: 'info',
  waiting: 'info',
  running: 'primary',
  ok: 'success',
  failed: 'danger',
}

export const lifecycleTagType = (lifecycle: Lifecycle): TagType => LIFECYCLE_TAGS[lifecycle] ?? 'info'
export const syncTagType = (state: SyncState): TagType => SYNC_TAGS[state] ?? 'info'

/** A server-provided label by locale (`{ 'zh-CN': …, en: … }`), falling back to Chinese. */
export function labelIn(label: Record<string, string> | null | undefined, locale: string): string {
  if (!label) return ''
  return label[locale] || label['zh-CN'] || Object.values(label)[0] || ''
}

/** The carrier's own status text, or its raw code when it sent no label. */
export function carrierStatusText(card: Card, locale: string): string {
  if (!card.carrierStatus) return ''
  return labelIn(card.carrierStatus.label, locale) || card.carrierStatus.code
}

function translated(key: string, fallback: string, params: Record<string, unknown> = {}): string {
  return i18n.global.te(key) ? i18n.global.t(key, params) : fallback
}

/** 操作类型 of a card's operation record (`card.suspend` → 停机). */
export function historyActionLabel(action: string): string {
  const suffix = action.startsWith('card.') ? action.slice('card.'.length) : action
  return translated(`cards.history.actions.${suffix}`, action)
}

/** An error in our words when its code is known, keeping the carrier's or server's own message. */
export function errorText(error: { code: string | null; message: string | null } | null): string {
  if (!error) return ''
  const message = error.message ?? ''
  if (!error.code) return message
  const text = describeApiError({ code: error.code, message })
  return !message || text.includes(message) ? text : `${text}（${message}）`
}

export interface IdentityNote {
  code: string
  level: 'error' | 'warning' | 'info'
  message: string
}

/**
 * A validation note in the user's language. The API writes notes in English only, so known codes are
 * translated here with what the check answered (e.g. the ICCID's full form); others keep the server text.
 */
export function noteText(note: IdentityNote, check: Schemas['CardIdentityCheck'] | null): string {
  return translated(`cards.notes.${note.code}`, note.message, {
    fullForm: check?.iccid?.fullForm ?? '',
    number: check?.number ?? '',
    prefix: check?.iccid?.carrier?.prefix ?? check?.iccid?.iccid?.slice(0, 6) ?? '',
  })
}
