import type { Harness } from './harness.js'

/** A check before it is bound to a simulator: the suite binds every spec the same way. */
export interface CheckSpec {
  name: string
  /** The reason the check does not apply to this definition, or undefined when it does. */
  skip?(definition: Harness['definition']): string | undefined
  run(harness: Harness): Promise<void>
}
