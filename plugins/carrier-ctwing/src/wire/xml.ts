/**
 * A small, strict XML reader for the carrier's replies (traffic figures, service acknowledgements).
 * It checks well-formedness, since a truncated reply must be refused rather than half-read, and keeps
 * only element names (namespace prefix dropped), their text and their children.
 */
export interface XmlElement {
  /** Local name: `web:NEW_DATA_TICKET_QRsp` becomes `NEW_DATA_TICKET_QRsp`. */
  name: string
  text: string
  children: XmlElement[]
}

export class XmlSyntaxError extends Error {
  override name = 'XmlSyntaxError'
}

const TOKEN =
  /<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<\/([^\s>]+)\s*>|<([^\s/>!?]+)(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*(\/?)>|([^<]+)/y

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16))
    if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)))
    return ENTITIES[entity] ?? ''
  })
}

const localName = (qualified: string) => qualified.slice(qualified.indexOf(':') + 1)

export function parseXml(source: string): XmlElement {
  const stack: Array<{ qualified: string; element: XmlElement }> = []
  let root: XmlElement | undefined
  TOKEN.lastIndex = 0
  while (TOKEN.lastIndex < source.length) {
    const at = TOKEN.lastIndex
    const match = TOKEN.exec(source)
    if (!match) throw new XmlSyntaxError(`unexpected markup at offset ${at}`)
    const [, cdata, closing, opening, selfClosing, text] = match
    const current = stack[stack.length - 1]
    if (text !== undefined || cdata !== undefined) {
      const content = cdata ?? decodeEntities(text ?? '')
      if (current) current.element.text += content
      else if (content.trim() !== '') throw new XmlSyntaxError('text outside the root element')
    } else if (opening !== undefined) {
      if (!current && root) throw new XmlSyntaxError('more than one root element')
      const element: XmlElement = { name: localName(opening), text: '', children: [] }
      if (current) current.element.children.push(element)
      else root = element
      if (selfClosing !== '/') stack.push({ qualified: opening, element })
    } else if (closing !== undefined) {
      if (current?.qualified !== closing)
        throw new XmlSyntaxError(`</${closing}> does not close <${current?.qualified ?? 'nothing'}>`)
      stack.pop()
    }
  }
  if (!root) throw new XmlSyntaxError('no root element')
  if (stack.length > 0) throw new XmlSyntaxError(`<${stack[stack.length - 1]?.qualified}> is never closed`)
  return root
}

/** The trimmed text of the first element with this local name, searching depth-first. */
export function textOf(element: XmlElement, name: string): string | undefined {
  if (element.name === name) return element.text.trim()
  for (const child of element.children) {
    const found = textOf(child, name)
    if (found !== undefined) return found
  }
  return undefined
}
