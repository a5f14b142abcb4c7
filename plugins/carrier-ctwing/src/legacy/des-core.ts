/**
 * A pure TypeScript DES block cipher (FIPS 46-3). Node's OpenSSL 3 offers DES only behind the legacy
 * provider, and China Telecom's legacy API needs a DES variant OpenSSL cannot express anyway: its
 * utility (a port of an old JavaScript "des.js") loads the key's D register with a different choice
 * of bits (PC-1). Everything else is standard, so one core serves both, selected by `keySchedule`.
 *
 * Bits are numbered as in the FIPS tables: 1-based, bit 1 = most significant bit of byte 0.
 */

const INITIAL_PERMUTATION = [
  58, 50, 42, 34, 26, 18, 10, 2, 60, 52, 44, 36, 28, 20, 12, 4, 62, 54, 46, 38, 30, 22, 14, 6, 64, 56, 48, 40,
  32, 24, 16, 8, 57, 49, 41, 33, 25, 17, 9, 1, 59, 51, 43, 35, 27, 19, 11, 3, 61, 53, 45, 37, 29, 21, 13, 5,
  63, 55, 47, 39, 31, 23, 15, 7,
]

const FINAL_PERMUTATION = [
  40, 8, 48, 16, 56, 24, 64, 32, 39, 7, 47, 15, 55, 23, 63, 31, 38, 6, 46, 14, 54, 22, 62, 30, 37, 5, 45, 13,
  53, 21, 61, 29, 36, 4, 44, 12, 52, 20, 60, 28, 35, 3, 43, 11, 51, 19, 59, 27, 34, 2, 42, 10, 50, 18, 58, 26,
  33, 1, 41, 9, 49, 17, 57, 25,
]

const EXPANSION = [
  32, 1, 2, 3, 4, 5, 4, 5, 6, 7, 8, 9, 8, 9, 10, 11, 12, 13, 12, 13, 14, 15, 16, 17, 16, 17, 18, 19, 20, 21,
  20, 21, 22, 23, 24, 25, 24, 25, 26, 27, 28, 29, 28, 29, 30, 31, 32, 1,
]

const ROUND_PERMUTATION = [
  16, 7, 20, 21, 29, 12, 28, 17, 1, 15, 23, 26, 5, 18, 31, 10, 2, 8, 24, 14, 32, 27, 3, 9, 19, 13, 30, 6, 22,
  11, 4, 25,
]

const PC2 = [
  14, 17, 11, 24, 1, 5, 3, 28, 15, 6, 21, 10, 23, 19, 12, 4, 26, 8, 16, 7, 27, 20, 13, 2, 41, 52, 31, 37, 47,
  55, 30, 40, 51, 45, 33, 48, 44, 49, 39, 56, 34, 53, 46, 42, 50, 36, 29, 32,
]

const PC1_C = [
  57, 49, 41, 33, 25, 17, 9, 1, 58, 50, 42, 34, 26, 18, 10, 2, 59, 51, 43, 35, 27, 19, 11, 3, 60, 52, 44, 36,
]
const PC1_D_STANDARD = [
  63, 55, 47, 39, 31, 23, 15, 7, 62, 54, 46, 38, 30, 22, 14, 6, 61, 53, 45, 37, 29, 21, 13, 5, 28, 20, 12, 4,
]
/** China Telecom's D register: the standard four groups of seven bits, in reverse group order. */
const PC1_D_CT_VARIANT = [
  28, 20, 12, 4, 61, 53, 45, 37, 29, 21, 13, 5, 62, 54, 46, 38, 30, 22, 14, 6, 63, 55, 47, 39, 31, 23, 15, 7,
]

const ROTATIONS = [1, 1, 2, 2, 2, 2, 2, 2, 1, 2, 2, 2, 2, 2, 2, 1]

