import { createReadStream, createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { luhnCheckDigit } from '@simops/carrier-testkit/simulation'

export const CSV_HEADER = ['卡号/number', 'ICCID', '类型/type', '说明/description']
const TYPES = ['year', 'season', 'month', 'other']

/**
 * Row i of the generated file: a unique 13-digit OneLink IoT number (1440 + 9 digits) and a unique
 * 20-digit China Mobile ICCID (898604 + 13-digit serial + Luhn digit); type and description filled.
 * Numbers are spread (multiplied by an odd constant modulo 10^9) so they do not follow row order.
 */
export function generatedRow(i: number): string[] {
  const spread = (i * 7_654_321 + 12_345) % 1_000_000_000
  const number = `1440${String(spread).padStart(9, '0')}`
  const body = `898604${String(i + 1).padStart(13, '0')}`
  return [number, `${body}${luhnCheckDigit(body)}`, TYPES[i % 4] ?? 'other', `bench card ${i + 1}`]
}

/**
 * Writes a CSV (no quoting: the cells hold no comma, quote or line break) streamed to disk in
 * blocks, honouring back-pressure, so no more than one block is held in memory.
 */
export async function writeCsv(
  path: string,
  header: readonly string[],
  rows: Iterable<readonly string[]>,
): Promise<number> {
  const out = createWriteStream(path)
  let block = `${header.join(',')}\n`
  let count = 0
  for (const row of rows) {
    block += `${row.join(',')}\n`
    count += 1
    if (block.length >= 1 << 20) {
      if (!out.write(block)) await once(out, 'drain')
      block = ''
    }
  }
  out.end(block)
  await once(out, 'finish')
  return count
}

export function* generatedRows(count: number): Generator<string[]> {
  for (let i = 0; i < count; i++) yield generatedRow(i)
}

/**
 * The generated CSV as COPY text rows for cards(number, iccid, iccid19, platform_id, carrier_id,
 * type, description): read from disk, the header skipped, iccid19 = the first 19 characters.
 */
export async function* copyRows(path: string, platformId: string, carrierId: string): AsyncGenerator<string> {
  let rest = ''
  let header = true
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const lines = (rest + (chunk as string)).split('\n')
    rest = lines.pop() ?? ''
    let out = ''
    for (const line of lines) {
      if (header) {
        header = false
        continue
      }
      if (line === '') continue
      const [number, iccid = '', type, description] = line.split(',')
      out += `${number}\t${iccid}\t${iccid.slice(0, 19)}\t${platformId}\t${carrierId}\t${type}\t${description}\n`
    }
    if (out) yield out
  }
}
