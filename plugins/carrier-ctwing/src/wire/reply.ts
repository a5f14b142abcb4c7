import { CarrierError } from '@simops/carrier-sdk'
import { parseXml, XmlSyntaxError, type XmlElement } from './xml.js'

/** A reply body as China Telecom sends it: JSON, XML, or plain text (bare codes and messages). */
export type WireReply =
  { format: 'json'; value: unknown } | { format: 'xml'; root: XmlElement } | { format: 'text'; text: string }

function unreadable(what: string, body: string, cause?: unknown): CarrierError {
  const excerpt = body.length > 80 ? `${body.slice(0, 80)}…` : body
  return new CarrierError('protocol', `China Telecom sent ${what}: ${JSON.stringify(excerpt)}`, {
    ...(cause === undefined ? {} : { cause }),
  })
}

/**
 * Tells the three formats apart by their first character. A body that starts like JSON or XML but
 * does not parse is a broken reply (`protocol`), never a plain-text message.
 */
export function parseReply(body: string): WireReply {
  const text = body.replace(/^\uFEFF/, '').trim()
  if (text === '') throw unreadable('an empty reply', body)
  if (text.startsWith('{') || text.startsWith('[')) {
    try {
      return { format: 'json', value: JSON.parse(text) as unknown }
    } catch (error) {
      throw unreadable('JSON that does not parse', body, error)
    }
  }
  if (text.startsWith('<')) {
    try {
      return { format: 'xml', root: parseXml(text) }
    } catch (error) {
      if (error instanceof XmlSyntaxError)
        throw unreadable(`XML that does not parse (${error.message})`, body)
      throw error
    }
  }
  return { format: 'text', text }
}
