import { legacySign, signedValuesOf } from '../legacy/sign.js'
import { keyPartsOf, strDec } from '../legacy/str-enc.js'

export interface LegacyCredentials {
  userId: string
  password: string
  /** 9 characters, cut into three DES keys. */
  secretKey: string
}

/** Which bare code the carrier answers for each auth failure (their meanings are unpublished; configurable). */
export interface LegacyAuthCodes {
  unknownUser: string
  wrongPassword: string
  wrongSign: string
}

export const defaultLegacyAuthCodes: LegacyAuthCodes = {
  unknownUser: '-1',
  wrongPassword: '-2',
  wrongSign: '-3',
}

export type LegacyAuthResult =
  { ok: true } | { ok: false; bareCode: string; failed: 'user' | 'password' | 'sign' }

/**
 * Checks a legacy request as the carrier does: the user id, the passWord decrypted with the account's
 * secret key against the plain password, and the sign recomputed over the method's value set. Both
 * parameter spellings are accepted (user_id / userId, passWord / password).
 */
export function verifyLegacyAuth(
  params: Readonly<Record<string, string>>,
  credentials: LegacyCredentials,
  codes: LegacyAuthCodes,
): LegacyAuthResult {
  const userId = params.user_id ?? params.userId
  if (userId !== credentials.userId) return { ok: false, bareCode: codes.unknownUser, failed: 'user' }
  const encrypted = params.passWord ?? params.password ?? ''
  let password: string | undefined
  try {
    password = strDec(encrypted, ...keyPartsOf(credentials.secretKey))
  } catch {
    password = undefined
  }
  if (encrypted === '' || password !== credentials.password)
    return { ok: false, bareCode: codes.wrongPassword, failed: 'password' }
  const values = signedValuesOf(params.method ?? '', params, credentials.userId, credentials.password)
  if (values === undefined || params.sign !== legacySign(values, credentials.secretKey))
    return { ok: false, bareCode: codes.wrongSign, failed: 'sign' }
  return { ok: true }
}
