import { createHash, getHashes } from 'node:crypto'

/**
 * SM3 (GB/T 32905-2016), the hash the gateway's token is built on. Node exposes it when linked
 * against OpenSSL 3 with SM3 enabled; some builds (and FIPS-configured OpenSSL) leave it out, so a
 * plain implementation stands in. Both are checked against the standard's sample vectors in tests.
 */

const IV = [0x7380166f, 0x4914b2b9, 0x172442d7, 0xda8a0600, 0xa96f30bc, 0x163138aa, 0xe38dee4d, 0xb0fb0e4e]

const rotl = (x: number, n: number) => ((x << (n & 31)) | (x >>> (32 - (n & 31)))) >>> 0
const p0 = (x: number) => (x ^ rotl(x, 9) ^ rotl(x, 17)) >>> 0
const p1 = (x: number) => (x ^ rotl(x, 15) ^ rotl(x, 23)) >>> 0

/** Message padding: a 1 bit, zeros, then the message length in bits as a 64-bit big-endian number. */
function pad(message: Uint8Array): Uint8Array {
  const length = message.length
  const total = Math.ceil((length + 9) / 64) * 64
  const padded = new Uint8Array(total)
  padded.set(message)
  padded[length] = 0x80
  const view = new DataView(padded.buffer)
  const bits = length * 8
  view.setUint32(total - 8, Math.floor(bits / 0x1_0000_0000))
  view.setUint32(total - 4, bits >>> 0)
  return padded
}

function compress(state: number[], block: DataView, offset: number): void {
  const w = new Array<number>(68)
  for (let j = 0; j < 16; j++) w[j] = block.getUint32(offset + j * 4)
  for (let j = 16; j < 68; j++) {
    const x = (w[j - 16] ?? 0) ^ (w[j - 9] ?? 0) ^ rotl(w[j - 3] ?? 0, 15)
    w[j] = (p1(x) ^ rotl(w[j - 13] ?? 0, 7) ^ (w[j - 6] ?? 0)) >>> 0
  }
  let [a, b, c, d, e, f, g, h] = state as [number, number, number, number, number, number, number, number]
  for (let j = 0; j < 64; j++) {
    const t = j < 16 ? 0x79cc4519 : 0x7a879d8a
    const ss1 = rotl((rotl(a, 12) + e + rotl(t, j % 32)) >>> 0, 7)
    const ss2 = (ss1 ^ rotl(a, 12)) >>> 0
    const ff = j < 16 ? a ^ b ^ c : (a & b) | (a & c) | (b & c)
    const gg = j < 16 ? e ^ f ^ g : (e & f) | (~e & g)
    const wj = w[j] ?? 0
    const tt1 = (ff + d + ss2 + (wj ^ (w[j + 4] ?? 0))) >>> 0
    const tt2 = (gg + h + ss1 + wj) >>> 0
    d = c
    c = rotl(b, 9)
    b = a
    a = tt1
    h = g
    g = rotl(f, 19)
    f = e
    e = p0(tt2)
  }
  const next = [a, b, c, d, e, f, g, h]
  for (let i = 0; i < 8; i++) state[i] = ((state[i] ?? 0) ^ (next[i] ?? 0)) >>> 0
}

/** SM3 of a UTF-8 string, in this module's own implementation, as lower-case hex. */
export function sm3HexPortable(text: string): string {
  const padded = pad(new TextEncoder().encode(text))
  const view = new DataView(padded.buffer)
  const state = [...IV]
  for (let offset = 0; offset < padded.length; offset += 64) compress(state, view, offset)
  return state.map((word) => word.toString(16).padStart(8, '0')).join('')
}

/** Whether this Node.js offers SM3 through node:crypto. */
export const nodeHasSm3: boolean = getHashes().includes('sm3')

/** SM3 of a UTF-8 string as lower-case hex: node:crypto's when available, the portable one otherwise. */
export function sm3Hex(text: string): string {
  return nodeHasSm3 ? createHash('sm3').update(text, 'utf8').digest('hex') : sm3HexPortable(text)
}
