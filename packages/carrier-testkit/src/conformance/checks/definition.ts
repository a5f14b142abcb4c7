import {
  toJsonSchema,
  validateConfig,
  validateConnection,
  validateDefinition,
  type ConfigField,
  type ConfigFields,
  type DefinitionProblem,
} from '@simops/carrier-sdk'
import { describeError, describeValue, fail, isRecord } from '../assertions.js'
import type { CheckSpec } from '../check-spec.js'

function listProblems(problems: readonly DefinitionProblem[]): string {
  return problems.map((problem) => `  ${problem.path || '(definition)'}: ${problem.message}`).join('\n')
}

/** A value of the wrong type for each field type, shaped to look plausible (a number for text, text for a number). */
const wrongTypeValues: Record<ConfigField['type'], unknown> = {
  string: 42,
  url: 42,
  integer: '42',
  boolean: 'true',
  enum: 42,
}

function isRequired(field: ConfigField): boolean {
  return field.required !== false && field.default === undefined
}

function expectIssueFor(
  schema: ConfigFields,
  config: Record<string, unknown>,
  field: string,
  what: string,
): void {
  const validation = validateConfig(schema, config)
  if (validation.ok) fail(`validateConfig accepted ${what}`)
  if (!validation.issues.some((issue) => issue.field === field))
    fail(
      `validateConfig rejected ${what}, but no issue names "${field}": ${describeValue(validation.issues)}`,
    )
}

export const definitionChecks: CheckSpec[] = [
  {
    name: 'definition',
    async run({ exported, definition }) {
      const problems = validateDefinition(exported)
      if (problems.length > 0)
        fail(`validateDefinition found ${problems.length} problem(s):\n${listProblems(problems)}`)
      let schema: Record<string, unknown>
      try {
        schema = JSON.parse(JSON.stringify(toJsonSchema(definition.configSchema))) as Record<string, unknown>
      } catch (error) {
        fail(
          `toJsonSchema(configSchema) must give a JSON-serialisable schema; it failed with ${describeError(error)}`,
        )
      }
      const properties = isRecord(schema.properties) ? schema.properties : {}
      for (const name of Object.keys(definition.configSchema))
        if (!isRecord(properties[name]))
          fail(`toJsonSchema(configSchema) has no property for field "${name}"`)
    },
  },
  {
    name: 'config',
    async run({ definition, simulator }) {
      const schema = definition.configSchema
      const given = simulator.config
      const validation = validateConfig(schema, given)
      if (!validation.ok)
        fail(`the simulator's config fails validateConfig: ${describeValue(validation.issues)}`)
      if (!isRecord(given)) fail(`the simulator's config must be an object, got ${describeValue(given)}`)
      for (const [name, field] of Object.entries(schema)) {
        if (isRequired(field)) {
          const { [name]: _removed, ...without } = given
          expectIssueFor(schema, without, name, `a config without required field "${name}"`)
        }
        const wrong = wrongTypeValues[field.type]
        expectIssueFor(
          schema,
          { ...given, [name]: wrong },
          name,
          `${describeValue(wrong)} for ${field.type} field "${name}"`,
        )
      }
    },
  },
  {
    name: 'capabilities match methods',
    async run(harness) {
      const connection = await harness.connect()
      const problems = validateConnection(harness.definition, connection)
      if (problems.length > 0)
        fail(`the connection does not match the declared capabilities:\n${listProblems(problems)}`)
    },
  },
]
