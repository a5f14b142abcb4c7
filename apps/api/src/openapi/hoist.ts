/**
 * Routes declare their schemas inline (so TypeBox infers request and reply types), and give reusable
 * shapes a `title`. This pass moves every titled schema in request bodies and responses into
 * `components.schemas` and leaves a `$ref`, so generated clients get named types (`User`, `Error`…).
 */
type Json = Record<string, unknown>

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

const COMPONENT_NAME = /^[A-Z][A-Za-z0-9]*$/

function hoistSchema(schema: unknown, components: Json): unknown {
  if (Array.isArray(schema)) return schema.map((item) => hoistSchema(item, components))
  if (!isObject(schema)) return schema
  const copy: Json = {}
  for (const [key, value] of Object.entries(schema)) copy[key] = hoistSchema(value, components)
  const title = copy.title
  if (typeof title !== 'string' || !COMPONENT_NAME.test(title)) return copy
  // Per-use annotations stay at the use site; the component holds the shape alone.
  const { description, ...shape } = copy
  const existing = components[title]
  if (existing !== undefined && JSON.stringify(existing) !== JSON.stringify(shape))
    throw new Error(`Two different schemas are titled "${title}"`)
  components[title] = shape
  const ref = { $ref: `#/components/schemas/${title}` }
  return description === undefined ? ref : { ...ref, description }
}

export function hoistTitledSchemas<T extends Json>(input: T): T & { components: Json } {
  const document = structuredClone(input)
  const components: Json = {}
  const paths = isObject(document.paths) ? document.paths : {}
  for (const pathItem of Object.values(paths)) {
    if (!isObject(pathItem)) continue
    for (const operation of Object.values(pathItem)) {
      if (!isObject(operation)) continue
      const responses = isObject(operation.responses) ? Object.values(operation.responses) : []
      for (const holder of [operation.requestBody, ...responses]) {
        if (!isObject(holder) || !isObject(holder.content)) continue
        for (const media of Object.values(holder.content)) {
          if (isObject(media) && media.schema !== undefined)
            media.schema = hoistSchema(media.schema, components)
        }
      }
    }
  }
  const existing = isObject(document.components) ? document.components : {}
  const schemas = isObject(existing.schemas) ? existing.schemas : {}
  const merged = Object.entries({ ...schemas, ...components }).sort(([a], [b]) => a.localeCompare(b))
  return { ...document, components: { ...existing, schemas: Object.fromEntries(merged) } }
}
