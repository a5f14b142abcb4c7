import { CarrierError } from '@simops/carrier-sdk'
import type { WireReply } from './reply.js'
import { textOf } from './xml.js'

/**
 * One reply in the shape every endpoint shares once normalised (reference §4): success or not, the
 * carrier's code and message, and the reply itself for the mappers to read the payload from.
 */
export interface Envelope {
  ok: boolean
  code: string
  message: string
  reply: WireReply
}

const SUCCESS_CODES = new Set(['0', '0000'])

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

const asText = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined

/** JSON envelopes, tried in this order: `resultCode`, `result`, upper-case `RESULT`, then `code`. */
const jsonShapes: ReadonlyArray<{ code: string; messages: readonly string[] }> = [
  { code: 'resultCode', messages: ['resultMsg'] },
  { code: 'result', messages: ['resultMsg', 'msg', 'message'] },
  { code: 'RESULT', messages: ['SMSG'] },
  { code: 'code', messages: ['msg', 'message'] },
]

function fromJson(value: unknown, reply: WireReply): Envelope | undefined {
  if (!isRecord(value)) return undefined
  for (const shape of jsonShapes) {
    const code = asText(value[shape.code])
    if (code === undefined) continue
    const message = shape.messages.map((name) => asText(value[name])).find((found) => found !== undefined)
    return { ok: SUCCESS_CODES.has(code.trim()), code: code.trim(), message: message ?? '', reply }
  }
  return undefined
}

function fromXml(reply: Extract<WireReply, { format: 'xml' }>): Envelope | undefined {
  const { root } = reply
  const traffic = textOf(root, 'IRESULT')
  if (traffic !== undefined)
    return { ok: traffic === '0', code: traffic, message: textOf(root, 'SMSG') ?? '', reply }
  // SvcCont/Response: RspCode 0000 with RspType 0 acknowledges receipt (成功接收消息).
  const rspCode = textOf(root, 'RspCode')
  if (rspCode !== undefined) {
    const rspType = textOf(root, 'RspType') ?? '0'
    return {
      ok: rspType === '0' && SUCCESS_CODES.has(rspCode),
      code: rspCode,
      message: textOf(root, 'RspDesc') ?? '',
      reply,
    }
  }
  // 5G disabledNumberService: result / rspcode / rspdesc.
  const result = textOf(root, 'result')
  if (result !== undefined)
    return { ok: SUCCESS_CODES.has(result), code: result, message: textOf(root, 'rspdesc') ?? '', reply }
  return undefined
}

/** A bare reply is a failure: `-1`…`-4`, a message, or text led by a two-character code. */
function fromText(text: string, reply: WireReply): Envelope {
  const bareNumber = /^-?\d+$/.test(text)
  const ledByCode = /^[0-9A-Za-z]{2}/.exec(text)
  return { ok: false, code: bareNumber ? text : (ledByCode?.[0] ?? ''), message: text, reply }
}

export function envelopeOf(reply: WireReply): Envelope {
  const envelope =
    reply.format === 'json'
      ? fromJson(reply.value, reply)
      : reply.format === 'xml'
        ? fromXml(reply)
        : fromText(reply.text, reply)
  if (envelope) return envelope
  throw new CarrierError(
    'protocol',
    `China Telecom sent a ${reply.format.toUpperCase()} reply without a result code`,
  )
}

/** A field of a JSON reply (top level), or the text of the first XML element of that name. */
export function fieldOf(reply: WireReply, name: string): unknown {
  if (reply.format === 'json') return isRecord(reply.value) ? reply.value[name] : undefined
  if (reply.format === 'xml') return textOf(reply.root, name)
  return undefined
}
