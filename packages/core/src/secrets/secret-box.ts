import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'

/**
 * Encrypts carrier credentials at rest with AES-256-GCM. Each value gets a fresh 96-bit IV; the
 * authentication tag makes any tampering (or a wrong key) fail loudly instead of yielding garbage.
 * Stored form: `v1.<iv>.<tag>.<ciphertext>`, each part base64url.
 */
export class SecretBox {
  private readonly key: Buffer

  constructor(key: Buffer) {
    if (key.length !== 32) throw new Error('The secret key must be 32 bytes (256 bits)')
    this.key = key
  }

  /** Accepts 64 hex characters or base64 of 32 bytes, as SIMOPS_SECRET_KEY may hold either. */
  static fromText(text: string): SecretBox {
    const trimmed = text.trim()
    const key = /^[0-9a-fA-F]{64}$/.test(trimmed)
      ? Buffer.from(trimmed, 'hex')
      : Buffer.from(trimmed, 'base64')
    if (key.length !== 32)
      throw new Error('SIMOPS_SECRET_KEY must be 32 bytes: 64 hex characters or 44 base64 characters')
    return new SecretBox(key)
  }

  static generateKeyText(): string {
    return randomBytes(32).toString('base64')
  }

  /** A short, non-reversible fingerprint of the key, for logs and support. */
  get fingerprint(): string {
    return createHash('sha256').update(this.key).digest('hex').slice(0, 12)
  }

  seal(plaintext: string): string {
    const iv = randomBytes(12)
    const cipher = createCipheriv('aes-256-gcm', this.key, iv)
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
    return [
      'v1',
      iv.toString('base64url'),
      cipher.getAuthTag().toString('base64url'),
      body.toString('base64url'),
    ].join('.')
  }

  open(sealed: string): string {
    const [version, iv, tag, body] = sealed.split('.')
    if (version !== 'v1' || !iv || !tag || body === undefined) throw new SecretBoxError('not a sealed value')
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'))
      decipher.setAuthTag(Buffer.from(tag, 'base64url'))
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
        'utf8',
      )
    } catch (error) {
      throw new SecretBoxError('cannot be decrypted with this key', { cause: error })
    }
  }
}

export class SecretBoxError extends Error {
  constructor(problem: string, options?: ErrorOptions) {
    super(`Encrypted value ${problem}`, options)
    this.name = 'SecretBoxError'
  }
}
