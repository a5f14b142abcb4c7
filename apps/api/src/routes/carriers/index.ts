import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { toJsonSchema } from '@simops/carrier-sdk'
import type { InstalledCarrier } from '@simops/core'
import { Type } from 'typebox'
import { errorResponses } from '../../schemas/common.js'

const Localized = Type.Object({ 'zh-CN': Type.String(), en: Type.String() }, { title: 'LocalizedText' })
const LifecycleList = Type.Array(Type.String())

const CarrierSchema = Type.Object(
  {
    id: Type.String({ description: 'Stable carrier id, e.g. onelink' }),
    displayName: Localized,
    carrierName: Localized,
    packageName: Type.String(),
    version: Type.String(),
    apiVersion: Type.Integer({ description: 'Carrier contract version the plugin implements' }),
    iccidPrefixes: Type.Array(Type.String()),
    capabilities: Type.Object({
      changeState: Type.Union([
        Type.Object({
          transitions: Type.Object(
            {
              activate: Type.Optional(LifecycleList),
              suspend: Type.Optional(LifecycleList),
              resume: Type.Optional(LifecycleList),
            },
            { description: 'Lifecycle states each action may start from' },
          ),
        }),
        Type.Null(),
      ]),
      usage: Type.Boolean(),
      stopReason: Type.Boolean(),
      recharge: Type.Union([
        Type.Object({
          paymentMethods: Type.Array(Type.String()),
          minAmountFen: Type.Integer(),
          maxAmountFen: Type.Integer(),
        }),
        Type.Null(),
      ]),
      rechargeStatus: Type.Boolean(),
    }),
    limits: Type.Object({
      batchSize: Type.Object({ getCards: Type.Integer(), changeState: Type.Integer() }),
      requestsPerSecond: Type.Number(),
      lockSeconds: Type.Integer(),
    }),
    configSchema: Type.Object(
      {},
      {
        additionalProperties: true,
        description:
          'JSON Schema of the platform config, in form order. Fields carry x-label and x-help ({zh-CN, en}); secret fields carry x-secret.',
      },
    ),
  },
  { title: 'Carrier' },
)

const CarrierList = Type.Object({ items: Type.Array(CarrierSchema) }, { title: 'CarrierList' })

function carrierBody({ definition, packageName, version }: InstalledCarrier) {
  const { capabilities: c } = definition
  return {
    id: definition.id,
    displayName: definition.displayName,
    carrierName: definition.carrierName,
    packageName,
    version,
    apiVersion: definition.apiVersion,
    iccidPrefixes: [...definition.iccidPrefixes],
    capabilities: {
      changeState: c.changeState
        ? {
            transitions: Object.fromEntries(
              Object.entries(c.changeState.transitions).map(([action, from]) => [action, [...(from ?? [])]]),
            ),
          }
        : null,
      usage: c.usage === true,
      stopReason: c.stopReason === true,
      recharge: c.recharge ? { ...c.recharge, paymentMethods: [...c.recharge.paymentMethods] } : null,
      rechargeStatus: c.rechargeStatus === true,
    },
    limits: definition.limits,
    configSchema: toJsonSchema(definition.configSchema),
  }
}

/** The carrier plugins installed in this server. */
const carrierRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/carriers',
    {
      schema: {
        tags: ['carriers'],
        operationId: 'listCarriers',
        summary: 'Installed carrier plugins, their capabilities, limits and config schema',
        response: { 200: CarrierList, ...errorResponses() },
      },
    },
    async () => ({ items: app.core.carriers.list().map(carrierBody) }),
  )
}

export default carrierRoutes
