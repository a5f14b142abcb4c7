import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { DEVICE_NAME_MAX_LENGTH, DEVICE_UPSERT_MAX, type Device } from '@simops/core'
import { Type, type Static } from 'typebox'
import { contextOf } from '../../plugins/auth.js'
import { errorResponses, NoContent, Timestamp } from '../../schemas/common.js'

const tags = ['devices']
const operator = { access: 'operator' as const }

const DeviceState = Type.Union([Type.Literal('online'), Type.Literal('offline'), Type.Literal('disabled')], {
  title: 'DeviceState',
})
const DeviceId = Type.String({
  pattern: '^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$',
  description: 'The device id of the IoT platform: letters, digits, _ . : -',
})
const Name = Type.String({ minLength: 1, maxLength: DEVICE_NAME_MAX_LENGTH })
const Product = Type.Union([Type.String({ maxLength: DEVICE_NAME_MAX_LENGTH }), Type.Null()])

const DeviceSchema = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    product: Type.Union([Type.String(), Type.Null()]),
    state: DeviceState,
    registeredAt: Timestamp,
    card: Type.Union([
      Type.Object({ id: Type.String(), number: Type.String(), iccid: Type.String() }),
      Type.Null(),
    ]),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { title: 'Device' },
)

const DeviceFields = {
  name: Name,
  product: Type.Optional(Product),
  state: Type.Optional(DeviceState),
  registeredAt: Type.Optional(Type.String({ format: 'date-time' })),
}

const CreateDeviceBody = Type.Object(
  { id: DeviceId, ...DeviceFields },
  { additionalProperties: false, title: 'CreateDevice' },
)
const UpdateDeviceBody = Type.Object(
  {
    name: Type.Optional(Name),
    product: Type.Optional(Product),
    state: Type.Optional(DeviceState),
    registeredAt: Type.Optional(Type.String({ format: 'date-time' })),
  },
  { additionalProperties: false, minProperties: 1, title: 'UpdateDevice' },
)
const UpsertDevicesBody = Type.Object(
  { devices: Type.Array(CreateDeviceBody, { maxItems: DEVICE_UPSERT_MAX }) },
  { additionalProperties: false, title: 'UpsertDevices' },
)

const DeviceParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) })

const ListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 64, description: 'Prefix of the id or the name' })),
    product: Type.Optional(Type.String({ maxLength: DEVICE_NAME_MAX_LENGTH })),
    state: Type.Optional(DeviceState),
    unbound: Type.Optional(
      Type.Boolean({ description: 'true: devices without a card; false: devices holding one' }),
    ),
    page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
  },
  { additionalProperties: false },
)

const DevicePage = Type.Object(
  {
    items: Type.Array(DeviceSchema),
    total: Type.Integer({ description: 'Counted up to 10,000' }),
    totalCapped: Type.Boolean(),
    page: Type.Integer(),
    pageSize: Type.Integer(),
  },
  { title: 'DevicePage' },
)

function deviceBody(device: Device): Static<typeof DeviceSchema> {
  return {
    ...device,
    registeredAt: device.registeredAt.toISOString(),
    createdAt: device.createdAt.toISOString(),
    updatedAt: device.updatedAt.toISOString(),
  }
}

function withDates<T extends { registeredAt?: string }>(
  input: T,
): Omit<T, 'registeredAt'> & { registeredAt?: Date } {
  const { registeredAt, ...rest } = input
  return { ...rest, ...(registeredAt ? { registeredAt: new Date(registeredAt) } : {}) }
}

/** 设备: the devices cards are bound to. Everyone reads; operators change; an IoT platform can bulk upsert. */
const deviceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/devices',
    {
      schema: {
        tags,
        operationId: 'listDevices',
        summary: 'List devices (newest registration first)',
        querystring: ListQuery,
        response: { 200: DevicePage, ...errorResponses() },
      },
    },
    async (request) => {
      const page = request.query.page ?? 1
      const pageSize = request.query.pageSize ?? 20
      const result = await app.core.devices.list({ ...request.query, page, pageSize })
      return { ...result, items: result.items.map(deviceBody), page, pageSize }
    },
  )

  app.post(
    '/devices',
    {
      config: operator,
      schema: {
        tags,
        operationId: 'createDevice',
        summary: 'Register a device',
        body: CreateDeviceBody,
        response: { 201: DeviceSchema, ...errorResponses(403, 409) },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(deviceBody(await app.core.devices.create(contextOf(request), withDates(request.body)))),
  )

  app.put(
    '/devices',
    {
      config: operator,
      schema: {
        tags,
        operationId: 'upsertDevices',
        summary: 'Create or update up to 1,000 devices at once (all or nothing)',
        description:
          'For keeping the registry in step with an IoT platform. An update keeps the registration time and every field an entry leaves out; a new device without a state is offline.',
        body: UpsertDevicesBody,
        response: {
          200: Type.Object(
            { created: Type.Integer(), updated: Type.Integer() },
            { title: 'UpsertDevicesResult' },
          ),
          ...errorResponses(403),
        },
      },
    },
    async (request) => app.core.devices.upsert(contextOf(request), request.body.devices.map(withDates)),
  )

  app.get(
    '/devices/:id',
    {
      schema: {
        tags,
        operationId: 'getDevice',
        summary: 'Get a device and the card bound to it',
        params: DeviceParams,
        response: { 200: DeviceSchema, ...errorResponses(404) },
      },
    },
    async (request) => deviceBody(await app.core.devices.get(request.params.id)),
  )

  app.patch(
    '/devices/:id',
    {
      config: operator,
      schema: {
        tags,
        operationId: 'updateDevice',
        summary: 'Change a device',
        params: DeviceParams,
        body: UpdateDeviceBody,
        response: { 200: DeviceSchema, ...errorResponses(403, 404) },
      },
    },
    async (request) =>
      deviceBody(
        await app.core.devices.update(contextOf(request), request.params.id, withDates(request.body)),
      ),
  )

  app.delete(
    '/devices/:id',
    {
      config: operator,
      schema: {
        tags,
        operationId: 'deleteDevice',
        summary: 'Delete a device (its card is released)',
        params: DeviceParams,
        response: { 204: NoContent, ...errorResponses(403, 404) },
      },
    },
    async (request, reply) => {
      await app.core.devices.delete(contextOf(request), request.params.id)
      return reply.code(204).send(null)
    },
  )
}

export default deviceRoutes
