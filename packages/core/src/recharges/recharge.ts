import type { PaymentMethod } from '@simops/carrier-sdk'
import type { RechargeRow, RechargeStatusSource } from '../db/schema.js'
import { formatFen } from './amount.js'

export type RechargeState = 'pending' | 'paid' | 'failed' | 'expired'

/** 充值订单: one top-up order issued by a carrier, with its payment link and tracked status. */
export interface Recharge {
  id: string
  platform: { id: string; name: string; carrierId: string }
  accountId: string
  amountFen: number
  /** The amount in 元, two decimals ("12.50"). */
  amount: string
  paymentMethod: PaymentMethod
  orderNo: string
  paymentUrl: string
  status: RechargeState
  /** Who settled the status: the carrier, an administrator, or the payment link's lifetime. */
  statusSource: RechargeStatusSource | null
  expiresAt: Date | null
  paidAt: Date | null
  /** When the carrier was last asked about the order. */
  checkedAt: Date | null
  note: string | null
  createdBy: { id: string | null; name: string }
  createdAt: Date
  updatedAt: Date
}

export function toRecharge(row: RechargeRow, platformName: string): Recharge {
  return {
    id: row.id,
    platform: { id: row.platformId, name: platformName, carrierId: row.carrierId },
    accountId: row.accountId,
    amountFen: row.amountFen,
    amount: formatFen(row.amountFen),
    // Stored only after the plugin accepted it, which checks it is one of its declared methods.
    paymentMethod: row.paymentMethod as PaymentMethod,
    orderNo: row.orderNo ?? '',
    paymentUrl: row.paymentUrl ?? '',
    status: row.status === 'creating' ? 'pending' : row.status,
    statusSource: row.statusSource,
    expiresAt: row.expiresAt,
    paidAt: row.paidAt,
    checkedAt: row.checkedAt,
    note: row.note,
    createdBy: { id: row.createdById, name: row.createdByName },
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  }
}
