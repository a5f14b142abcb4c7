import { parseReply, type WireReply } from '../wire/reply.js'
import { strDec } from './str-enc.js'

const WHOLE_DES_HEX = /^(?:[0-9A-F]{16})+$/

/** No control characters other than tab and line breaks: what a decrypted reply of text looks like. */
function isPrintable(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index)
    if ((unit < 0x20 && unit !== 0x09 && unit !== 0x0a && unit !== 0x0d) || unit === 0xfffd) return false
  }
  return true
}

/**
 * Legacy replies come as JSON, XML or plain text, and some methods (getTelephone, getSIMList…) send
 * them strEnc-encrypted as upper-case hex. Such a body is decrypted first when that yields printable
 * text; otherwise it is read as it came.
 */
export function parseLegacyReply(body: string, keys: readonly [string, string, string]): WireReply {
  const trimmed = body.trim()
  if (WHOLE_DES_HEX.test(trimmed)) {
    const decrypted = strDec(trimmed, ...keys)
    if (decrypted.trim() !== '' && isPrintable(decrypted)) return parseReply(decrypted)
  }
  return parseReply(body)
}
