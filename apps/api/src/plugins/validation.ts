import { Ajv, type Options } from 'ajv'
import addFormatsModule from 'ajv-formats'
import type { FastifyInstance, FastifySchema } from 'fastify'
import fp from 'fastify-plugin'
import { findNul, nulRefusal } from './nul-guard.js'

// ajv-formats is CommonJS; its default export arrives wrapped under ESM.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv

function makeAjv(options: Options): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    // Unknown properties are reported, not silently dropped, so a typo in a field name is an error.
    removeAdditional: false,
    useDefaults: true,
    strict: false,
    ...options,
  })
  addFormats(ajv)
  return ajv
}

/**
 * Query strings, path params and headers arrive as text and are coerced to the declared types;
 * JSON bodies are not, so `{"role": 1}` is rejected instead of quietly becoming "1".
 */
export default fp(
  async (app: FastifyInstance) => {
    const textAjv = makeAjv({ coerceTypes: 'array' })
    const bodyAjv = makeAjv({ coerceTypes: false })
    app.setValidatorCompiler<FastifySchema>(({ schema, httpPart }) =>
      (httpPart === 'body' ? bodyAjv : textAjv).compile(schema as object),
    )
    app.addHook('preValidation', async (request) => {
      for (const [location, value] of [
        ['params', request.params],
        ['querystring', request.query],
        ['body', request.body],
      ] as const) {
        const field = findNul(value)
        if (field) throw nulRefusal(field, location)
      }
    })
  },
  { name: 'validation' },
)
