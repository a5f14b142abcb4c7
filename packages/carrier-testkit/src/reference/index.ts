// The default export makes the module loadable as a plugin by name (SIMOPS_PLUGINS=@simops/carrier-testkit/reference).
export { referenceCarrier, referenceCarrier as default } from './definition.js'
export { referenceConfigSchema, type ReferenceConfig } from './config.js'
export {
  startReferenceSimulator,
  type ReferenceSimulator,
  type ReferenceSimulatorOptions,
} from './simulator/index.js'
export { SimulatedCarrier, type ChangeOutcome } from './simulator/carrier.js'
export type { SimulatedCard } from './simulator/inventory.js'
export * from './protocol.js'
