import type pg from 'pg'

export interface Scenario {
  name: string
  /** The query string of GET /api/v1/cards (without the leading ?). */
  query: string
}

/** A keyset cursor as core's encodeCursor builds it: base64url of the sort values as JSON strings. */
export function cursorOf(values: string[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url')
}

/**
 * The twelve list requests: the first page, a deep page and ten filter/sort combinations. Values the
 * filters need (a platform, an ICCID and number prefix) are read from the seeded data.
 */
export async function scenarios(client: pg.Client, cards: number, now: Date): Promise<Scenario[]> {
  const { rows: platforms } = await client.query<{ id: string }>(
    `select id from platforms where name = 'OneLink Shanghai'`,
  )
  const platformId = platforms[0]?.id
  const sample = async (id: number) => {
    const { rows } = await client.query<{ number: string; iccid: string }>(
      'select number, iccid from cards where id = $1',
      [id],
    )
    if (!platformId || !rows[0]) throw new Error(`the seeded data has no card ${id} or no platform`)
    return rows[0]
  }
  const iccidPrefix = (await sample(Math.round(cards * 0.3))).iccid.slice(0, 16)
  const numberPrefix = (await sample(Math.round(cards * 0.7))).number.slice(0, 8)
  const weekAgo = new Date(now.getTime() - 7 * 24 * 3600 * 1000).toISOString()
  const q = (params: Record<string, string>) => new URLSearchParams(params).toString()
  return [
    { name: 'first page', query: '' },
    { name: 'deep page (cursor)', query: q({ cursor: cursorOf([String(Math.round(cards / 2))]) }) },
    { name: 'sort usedBytes desc', query: q({ sort: 'usedBytes', order: 'desc' }) },
    { name: 'ctwing by activation', query: q({ carrierId: 'ctwing', sort: 'activatedAt', order: 'desc' }) },
    { name: 'platform + type', query: q({ platformId: platformId ?? '', type: 'month' }) },
    { name: 'sync failed', query: q({ syncState: 'failed' }) },
    { name: 'q = ICCID prefix', query: q({ q: iccidPrefix }) },
    { name: 'number prefix', query: q({ number: numberPrefix }) },
    { name: 'bound by updated', query: q({ bound: 'true', sort: 'updatedAt', order: 'desc' }) },
    { name: 'tag + lifecycle', query: q({ tag: 'cold', lifecycle: 'active' }) },
    {
      name: 'updated 7d by remaining',
      query: q({ updatedFrom: weekAgo, sort: 'remainingBytes', order: 'asc' }),
    },
    { name: 'carrier status by number', query: q({ carrierStatus: 'onelink:4', sort: 'number' }) },
  ]
}