const S_BOXES = [
  [
    14, 4, 13, 1, 2, 15, 11, 8, 3, 10, 6, 12, 5, 9, 0, 7, 0, 15, 7, 4, 14, 2, 13, 1, 10, 6, 12, 11, 9, 5, 3,
    8, 4, 1, 14, 8, 13, 6, 2, 11, 15, 12, 9, 7, 3, 10, 5, 0, 15, 12, 8, 2, 4, 9, 1, 7, 5, 11, 3, 14, 10, 0, 6,
    13,
  ],
  [
    15, 1, 8, 14, 6, 11, 3, 4, 9, 7, 2, 13, 12, 0, 5, 10, 3, 13, 4, 7, 15, 2, 8, 14, 12, 0, 1, 10, 6, 9, 11,
    5, 0, 14, 7, 11, 10, 4, 13, 1, 5, 8, 12, 6, 9, 3, 2, 15, 13, 8, 10, 1, 3, 15, 4, 2, 11, 6, 7, 12, 0, 5,
    14, 9,
  ],
  [
    10, 0, 9, 14, 6, 3, 15, 5, 1, 13, 12, 7, 11, 4, 2, 8, 13, 7, 0, 9, 3, 4, 6, 10, 2, 8, 5, 14, 12, 11, 15,
    1, 13, 6, 4, 9, 8, 15, 3, 0, 11, 1, 2, 12, 5, 10, 14, 7, 1, 10, 13, 0, 6, 9, 8, 7, 4, 15, 14, 3, 11, 5, 2,
    12,
  ],
  [
    7, 13, 14, 3, 0, 6, 9, 10, 1, 2, 8, 5, 11, 12, 4, 15, 13, 8, 11, 5, 6, 15, 0, 3, 4, 7, 2, 12, 1, 10, 14,
    9, 10, 6, 9, 0, 12, 11, 7, 13, 15, 1, 3, 14, 5, 2, 8, 4, 3, 15, 0, 6, 10, 1, 13, 8, 9, 4, 5, 11, 12, 7, 2,
    14,
  ],
  [
    2, 12, 4, 1, 7, 10, 11, 6, 8, 5, 3, 15, 13, 0, 14, 9, 14, 11, 2, 12, 4, 7, 13, 1, 5, 0, 15, 10, 3, 9, 8,
    6, 4, 2, 1, 11, 10, 13, 7, 8, 15, 9, 12, 5, 6, 3, 0, 14, 11, 8, 12, 7, 1, 14, 2, 13, 6, 15, 0, 9, 10, 4,
    5, 3,
  ],
  [
    12, 1, 10, 15, 9, 2, 6, 8, 0, 13, 3, 4, 14, 7, 5, 11, 10, 15, 4, 2, 7, 12, 9, 5, 6, 1, 13, 14, 0, 11, 3,
    8, 9, 14, 15, 5, 2, 8, 12, 3, 7, 0, 4, 10, 1, 13, 11, 6, 4, 3, 2, 12, 9, 5, 15, 10, 11, 14, 1, 7, 6, 0, 8,
    13,
  ],
  [
    4, 11, 2, 14, 15, 0, 8, 13, 3, 12, 9, 7, 5, 10, 6, 1, 13, 0, 11, 7, 4, 9, 1, 10, 14, 3, 5, 12, 2, 15, 8,
    6, 1, 4, 11, 13, 12, 3, 7, 14, 10, 15, 6, 8, 0, 5, 9, 2, 6, 11, 13, 8, 1, 4, 10, 7, 9, 5, 0, 15, 14, 2, 3,
    12,
  ],
  [
    13, 2, 8, 4, 6, 15, 11, 1, 10, 9, 3, 14, 5, 0, 12, 7, 1, 15, 13, 8, 10, 3, 7, 4, 12, 5, 6, 11, 0, 14, 9,
    2, 7, 11, 4, 1, 9, 12, 14, 2, 0, 6, 10, 13, 15, 3, 5, 8, 2, 1, 14, 7, 4, 10, 8, 13, 15, 12, 9, 0, 3, 5, 6,
    11,
  ],
]

/** `fips` is textbook DES; `ctVariant` is China Telecom's strEnc key schedule (different PC-1 for D). */
export type KeySchedule = 'fips' | 'ctVariant'

type Bits = number[]

function toBits(bytes: Uint8Array): Bits {
  const bits: Bits = []
  for (const byte of bytes) for (let shift = 7; shift >= 0; shift--) bits.push((byte >> shift) & 1)
  return bits
}

function permute(bits: Bits, table: readonly number[]): Bits {
  return table.map((position) => bits[position - 1] ?? 0)
}

function rotateLeft(bits: Bits, count: number): Bits {
  return [...bits.slice(count), ...bits.slice(0, count)]
}

