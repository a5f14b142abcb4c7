import type { CardInfo, StateAction, UsageResult } from '@simops/carrier-sdk'
import type { CardRow } from '../db/schema.js'
import { actionTarget } from './card.js'

/**
 * The columns a successful sync writes: what the carrier reported, verbatim and unified. A pending
 * change is over once its target state is seen.
 */
export function observedColumns(
  card: Pick<CardRow, 'pendingAction'>,
  info: CardInfo,
  usage: UsageResult | null,
  at: Date,
) {
  const settled = card.pendingAction && actionTarget[card.pendingAction as StateAction] === info.lifecycle
  return {
    lifecycle: info.lifecycle,
    carrierStatusCode: info.carrierStatus.code,
    carrierStatusLabel: JSON.stringify(info.carrierStatus.label),
    block: info.block,
    activatedAt: info.activatedAt,
    platformType: info.platformType,
    ...(info.imsi ? { imsi: info.imsi } : {}),
    ...(info.imei ? { imei: info.imei } : {}),
    ...(usage
      ? {
          usageTotalBytes: usage.totalBytes,
          usageUsedBytes: usage.usedBytes,
          usageRemainingBytes:
            usage.remainingBytes ??
            (usage.totalBytes === null ? null : Math.max(0, usage.totalBytes - usage.usedBytes)),
          usageAsOf: usage.asOf,
        }
      : {}),
    ...(settled ? { pendingAction: null, pendingSince: null, pendingRef: null } : {}),
    syncState: 'ok' as const,
    syncedAt: at,
    syncErrorCode: null,
    syncErrorMessage: null,
    updatedAt: at,
  }
}

/** The columns a failed sync writes: the failure is kept on the card until the next sync. */
export function failedSyncColumns(code: string, message: string, at: Date) {
  return { syncState: 'failed' as const, syncedAt: at, syncErrorCode: code, syncErrorMessage: message }
}
