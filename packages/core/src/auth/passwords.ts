import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto'
import { invalidField } from '../errors.js'

// scrypt parameters stored with each hash so they can be raised later without breaking old hashes.
const N = 16384
const r = 8
const p = 1
const KEY_LENGTH = 64

export const PASSWORD_MIN_LENGTH = 8
export const PASSWORD_MAX_LENGTH = 128

function scrypt(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCallback(password, salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)))
  })
}

export function assertPasswordAcceptable(password: string, field = 'password'): void {
  if (password.length < PASSWORD_MIN_LENGTH)
    throw invalidField(field, `must be at least ${PASSWORD_MIN_LENGTH} characters`, 'PASSWORD_TOO_WEAK')
  if (password.length > PASSWORD_MAX_LENGTH)
    throw invalidField(field, `must be at most ${PASSWORD_MAX_LENGTH} characters`, 'VALIDATION_FAILED')
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await scrypt(password, salt, KEY_LENGTH, { N, r, p, maxmem: 64 * 1024 * 1024 })
  return ['scrypt', N, r, p, salt.toString('base64'), key.toString('base64')].join('$')
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, rr, pp, salt, hash] = stored.split('$')
  if (scheme !== 'scrypt' || !n || !rr || !pp || !salt || !hash) return false
  const expected = Buffer.from(hash, 'base64')
  const key = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(rr),
    p: Number(pp),
    maxmem: 64 * 1024 * 1024,
  })
  return key.length === expected.length && timingSafeEqual(key, expected)
}

/** A hash of a random password, verified against when the user does not exist so timing reveals nothing. */
export const unusablePasswordHash = hashPassword(randomBytes(16).toString('hex'))

export function generatePassword(): string {
  return randomBytes(12).toString('base64url')
}
