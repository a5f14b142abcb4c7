import {
  capabilityMethods,
  paymentMethods,
  type CapabilityName,
  type CarrierConnection,
} from './connection.js'
import { CARRIER_API_VERSION, type CarrierDefinition } from './definition.js'
import { lifecycles, stateActions } from './lifecycle.js'

export interface DefinitionProblem {
  path: string
  message: string
}

const ID_PATTERN = /^[a-z][a-z0-9-]{1,31}$/
const FIELD_TYPES = new Set(['string', 'url', 'integer', 'boolean', 'enum'])

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isLocalized(value: unknown): boolean {
  return (
    isObject(value) &&
    typeof value['zh-CN'] === 'string' &&
    value['zh-CN'] !== '' &&
    typeof value.en === 'string' &&
    value.en !== ''
  )
}

function positiveInteger(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value > 0
}

/**
 * Checks that a value is a well-formed carrier definition for this contract version. The platform
 * runs it when loading a plugin and the conformance kit runs it in the plugin's own tests, so both
 * agree on what "valid" means. Returns every problem found, not just the first.
 */
export function validateDefinition(candidate: unknown): DefinitionProblem[] {
  const problems: DefinitionProblem[] = []
  const problem = (path: string, message: string) => problems.push({ path, message })
  if (!isObject(candidate))
    return [
      { path: '', message: 'the default export must be a carrier definition object (defineCarrier({...}))' },
    ]
  const d = candidate
  if (d.apiVersion !== CARRIER_API_VERSION)
    problem(
      'apiVersion',
      `is ${JSON.stringify(d.apiVersion)}; this platform implements carrier contract version ${CARRIER_API_VERSION}`,
    )
  if (typeof d.id !== 'string' || !ID_PATTERN.test(d.id))
    problem('id', 'must be 2–32 characters: lowercase letters, digits and "-", starting with a letter')
  if (!isLocalized(d.displayName)) problem('displayName', 'must have non-empty zh-CN and en texts')
  if (!isLocalized(d.carrierName)) problem('carrierName', 'must have non-empty zh-CN and en texts')
  if (
    !Array.isArray(d.iccidPrefixes) ||
    d.iccidPrefixes.length === 0 ||
    !d.iccidPrefixes.every((p) => typeof p === 'string' && /^89\d{2,8}$/.test(p))
  )
    problem('iccidPrefixes', 'must be a non-empty list of digit strings starting with 89')
  if (typeof d.create !== 'function') problem('create', 'must be a function returning a connection')

  if (!isObject(d.configSchema)) problem('configSchema', 'must be an object of fields')
  else
    for (const [name, field] of Object.entries(d.configSchema)) {
      const path = `configSchema.${name}`
      if (!isObject(field) || !FIELD_TYPES.has(String(field.type))) {
        problem(path, `must be a field of type ${[...FIELD_TYPES].join(', ')}`)
        continue
      }
      if (!isLocalized(field.label)) problem(`${path}.label`, 'must have non-empty zh-CN and en texts')
      if (field.help !== undefined && !isLocalized(field.help))
        problem(`${path}.help`, 'must have non-empty zh-CN and en texts')
      if (field.type === 'enum' && (!Array.isArray(field.options) || field.options.length === 0))
        problem(`${path}.options`, 'must list at least one option')
      if (field.pattern !== undefined) {
        try {
          new RegExp(String(field.pattern))
        } catch {
          problem(`${path}.pattern`, 'is not a valid regular expression')
        }
      }
    }

  const limits = isObject(d.limits) ? d.limits : undefined
  if (!limits) problem('limits', 'must declare batchSize, requestsPerSecond and lockSeconds')
  else {
    const batch = isObject(limits.batchSize) ? limits.batchSize : {}
    for (const op of ['getCards', 'changeState'])
      if (!positiveInteger(batch[op])) problem(`limits.batchSize.${op}`, 'must be a positive integer')
    if (typeof limits.requestsPerSecond !== 'number' || !(limits.requestsPerSecond > 0))
      problem('limits.requestsPerSecond', 'must be a positive number')
    if (
      typeof limits.lockSeconds !== 'number' ||
      !Number.isInteger(limits.lockSeconds) ||
      limits.lockSeconds < 0
    )
      problem('limits.lockSeconds', 'must be a whole number of seconds, 0 or more')
  }

  const capabilities = isObject(d.capabilities) ? d.capabilities : undefined
  if (!capabilities)
    problem('capabilities', 'must be an object (empty when the carrier offers only card reads)')
  else {
    for (const name of Object.keys(capabilities))
      if (!Object.hasOwn(capabilityMethods, name))
        problem(`capabilities.${name}`, `is not a capability of contract version ${CARRIER_API_VERSION}`)
    const change = capabilities.changeState
    if (change !== undefined) {
      const transitions = isObject(change) && isObject(change.transitions) ? change.transitions : undefined
      if (!transitions || Object.keys(transitions).length === 0)
        problem('capabilities.changeState.transitions', 'must list at least one action')
      else
        for (const [action, from] of Object.entries(transitions)) {
          if (!(stateActions as readonly string[]).includes(action))
            problem(
              `capabilities.changeState.transitions.${action}`,
              `is not one of ${stateActions.join(', ')}`,
            )
          else if (
            !Array.isArray(from) ||
            from.length === 0 ||
            !from.every((s) => (lifecycles as readonly string[]).includes(s))
          )
            problem(
              `capabilities.changeState.transitions.${action}`,
              `must list lifecycle states among ${lifecycles.join(', ')}`,
            )
        }
    }
    const recharge = capabilities.recharge
    if (recharge !== undefined) {
      if (!isObject(recharge))
        problem('capabilities.recharge', 'must declare paymentMethods, minAmountFen and maxAmountFen')
      else {
        if (
          !Array.isArray(recharge.paymentMethods) ||
          recharge.paymentMethods.length === 0 ||
          !recharge.paymentMethods.every((m) => (paymentMethods as readonly string[]).includes(m))
        )
          problem(
            'capabilities.recharge.paymentMethods',
            `must list methods among ${paymentMethods.join(', ')}`,
          )
        if (
          !positiveInteger(recharge.minAmountFen) ||
          !positiveInteger(recharge.maxAmountFen) ||
          Number(recharge.minAmountFen) > Number(recharge.maxAmountFen)
        )
          problem(
            'capabilities.recharge',
            'minAmountFen and maxAmountFen must be positive integers, min ≤ max',
          )
      }
    }
  }
  return problems
}

/**
 * Checks that a connection has exactly the methods its capabilities promise: a declared capability
 * without its method, or a method without its declared capability, is a problem.
 */
export function validateConnection(
  definition: Pick<CarrierDefinition, 'capabilities'>,
  connection: unknown,
): DefinitionProblem[] {
  if (!isObject(connection)) return [{ path: 'create()', message: 'must return a connection object' }]
  const problems: DefinitionProblem[] = []
  for (const required of ['healthCheck', 'getCards'] as const)
    if (typeof connection[required] !== 'function')
      problems.push({ path: required, message: 'every connection must implement it' })
  for (const [capability, method] of Object.entries(capabilityMethods) as Array<
    [CapabilityName, keyof CarrierConnection]
  >) {
    const declared = definition.capabilities[capability] !== undefined
    const implemented = typeof connection[method] === 'function'
    if (declared && !implemented)
      problems.push({
        path: method,
        message: `capability "${capability}" is declared but ${method}() is missing`,
      })
    if (!declared && implemented)
      problems.push({
        path: method,
        message: `${method}() exists but capability "${capability}" is not declared`,
      })
  }
  return problems
}
