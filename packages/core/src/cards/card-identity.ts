import type { Kysely, Transaction } from 'kysely'
import { isUuid } from '../auth/users.js'
import type { CarrierRegistry } from '../carriers/registry.js'
import type { Database, PlatformRow } from '../db/schema.js'
import { DomainError, type DomainErrorKind } from '../errors.js'
import { analyseIccid, checkCarrier, type DeclaredPrefix, type IccidAnalysis } from './iccid.js'

export type IdentityField = 'number' | 'iccid' | 'platformId'

export interface IdentityNote {
  field: IdentityField
  code: string
  level: 'error' | 'warning' | 'info'
  message: string
}

/** What `GET /cards/validate` answers and what card creation enforces (every `error` note refuses). */
export interface IdentityCheck {
  ok: boolean
  /** The card number as it would be stored, or null when it is malformed or absent. */
  number: string | null
  iccid: IccidAnalysis | null
  notes: IdentityNote[]
}

export interface IdentityInput {
  number?: string
  iccid?: string
  platformId?: string
}

/** MSISDNs and access numbers of Chinese IoT cards are 11 to 13 digits (e.g. 1440…, 1064…, 146…). */
export const CARD_NUMBER_PATTERN = /^\d{11,13}$/

/** Trims, drops spaces, hyphens and a +86 prefix, converts full-width digits. */
export function normaliseCardNumber(input: string): string {
  const ascii = input
    .trim()
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s-]/g, '')
  return ascii.startsWith('+86') ? ascii.slice(3) : ascii
}

const codeKinds: Record<string, DomainErrorKind> = {
  NUMBER_TAKEN: 'conflict',
  ICCID_TAKEN: 'conflict',
  ICCID_DUPLICATE_19: 'conflict',
  PLATFORM_NOT_FOUND: 'notFound',
  PLATFORM_DISABLED: 'conflict',
}

/** Turns the error notes of a check into the one error the API answers with (the first names the code). */
export function identityError(check: IdentityCheck): DomainError | null {
  const errors = check.notes.filter((note) => note.level === 'error')
  const first = errors[0]
  if (!first) return null
  return new DomainError(codeKinds[first.code] ?? 'invalid', first.code, `${first.field}: ${first.message}`, {
    fields: errors.map(({ field, code, message }) => ({ field, code, message })),
  })
}

export function declaredPrefixes(registry: CarrierRegistry): DeclaredPrefix[] {
  return registry
    .list()
    .flatMap(({ definition }) =>
      definition.iccidPrefixes.map((prefix) => ({ prefix, carrierId: definition.id })),
    )
}

type Executor = Kysely<Database> | Transaction<Database>

/**
 * Checks a card's number, ICCID and platform together: formats, duplicates in the database, the
 * platform's existence and state, and whether the ICCID's issuer matches the platform's carrier.
 */
export async function checkCardIdentity(
  db: Executor,
  registry: CarrierRegistry,
  input: IdentityInput,
): Promise<IdentityCheck & { platform: PlatformRow | null }> {
  const notes: IdentityNote[] = []
  const note = (field: IdentityField, code: string, level: IdentityNote['level'], message: string) =>
    notes.push({ field, code, level, message })

  let platform: PlatformRow | null = null
  if (input.platformId !== undefined) {
    platform = isUuid(input.platformId)
      ? ((await db
          .selectFrom('platforms')
          .selectAll()
          .where('id', '=', input.platformId)
          .executeTakeFirst()) ?? null)
      : null
    if (!platform)
      note('platformId', 'PLATFORM_NOT_FOUND', 'error', `platform ${input.platformId} does not exist`)
    else if (platform.state !== 'enabled')
      note('platformId', 'PLATFORM_DISABLED', 'error', `platform "${platform.name}" is disabled`)
    else if (!registry.find(platform.carrierId))
      note('platformId', 'UNKNOWN_CARRIER', 'error', `the ${platform.carrierId} plugin is not installed`)
  }

  let number: string | null = null
  if (input.number !== undefined) {
    const normalised = normaliseCardNumber(input.number)
    if (!CARD_NUMBER_PATTERN.test(normalised))
      note('number', 'NUMBER_INVALID', 'error', 'must be 11–13 digits')
    else {
      number = normalised
      const taken = await db
        .selectFrom('cards')
        .select('id')
        .where('number', '=', normalised)
        .executeTakeFirst()
      if (taken) note('number', 'NUMBER_TAKEN', 'error', `card number ${normalised} is already registered`)
    }
  }

  let iccid: IccidAnalysis | null = null
  if (input.iccid !== undefined) {
    iccid = analyseIccid(input.iccid, declaredPrefixes(registry))
    if (platform) iccid = checkCarrier(iccid, platform.carrierId)
    for (const n of iccid.notes) note('iccid', n.code, n.level, n.message)
    if (iccid.iccid !== null && iccid.iccid19 !== null) {
      const twins = await db
        .selectFrom('cards')
        .select(['iccid', 'number', 'carrierId'])
        .where((eb) =>
          eb.or([eb('iccid', '=', iccid?.iccid ?? ''), eb('iccid19', '=', iccid?.iccid19 ?? '')]),
        )
        .limit(5)
        .execute()
      const same = twins.find((twin) => twin.iccid === iccid?.iccid)
      if (same)
        note(
          'iccid',
          'ICCID_TAKEN',
          'error',
          `ICCID ${same.iccid} is already registered (card ${same.number})`,
        )
      else if (twins[0]) {
        // CTWing's 19-digit, 20-digit and letter forms are one card; elsewhere the 20th digit can differ.
        const carrierId = platform?.carrierId ?? iccid.carrier?.carrierId ?? null
        const isCtwing = carrierId === 'ctwing' || twins[0].carrierId === 'ctwing'
        note(
          'iccid',
          'ICCID_DUPLICATE_19',
          isCtwing ? 'error' : 'warning',
          isCtwing
            ? `ICCID ${twins[0].iccid} (card ${twins[0].number}) is the same card in another form`
            : `ICCID ${twins[0].iccid} (card ${twins[0].number}) shares the first 19 digits: possibly the same card`,
        )
      }
    }
  }

  return { ok: !notes.some((n) => n.level === 'error'), number, iccid, notes, platform }
}
