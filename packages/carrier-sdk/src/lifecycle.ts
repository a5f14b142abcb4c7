import type { LocalizedText } from './text.js'

/**
 * The unified card lifecycle, the same for every carrier. A plugin maps each raw carrier status
 * code onto exactly one of these in its mappers; the raw code is kept alongside, verbatim.
 */
export const lifecycles = [
  'unknown',
  'inventory',
  'test',
  'test_suspended',
  'ready',
  'active',
  'suspended',
  'pending_termination',
  'terminated',
] as const
export type Lifecycle = (typeof lifecycles)[number]

/** Changes an administrator can ask a carrier to make. */
export const stateActions = ['activate', 'suspend', 'resume'] as const
export type StateAction = (typeof stateActions)[number]

/**
 * A hold the carrier or the system put on a card, not the administrator's doing. An active card can
 * carry one (e.g. data cap reached); carriers refuse to resume cards stopped for these reasons.
 */
export const blockReasons = [
  'data_cap',
  'sms_cap',
  'data_cut',
  'expired',
  'balance',
  'imei_mismatch',
  'real_name',
  'pool_exhausted',
  'operator_admin',
  'dormant',
  'other',
] as const
export type BlockReason = (typeof blockReasons)[number]

/** The carrier's own status, kept exactly as reported. */
export interface CarrierStatus {
  /** The raw code, as a string (e.g. OneLink "2", Unicom "ACTIVATED_NAME"). */
  code: string
  /** The carrier's own label for it (e.g. 已激活). */
  label: LocalizedText
}

/** Which lifecycle states each action may start from. Actions absent here are not offered. */
export type TransitionTable = Partial<Record<StateAction, readonly Lifecycle[]>>
