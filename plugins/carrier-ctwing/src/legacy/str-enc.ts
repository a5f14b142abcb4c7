import { desBlock } from './des-core.js'

/**
 * China Telecom's `strEnc` / `strDec` (reference §2.3): text is read as UTF-16 code units, four per
 * 8-byte block (big-endian, zero-padded), and each block is DES-encrypted with every key block in turn
 * (E-E-E, ECB, CT's key schedule), then written as upper-case hex.
 */

/** Four UTF-16 code units per block, each big-endian; a short last group is zero-padded. */
export function textToBlocks(text: string): Uint8Array[] {
  const blocks: Uint8Array[] = []
  for (let start = 0; start < text.length; start += 4) {
    const block = new Uint8Array(8)
    for (let offset = 0; offset < 4 && start + offset < text.length; offset++) {
      const unit = text.charCodeAt(start + offset)
      block[2 * offset] = unit >> 8
      block[2 * offset + 1] = unit & 0xff
    }
    blocks.push(block)
  }
  return blocks
}

function keyBlocksOf(keys: readonly string[]): Uint8Array[] {
  return keys.filter((key) => key !== '').flatMap(textToBlocks)
}

export function strEnc(data: string, key1: string, key2: string, key3: string): string {
  const keys = keyBlocksOf([key1, key2, key3])
  return textToBlocks(data)
    .map((block) => keys.reduce((current, key) => desBlock(current, key, 'encrypt', 'ctVariant'), block))
    .map((block) => Buffer.from(block).toString('hex').toUpperCase())
    .join('')
}

/** Inverse of strEnc; throws RangeError when `hex` is not a whole number of 16-digit hex blocks. */
export function strDec(hex: string, key1: string, key2: string, key3: string): string {
  if (!/^(?:[0-9A-Fa-f]{16})*$/.test(hex)) throw new RangeError('strDec needs whole 16-digit hex blocks')
  const keys = keyBlocksOf([key1, key2, key3]).reverse()
  let text = ''
  for (let start = 0; start < hex.length; start += 16) {
    const block = keys.reduce(
      (current, key) => desBlock(current, key, 'decrypt', 'ctVariant'),
      Uint8Array.from(Buffer.from(hex.slice(start, start + 16), 'hex')),
    )
    for (let unit = 0; unit < 4; unit++) {
      const code = ((block[2 * unit] ?? 0) << 8) | (block[2 * unit + 1] ?? 0)
      // Zero units are the padding of the last block.
      if (code !== 0) text += String.fromCharCode(code)
    }
  }
  return text
}

/** CT cuts its 9-character secret key into three 3-character DES keys. */
export function keyPartsOf(secretKey: string): [string, string, string] {
  return [secretKey.slice(0, 3), secretKey.slice(3, 6), secretKey.slice(6, 9)]
}
