import { secretFields, validateConfig } from '@simops/carrier-sdk'
import { describeValue, fail, isRecord } from '../assertions.js'
import type { CheckSpec } from '../check-spec.js'
import type { Harness } from '../harness.js'
import { FAULT_REPEAT } from './faults.js'

const alphabets = ['0123456789', 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ']

/**
 * A different secret of the same length and character classes, so it still satisfies the schema's
 * length and pattern rules while the carrier must refuse it.
 */
function alterSecret(value: string): string {
  return [...value]
    .map((character) => {
      const alphabet = alphabets.find((letters) => letters.includes(character))
      return alphabet ? alphabet[(alphabet.indexOf(character) + 1) % alphabet.length] : character
    })
    .join('')
}

/** The simulator's config with every present secret changed, or undefined when that is impossible or invalid. */
function configWithWrongSecrets(
  harness: Harness,
): { config: Record<string, unknown>; fields: string[] } | undefined {
  const config = harness.simulator.config
  if (!isRecord(config)) return undefined
  const altered: Record<string, unknown> = { ...config }
  const fields: string[] = []
  for (const name of secretFields(harness.definition.configSchema)) {
    const value = config[name]
    if (typeof value !== 'string' || alterSecret(value) === value) continue
    altered[name] = alterSecret(value)
    fields.push(name)
  }
  if (fields.length === 0 || !validateConfig(harness.definition.configSchema, altered).ok) return undefined
  return { config: altered, fields }
}

export const healthChecks: CheckSpec[] = [
  {
    name: 'healthCheck',
    async run(harness) {
      const connection = await harness.connect()
      const result = await harness.call('healthCheck', (call) => connection.healthCheck({}, call))
      if (!isRecord(result) || typeof result.detail !== 'string' || result.detail === '')
        fail(`healthCheck must resolve with { detail: <non-empty text> }, got ${describeValue(result)}`)

      const wrong = configWithWrongSecrets(harness)
      if (wrong) {
        const refused = await harness.connect(wrong.config)
        await harness.expectCarrierError(
          `healthCheck with altered secret field(s) ${wrong.fields.join(', ')}`,
          (call) => refused.healthCheck({}, call),
          ['auth'],
        )
        return
      }
      // No secret to alter: the simulator refuses the credentials instead.
      harness.simulator.injectFault('unauthorized', FAULT_REPEAT)
      await harness.expectCarrierError(
        'healthCheck while the simulator refuses credentials',
        (call) => connection.healthCheck({}, call),
        ['auth'],
      )
    },
  },
]
