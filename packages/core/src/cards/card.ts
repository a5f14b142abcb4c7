import { lifecycles, type Lifecycle, type StateAction, type TransitionTable } from '@simops/carrier-sdk'
import type { CardRow, CardType, DeviceState, PlatformState, SyncState } from '../db/schema.js'

export const cardTypes: readonly CardType[] = ['year', 'season', 'month', 'other']
export const syncStates: readonly SyncState[] = ['never', 'waiting', 'running', 'ok', 'failed']
export const CARD_DESCRIPTION_MAX_LENGTH = 200
export const CARD_TAG_MAX_LENGTH = 32
export const CARD_TAGS_MAX = 20

/** 物联卡: a SIM card as SimOps knows it. Lifecycle, carrier status, sync and pending change are separate axes. */
export interface Card {
  id: string
  /** 卡号: the MSISDN / access number. */
  number: string
  iccid: string
  iccid19: string
  imsi: string | null
  imei: string | null
  platform: { id: string; name: string; carrierId: string; state: PlatformState }
  carrierId: string
  type: CardType
  description: string
  tags: string[]
  /** Plan expiry, YYYY-MM-DD. */
  expiresOn: string | null
  device: { id: string; name: string; state: DeviceState } | null
  boundAt: Date | null
  lifecycle: Lifecycle
  carrierStatus: { code: string; label: Record<string, string> } | null
  block: string | null
  platformType: string | null
  activatedAt: Date | null
  usage: { totalBytes: number | null; usedBytes: number; remainingBytes: number | null; asOf: Date } | null
  /** A change the carrier accepted and has not been observed yet. */
  pending: { action: StateAction; since: Date; carrierRef: string | null } | null
  sync: { state: SyncState; at: Date | null; error: { code: string; message: string } | null }
  /** The lifecycle actions that can be asked for now (the carrier's transitions from the current state). */
  actions: StateAction[]
  createdAt: Date
  updatedAt: Date
}

/** A card row joined with the names of its platform and device. */
export interface CardJoinedRow extends CardRow {
  platformName: string
  platformState: PlatformState
  deviceName: string | null
  deviceState: DeviceState | null
}

/** Where each action is heading: a pending change is over once the card is seen in this state. */
export const actionTarget: Record<StateAction, Lifecycle> = {
  activate: 'active',
  suspend: 'suspended',
  resume: 'active',
}

export function asLifecycle(value: string): Lifecycle {
  return (lifecycles as readonly string[]).includes(value) ? (value as Lifecycle) : 'unknown'
}

/** What the card's plugin says about changing states: its transitions and its lock window. */
export interface CarrierRules {
  transitions: TransitionTable | undefined
  lockSeconds: number
}

/**
 * Whether a change sent earlier still holds the card: until it is observed, or until the carrier's
 * lock window (at least a minute) has passed — a change the carrier dropped must not block forever.
 */
export function pendingHolds(
  row: Pick<CardRow, 'pendingAction' | 'pendingSince'>,
  lockSeconds: number,
  now: Date,
) {
  if (!row.pendingAction || !row.pendingSince) return false
  return now.getTime() - row.pendingSince.getTime() < Math.max(lockSeconds, 60) * 1000
}

/** Actions offered for a card: the carrier's transitions from its state, none while a change is pending. */
export function offeredActions(
  row: Pick<CardJoinedRow, 'lifecycle' | 'pendingAction' | 'pendingSince' | 'platformState'>,
  rules: CarrierRules | undefined,
  now: Date,
): StateAction[] {
  const transitions = rules?.transitions
  if (!rules || !transitions || pendingHolds(row, rules.lockSeconds, now) || row.platformState !== 'enabled')
    return []
  const lifecycle = asLifecycle(row.lifecycle)
  return (Object.keys(transitions) as StateAction[]).filter((action) =>
    transitions[action]?.includes(lifecycle),
  )
}

export function toCard(row: CardJoinedRow, rules: CarrierRules | undefined, now: Date): Card {
  return {
    id: String(row.id),
    number: row.number,
    iccid: row.iccid,
    iccid19: row.iccid19,
    imsi: row.imsi,
    imei: row.imei,
    platform: {
      id: row.platformId,
      name: row.platformName,
      carrierId: row.carrierId,
      state: row.platformState,
    },
    carrierId: row.carrierId,
    type: row.type,
    description: row.description,
    tags: row.tags,
    expiresOn: row.expiresOn,
    device:
      row.deviceId && row.deviceName !== null && row.deviceState !== null
        ? { id: row.deviceId, name: row.deviceName, state: row.deviceState }
        : null,
    boundAt: row.boundAt,
    lifecycle: asLifecycle(row.lifecycle),
    carrierStatus:
      row.carrierStatusCode !== null
        ? { code: row.carrierStatusCode, label: row.carrierStatusLabel ?? {} }
        : null,
    block: row.block,
    platformType: row.platformType,
    activatedAt: row.activatedAt,
    usage:
      row.usageAsOf && row.usageUsedBytes !== null
        ? {
            totalBytes: row.usageTotalBytes,
            usedBytes: row.usageUsedBytes,
            remainingBytes: row.usageRemainingBytes,
            asOf: row.usageAsOf,
          }
        : null,
    pending:
      row.pendingAction && row.pendingSince
        ? { action: row.pendingAction as StateAction, since: row.pendingSince, carrierRef: row.pendingRef }
        : null,
    sync: {
      state: row.syncState,
      at: row.syncedAt,
      error:
        row.syncErrorCode !== null ? { code: row.syncErrorCode, message: row.syncErrorMessage ?? '' } : null,
    },
    actions: offeredActions(row, rules, now),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  }
}
