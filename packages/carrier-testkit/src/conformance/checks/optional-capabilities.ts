import { blockReasons, type CarrierConnection, type RechargeResult } from '@simops/carrier-sdk'
import {
  describeValue,
  fail,
  isNonNegativeInteger,
  isRecord,
  isStringOrNull,
  isValidDate,
} from '../assertions.js'
import type { CheckSpec } from '../check-spec.js'
import type { Harness } from '../harness.js'

/** The optional method a declared capability promises, bound to its connection. */
function methodOf<K extends 'getUsage' | 'getStopReason' | 'recharge' | 'getRechargeStatus'>(
  connection: CarrierConnection,
  name: K,
): NonNullable<CarrierConnection[K]> {
  const method = connection[name]
  if (typeof method !== 'function') fail(`the capability is declared but the connection has no ${name}()`)
  return method.bind(connection) as NonNullable<CarrierConnection[K]>
}

/** Names the unit mistake when a figure is exactly the simulator's bytes divided by 1024 or 1024². */
function unitHint(reported: number, bytes: number): string {
  if (Math.round(bytes / 1024) === reported)
    return ' (that is the figure in KB: convert with bytesFrom(value, "KB"))'
  if (Math.round(bytes / 1024 ** 2) === reported)
    return ' (that is the figure in MB: convert with bytesFrom(value, "MB"))'
  return ''
}

async function placeOrder(harness: Harness, connection: CarrierConnection): Promise<RechargeResult> {
  const recharge = harness.definition.capabilities.recharge
  const paymentMethod = recharge?.paymentMethods[0]
  if (!recharge || !paymentMethod) fail('capability "recharge" must declare at least one payment method')
  const input = { accountId: 'acct-1', amountFen: recharge.minAmountFen, paymentMethod }
  const label = `recharge(${describeValue(input)})`
  const result: unknown = await harness.call(label, (call) => methodOf(connection, 'recharge')(input, call))
  if (!isRecord(result) || typeof result.orderNo !== 'string' || result.orderNo === '')
    fail(`${label} must resolve with a non-empty orderNo, got ${describeValue(result)}`)
  let protocol = ''
  try {
    protocol = new URL(String(result.paymentUrl)).protocol
  } catch {
    // Reported below together with non-http URLs.
  }
  if (protocol !== 'http:' && protocol !== 'https:')
    fail(`${label} must give an http(s) paymentUrl, got ${describeValue(result.paymentUrl)}`)
  if (result.expiresAt !== null && !isValidDate(result.expiresAt))
    fail(`${label}: expiresAt must be a valid Date or null, got ${describeValue(result.expiresAt)}`)
  return result as unknown as RechargeResult
}

export const optionalCapabilityChecks: CheckSpec[] = [
  {
    name: 'usage units',
    skip: (definition) => (definition.capabilities.usage ? undefined : 'capability "usage" is not declared'),
    async run(harness) {
      const connection = await harness.connect()
      const iccid = await harness.takeCard('active', 'the usage check')
      const label = `getUsage of active card ${iccid}`
      const usage: unknown = await harness.call(label, (call) =>
        methodOf(connection, 'getUsage')({ iccid }, call),
      )
      if (!isRecord(usage)) fail(`${label} must resolve with a usage object, got ${describeValue(usage)}`)
      const held = await harness.simulator.usedBytes(iccid)
      const problems: string[] = []
      if (!isNonNegativeInteger(usage.usedBytes))
        problems.push(
          `usedBytes must be a non-negative whole number of bytes, got ${describeValue(usage.usedBytes)}`,
        )
      else if (usage.usedBytes !== held)
        problems.push(
          `usedBytes is ${usage.usedBytes} but the simulator holds ${held} bytes${unitHint(usage.usedBytes, held)}`,
        )
      if (
        !isValidDate(usage.periodStart) ||
        !isValidDate(usage.periodEnd) ||
        usage.periodStart >= usage.periodEnd
      )
        problems.push(
          `periodStart and periodEnd must be Dates with start < end, got ${describeValue([usage.periodStart, usage.periodEnd])}`,
        )
      for (const field of ['totalBytes', 'remainingBytes'])
        if (usage[field] !== null && !isNonNegativeInteger(usage[field]))
          problems.push(
            `${field} must be a whole number of bytes or null, got ${describeValue(usage[field])}`,
          )
      if (!isValidDate(usage.asOf))
        problems.push(`asOf must be a valid Date, got ${describeValue(usage.asOf)}`)
      if (usage.daily !== null && !Array.isArray(usage.daily))
        problems.push(`daily must be an array or null, got ${describeValue(usage.daily)}`)
      if (problems.length > 0) fail(`${label}:\n  ${problems.join('\n  ')}`)
    },
  },
  {
    name: 'stop reason',
    skip: (definition) =>
      definition.capabilities.stopReason ? undefined : 'capability "stopReason" is not declared',
    async run(harness) {
      const connection = await harness.connect()
      const iccid = await harness.takeCard('suspended', 'the stop reason check')
      const label = `getStopReason of suspended card ${iccid}`
      const reason: unknown = await harness.call(label, (call) =>
        methodOf(connection, 'getStopReason')({ iccid }, call),
      )
      if (
        !isRecord(reason) ||
        !['customer', 'carrier', 'unknown'].includes(String(reason.initiator)) ||
        typeof reason.resumable !== 'boolean' ||
        !isStringOrNull(reason.text) ||
        !(reason.block === null || (blockReasons as readonly unknown[]).includes(reason.block))
      )
        fail(
          `${label} must resolve with { initiator: customer|carrier|unknown, resumable: boolean, block, text }, ` +
            `got ${describeValue(reason)}`,
        )
    },
  },
  {
    name: 'recharge',
    skip: (definition) =>
      definition.capabilities.recharge ? undefined : 'capability "recharge" is not declared',
    async run(harness) {
      await placeOrder(harness, await harness.connect())
    },
  },
  {
    name: 'recharge status',
    skip: (definition) =>
      !definition.capabilities.rechargeStatus
        ? 'capability "rechargeStatus" is not declared'
        : !definition.capabilities.recharge
          ? 'capability "recharge" is not declared, so the suite has no order to read back'
          : undefined,
    async run(harness) {
      const connection = await harness.connect()
      const { orderNo } = await placeOrder(harness, connection)
      const label = `getRechargeStatus of new order ${orderNo}`
      const status: unknown = await harness.call(label, (call) =>
        methodOf(connection, 'getRechargeStatus')({ orderNo }, call),
      )
      if (
        !isRecord(status) ||
        !['pending', 'paid', 'failed'].includes(String(status.status)) ||
        !(status.paidAt === null || isValidDate(status.paidAt))
      )
        fail(
          `${label} must resolve with { status: pending|paid|failed, paidAt: Date | null }, got ${describeValue(status)}`,
        )
    },
  },
]
