import { describe, expect, it } from 'vitest'
import { SecretBox } from '../src/secrets/secret-box.js'

describe('SecretBox', () => {
  const box = SecretBox.fromText(SecretBox.generateKeyText())

  it('round-trips text and never stores it in clear', () => {
    const sealed = box.seal('{"password":"hunter2-密码"}')
    expect(sealed).toMatch(/^v1\./)
    expect(sealed).not.toContain('hunter2')
    expect(box.open(sealed)).toBe('{"password":"hunter2-密码"}')
    // A fresh IV each time: equal plaintexts do not give equal ciphertexts.
    expect(box.seal('same')).not.toBe(box.seal('same'))
  })

  it('refuses tampered values and wrong keys', () => {
    const sealed = box.seal('secret')
    const parts = sealed.split('.')
    const tampered = [...parts.slice(0, 3), Buffer.from('SECRET').toString('base64url')].join('.')
    expect(() => box.open(tampered)).toThrow('cannot be decrypted')
    expect(() => SecretBox.fromText(SecretBox.generateKeyText()).open(sealed)).toThrow('cannot be decrypted')
    expect(() => box.open('plain text')).toThrow('not a sealed value')
  })

  it('accepts hex or base64 keys of 32 bytes only', () => {
    expect(SecretBox.fromText('ab'.repeat(32)).fingerprint).toHaveLength(12)
    expect(() => SecretBox.fromText('too-short')).toThrow('32 bytes')
  })
})
