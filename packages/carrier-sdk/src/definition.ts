import type { ConfigFields, ConfigValues } from './config-schema.js'
import type { CapabilityName, CarrierConnection, PaymentMethod } from './connection.js'
import type { StateAction, TransitionTable } from './lifecycle.js'
import type { LocalizedText } from './text.js'

/**
 * Version of this contract. A plugin states the version it was written against; the platform loads
 * plugins whose version it supports and refuses the rest with a clear message.
 */
export const CARRIER_API_VERSION = 1

export interface CarrierLogger {
  debug(message: string, fields?: Record<string, unknown>): void
  info(message: string, fields?: Record<string, unknown>): void
  warn(message: string, fields?: Record<string, unknown>): void
}

/** What the platform hands a plugin when it creates a connection. Plugins never touch the database. */
export interface CarrierContext {
  /** Use this for all HTTP: the platform may route, record or limit it. */
  fetch: typeof fetch
  logger: CarrierLogger
  /** The current time; tests and simulators move it. */
  now(): Date
}

export interface CarrierCapabilities {
  /** State changes the carrier supports, with the lifecycle states each may start from. */
  changeState?: { transitions: TransitionTable }
  /** Period-to-date data usage. */
  usage?: true
  /** Why a card is stopped, and whether it can be resumed. */
  stopReason?: true
  /** Account top-up through a payment link. */
  recharge?: { paymentMethods: readonly PaymentMethod[]; minAmountFen: number; maxAmountFen: number }
  /** Status of recharge orders can be read back. */
  rechargeStatus?: true
}

export interface CarrierLimits {
  /** Most items one call accepts, per operation; the platform chunks to these. */
  batchSize: { getCards: number; changeState: number }
  /** Sustained calls per second one account may make. */
  requestsPerSecond: number
  /** How long a card is locked against another change after one (0 when the carrier has no lock). */
  lockSeconds: number
}

export interface CarrierDefinition<S extends ConfigFields = ConfigFields> {
  /** The contract version this plugin implements: CARRIER_API_VERSION when it was built. */
  apiVersion: number
  /** Stable identifier, lowercase (e.g. "onelink"). Stored with every platform config. */
  id: string
  displayName: LocalizedText
  /** The carrier's name, for grouping (e.g. 中国移动 / China Mobile). */
  carrierName: LocalizedText
  /** ICCID prefixes that identify this carrier's cards (e.g. "898600"). */
  iccidPrefixes: readonly string[]
  configSchema: S
  capabilities: CarrierCapabilities
  limits: CarrierLimits
  /** Opens a connection for one validated config. Called lazily, once per platform config. */
  create(config: ConfigValues<S>, context: CarrierContext): CarrierConnection | Promise<CarrierConnection>
}

/**
 * Declares a carrier plugin; the package's default export. It returns the definition unchanged, with
 * the config type inferred from the schema so `create` receives typed values.
 */
export function defineCarrier<const S extends ConfigFields>(
  definition: CarrierDefinition<S>,
): CarrierDefinition<S> {
  return definition
}

export type { CapabilityName, StateAction }
