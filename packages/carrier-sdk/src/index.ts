export { CARRIER_API_VERSION, defineCarrier } from './definition.js'
export type {
  CarrierCapabilities,
  CarrierContext,
  CarrierDefinition,
  CarrierLimits,
  CarrierLogger,
} from './definition.js'
export {
  capabilityMethods,
  paymentMethods,
  type CallContext,
  type CapabilityName,
  type CardInfo,
  type CardLookup,
  type CarrierConnection,
  type ChangeStateInput,
  type ChangeStateResult,
  type GetCardsInput,
  type GetCardsResult,
  type GetStopReasonInput,
  type GetUsageInput,
  type HealthCheckInput,
  type HealthCheckResult,
  type PaymentMethod,
  type RechargeInput,
  type RechargeResult,
  type RechargeStatusInput,
  type RechargeStatusResult,
  type StopReasonResult,
  type UsageResult,
} from './connection.js'
export {
  CarrierError,
  carrierErrorCodes,
  isCarrierError,
  type CarrierErrorCode,
  type CarrierErrorOptions,
} from './errors.js'
export {
  defineConfig,
  secretFields,
  toJsonSchema,
  validateConfig,
  type BooleanField,
  type ConfigField,
  type ConfigFields,
  type ConfigIssue,
  type ConfigValidation,
  type ConfigValues,
  type EnumField,
  type IntegerField,
  type StringField,
  type UrlField,
} from './config-schema.js'
export {
  blockReasons,
  lifecycles,
  stateActions,
  type BlockReason,
  type CarrierStatus,
  type Lifecycle,
  type StateAction,
  type TransitionTable,
} from './lifecycle.js'
export { locales, type Locale, type LocalizedText } from './text.js'
export { validateConnection, validateDefinition, type DefinitionProblem } from './validate.js'
export { bytesFrom, type DataUnit } from './units.js'
export {
  CHINA_UTC_OFFSET_MS,
  chinaFieldsOf,
  chinaInstant,
  chinaMonthOf,
  type ChinaTimeFields,
} from './china-time.js'
