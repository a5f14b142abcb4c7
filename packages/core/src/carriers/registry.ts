import {
  validateDefinition,
  type CarrierDefinition,
  type ConfigFields,
  type DefinitionProblem,
} from '@simops/carrier-sdk'
import { DomainError } from '../errors.js'

/** How the application imports a plugin package: core cannot resolve packages it does not depend on. */
export type PluginImporter = (packageName: string) => Promise<{ module: unknown; version: string }>

export interface InstalledCarrier {
  definition: CarrierDefinition<ConfigFields>
  /** The npm package it came from, and that package's version. */
  packageName: string
  version: string
}

/** A plugin that cannot be used; start-up stops with this message. */
export class PluginLoadError extends Error {
  constructor(
    readonly packageName: string,
    readonly problems: DefinitionProblem[] | string,
  ) {
    const detail =
      typeof problems === 'string'
        ? problems
        : problems.map((p) => (p.path ? `${p.path} ${p.message}` : p.message)).join('; ')
    super(`Carrier plugin ${packageName} cannot be loaded: ${detail}`)
    this.name = 'PluginLoadError'
  }
}

/** The carrier plugins installed in this server, validated at start-up. */
export class CarrierRegistry {
  private readonly carriers = new Map<string, InstalledCarrier>()

  /** Loads plugins by package name, in order. Any broken, incompatible or duplicate plugin throws. */
  static async load(packageNames: readonly string[], importPlugin: PluginImporter): Promise<CarrierRegistry> {
    const registry = new CarrierRegistry()
    for (const packageName of packageNames) {
      let loaded: { module: unknown; version: string }
      try {
        loaded = await importPlugin(packageName)
      } catch (error) {
        throw new PluginLoadError(
          packageName,
          `it could not be imported (${error instanceof Error ? error.message : String(error)})`,
        )
      }
      const exported = (loaded.module as { default?: unknown } | null)?.default
      registry.register(exported, packageName, loaded.version)
    }
    return registry
  }

  register(definition: unknown, packageName: string, version: string): void {
    const problems = validateDefinition(definition)
    if (problems.length > 0) throw new PluginLoadError(packageName, problems)
    const valid = definition as CarrierDefinition<ConfigFields>
    const existing = this.carriers.get(valid.id)
    if (existing)
      throw new PluginLoadError(
        packageName,
        `carrier id "${valid.id}" is already provided by ${existing.packageName}`,
      )
    this.carriers.set(valid.id, { definition: valid, packageName, version })
  }

  list(): InstalledCarrier[] {
    return [...this.carriers.values()]
  }

  find(carrierId: string): InstalledCarrier | undefined {
    return this.carriers.get(carrierId)
  }

  get(carrierId: string): InstalledCarrier {
    const carrier = this.carriers.get(carrierId)
    if (!carrier)
      throw new DomainError(
        'invalid',
        'UNKNOWN_CARRIER',
        `carrierId: no installed carrier plugin has the id "${carrierId}"`,
        {
          fields: [
            {
              field: 'carrierId',
              message: `must be one of: ${[...this.carriers.keys()].join(', ') || '(none installed)'}`,
            },
          ],
        },
      )
    return carrier
  }
}