function subkeysOf(key: Uint8Array, schedule: KeySchedule): Bits[] {
  const keyBits = toBits(key)
  let c = permute(keyBits, PC1_C)
  let d = permute(keyBits, schedule === 'fips' ? PC1_D_STANDARD : PC1_D_CT_VARIANT)
  return ROTATIONS.map((count) => {
    c = rotateLeft(c, count)
    d = rotateLeft(d, count)
    return permute([...c, ...d], PC2)
  })
}

/** Bit `position` (1-based, 1 = most significant) of a 32-bit word. */
const bitOf = (word: number, position: number) => (word >>> (32 - position)) & 1

/** Bit `position` (1-based) of a 64-bit block held as two 32-bit halves. */
const blockBit = (high: number, low: number, position: number) =>
  position <= 32 ? bitOf(high, position) : bitOf(low, position - 32)

function permuteBlock(high: number, low: number, table: readonly number[]): [number, number] {
  let outHigh = 0
  let outLow = 0
  for (let index = 0; index < 32; index++) outHigh = (outHigh << 1) | blockBit(high, low, table[index] ?? 0)
  for (let index = 32; index < 64; index++) outLow = (outLow << 1) | blockBit(high, low, table[index] ?? 0)
  return [outHigh >>> 0, outLow >>> 0]
}

/** The round function on the 32-bit right half, with the round key as eight 6-bit groups. */
function feistel(right: number, subkey: Uint8Array): number {
  let substituted = 0
  for (let box = 0; box < 8; box++) {
    let six = 0
    for (let bit = 0; bit < 6; bit++) six = (six << 1) | bitOf(right, EXPANSION[box * 6 + bit] ?? 0)
    six ^= subkey[box] ?? 0
    const row = ((six >> 4) & 2) | (six & 1)
    const column = (six >> 1) & 15
    substituted = (substituted << 4) | (S_BOXES[box]?.[row * 16 + column] ?? 0)
  }
  let permuted = 0
  for (const position of ROUND_PERMUTATION) permuted = (permuted << 1) | bitOf(substituted >>> 0, position)
  return permuted >>> 0
}

/** Each 48-bit round key as eight 6-bit groups, the shape the round function consumes. */
function groupedSubkeysOf(key: Uint8Array, schedule: KeySchedule): Uint8Array[] {
  return subkeysOf(key, schedule).map((bits) => {
    const groups = new Uint8Array(8)
    bits.forEach((bit, index) => {
      const group = Math.floor(index / 6)
      groups[group] = ((groups[group] ?? 0) << 1) | bit
    })
    return groups
  })
}

const subkeyCache = new Map<string, Uint8Array[]>()

function cachedSubkeys(key: Uint8Array, schedule: KeySchedule): Uint8Array[] {
  const cacheKey = `${schedule}:${Buffer.from(key).toString('hex')}`
  let subkeys = subkeyCache.get(cacheKey)
  if (!subkeys) {
    subkeys = groupedSubkeysOf(key, schedule)
    // Plugins hold one secret per connection; a small bound keeps a long-running server's cache tiny.
    if (subkeyCache.size > 64) subkeyCache.clear()
    subkeyCache.set(cacheKey, subkeys)
  }
  return subkeys
}

/** Encrypts or decrypts one 8-byte block with one 8-byte key (ECB, no padding). */
export function desBlock(
  block: Uint8Array,
  key: Uint8Array,
  direction: 'encrypt' | 'decrypt',
  schedule: KeySchedule,
): Uint8Array {
  if (block.length !== 8 || key.length !== 8) throw new RangeError('DES works on 8-byte blocks and keys')
  const subkeys = cachedSubkeys(key, schedule)
  const ordered = direction === 'encrypt' ? subkeys : [...subkeys].reverse()
  const view = new DataView(block.buffer, block.byteOffset, 8)
  let [left, right] = permuteBlock(view.getUint32(0), view.getUint32(4), INITIAL_PERMUTATION)
  for (const subkey of ordered) {
    const next = (left ^ feistel(right, subkey)) >>> 0
    left = right
    right = next
  }
  // The halves swap once more before the final permutation.
  const [high, low] = permuteBlock(right, left, FINAL_PERMUTATION)
  const out = new Uint8Array(8)
  const outView = new DataView(out.buffer)
  outView.setUint32(0, high)
  outView.setUint32(4, low)
  return out
}
