import {
  PLATFORM_DESCRIPTION_MAX_LENGTH,
  PLATFORM_NAME_MAX_LENGTH,
  SYNC_INTERVAL_MINUTES,
  type Platform,
} from '@simops/core'
import { Type } from 'typebox'
import { isoOrNull, Timestamp } from '../../schemas/common.js'

export const PlatformState = Type.Union([Type.Literal('enabled'), Type.Literal('disabled')], {
  title: 'PlatformState',
})

export const PlatformTest = Type.Object(
  {
    ok: Type.Boolean(),
    at: Timestamp,
    latencyMs: Type.Integer(),
    detail: Type.Union([Type.String(), Type.Null()]),
    error: Type.Union([Type.Object({ code: Type.String(), message: Type.String() }), Type.Null()]),
  },
  { title: 'PlatformTest' },
)

export const PlatformSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    carrierId: Type.String(),
    name: Type.String(),
    description: Type.String(),
    state: PlatformState,
    config: Type.Record(Type.String(), Type.Unknown(), {
      description: 'Settings; secret values are shown as "******"',
    }),
    secretsSet: Type.Array(Type.String(), { description: 'Secret fields that hold a value' }),
    lastTest: Type.Union([PlatformTest, Type.Null()]),
    syncSchedule: Type.Object(
      {
        enabled: Type.Boolean(),
        intervalMinutes: Type.Integer(),
        nextSyncAt: Type.Union([Timestamp, Type.Null()], {
          description: 'Null while off, or until first due',
        }),
      },
      {
        title: 'SyncSchedule',
        description: '定时同步: a sync job for all the platform’s cards every interval',
      },
    ),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { title: 'Platform' },
)

const SyncScheduleInput = Type.Object(
  {
    enabled: Type.Optional(Type.Boolean()),
    intervalMinutes: Type.Optional(
      Type.Integer({
        minimum: SYNC_INTERVAL_MINUTES.min,
        maximum: SYNC_INTERVAL_MINUTES.max,
        description: 'Minutes between syncs',
      }),
    ),
  },
  { additionalProperties: false, title: 'SyncScheduleInput' },
)

const Name = Type.String({ minLength: 1, maxLength: PLATFORM_NAME_MAX_LENGTH })
const Description = Type.String({ maxLength: PLATFORM_DESCRIPTION_MAX_LENGTH })

export const CreatePlatformBody = Type.Object(
  {
    carrierId: Type.String({ minLength: 1, maxLength: 32 }),
    name: Name,
    description: Type.Optional(Description),
    config: Type.Record(Type.String(), Type.Unknown(), {
      description: "Validated against the carrier's config schema",
    }),
    state: Type.Optional(PlatformState),
    syncSchedule: Type.Optional(SyncScheduleInput),
  },
  { additionalProperties: false, title: 'CreatePlatform' },
)

export const UpdatePlatformBody = Type.Object(
  {
    name: Type.Optional(Name),
    description: Type.Optional(Description),
    config: Type.Optional(
      Type.Record(Type.String(), Type.Unknown(), {
        description:
          'Only the fields to change. Secrets left out or sent as "******" keep their stored value; null clears an optional field.',
      }),
    ),
    syncSchedule: Type.Optional(SyncScheduleInput),
  },
  { additionalProperties: false, minProperties: 1, title: 'UpdatePlatform' },
)

export const TestPlatformBody = Type.Object(
  {
    sampleIccid: Type.Optional(
      Type.String({ pattern: '^[0-9A-Fa-f]{19,20}$', description: 'A card to read as part of the test' }),
    ),
  },
  { additionalProperties: false, title: 'TestPlatform' },
)

export const PlatformListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 64, description: 'Matches the name' })),
    carrierId: Type.Optional(Type.String({ maxLength: 32 })),
    state: Type.Optional(PlatformState),
    page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
  },
  { additionalProperties: false },
)

export const PlatformList = Type.Object(
  {
    items: Type.Array(PlatformSchema),
    total: Type.Integer(),
    page: Type.Integer(),
    pageSize: Type.Integer(),
  },
  { title: 'PlatformList' },
)

export function platformBody(platform: Platform) {
  return {
    ...platform,
    syncSchedule: { ...platform.syncSchedule, nextSyncAt: isoOrNull(platform.syncSchedule.nextSyncAt) },
    createdAt: platform.createdAt.toISOString(),
    updatedAt: platform.updatedAt.toISOString(),
  }
}
