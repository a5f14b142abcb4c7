import { cardSortKeys, systemContext, type CardSortKey } from '@simops/core'
import { startReferenceSimulator, type ReferenceSimulator } from '@simops/carrier-testkit/reference'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cardNumber, createPlatform, referenceIccid, referenceRegistry } from './card-fixtures.js'
import { backends, useApp } from './harness.js'

interface ListedCard {
  id: string
  number: string
  lifecycle: string
  type: string
  tags: string[]
  usage: { usedBytes: number } | null
  device: { id: string } | null
}

const CARDS = 30
const types = ['year', 'season', 'month', 'other'] as const

describe.each(backends)('card list on %s', (backend) => {
  let simulator: ReferenceSimulator
  beforeAll(async () => {
    simulator = await startReferenceSimulator({ cards: 5 })
  })
  afterAll(() => simulator.close())
  const h = useApp(backend, { carriers: referenceRegistry })
  let token = ''
  let platformA = ''
  let platformB = ''

  beforeAll(async () => {
    token = await h().adminToken()
    platformA = await createPlatform(h(), simulator, 'List A')
    platformB = await createPlatform(h(), simulator, 'List B')
    const ctx = systemContext('test')
    const { cards, devices } = h().core
    for (let i = 1; i <= CARDS; i += 1) {
      const card = await cards.create(ctx, {
        number: cardNumber(100 + i),
        iccid: referenceIccid(100 + i),
        platformId: i % 3 === 0 ? platformB : platformA,
        type: types[i % 4] ?? 'other',
        tags: i % 5 === 0 ? ['cold', 'east'] : i % 2 === 0 ? ['east'] : [],
        description: i === 7 ? '冷库温度计' : '',
      })
      if (i % 6 === 0) {
        await devices.create(ctx, { id: `dev-${i}`, name: `Device ${i}` })
        await cards.bind(ctx, card.id, `dev-${i}`)
      }
    }
    // Carrier-side facts a sync would have written: states, usage (with ties), activation dates.
    await sql`update cards set
        lifecycle = (array['active','suspended','ready','unknown'])[1 + id % 4],
        carrier_status_code = (array['2','4','1',null])[1 + id % 4],
        carrier_status_label = '{"zh-CN":"状态","en":"Status"}'::jsonb,
        usage_used_bytes = case when id % 4 = 3 then null else (id % 7) * 1048576 end,
        usage_total_bytes = case when id % 4 = 3 then null else 10485760 end,
        usage_remaining_bytes = case when id % 4 = 3 then null else 10485760 - (id % 7) * 1048576 end,
        usage_as_of = now(),
        activated_at = case when id % 4 = 0 then timestamptz '2026-01-01' + (id || ' days')::interval end,
        updated_at = timestamptz '2026-06-01' + ((id % 5) || ' hours')::interval
      `.execute(h().core.database.db)
  })

  const list = async (query: string) => {
    const response = await h().request({ method: 'GET', url: `/api/v1/cards?${query}`, token })
    expect(response.statusCode, response.body).toBe(200)
    return response.json<{
      items: ListedCard[]
      nextCursor: string | null
      total: number
      totalCapped: boolean
    }>()
  }

  /** Walks every page by cursor and returns the ids in order. */
  const walk = async (query: string, limit: number) => {
    const ids: string[] = []
    let cursor: string | null = null
    do {
      const page = await list(`${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`)
      ids.push(...page.items.map((card) => card.id))
      cursor = page.nextCursor
    } while (cursor)
    return ids
  }

  it('lists newest first with a total', async () => {
    const page = await list('limit=5')
    expect(page.total).toBe(CARDS)
    expect(page.totalCapped).toBe(false)
    expect(page.items.map((c) => Number(c.id))).toEqual([30, 29, 28, 27, 26])
  })

  it.each(cardSortKeys.flatMap((sort) => (['asc', 'desc'] as const).map((order) => [sort, order] as const)))(
    'pages by cursor through sort %s %s without gaps or repeats, matching page numbers',
    async (sort: CardSortKey, order) => {
      const all = (await list(`sort=${sort}&order=${order}&limit=200`)).items.map((c) => c.id)
      expect(all).toHaveLength(CARDS)
      expect(await walk(`sort=${sort}&order=${order}`, 7)).toEqual(all)
      const page2 = await list(`sort=${sort}&order=${order}&limit=7&page=2`)
      expect(page2.items.map((c) => c.id)).toEqual(all.slice(7, 14))
    },
  )

  it('sorts by usage with nulls first ascending and a stable id tiebreak', async () => {
    const items = (await list('sort=usedBytes&order=asc&limit=200')).items
    const keys = items.map((c) => [c.usage?.usedBytes ?? -1, Number(c.id)] as const)
    const sorted = [...keys].sort((a, b) => a[0] - b[0] || a[1] - b[1])
    expect(keys).toEqual(sorted)
  })

  it('filters by every field, alone and combined', async () => {
    const ids = async (query: string) =>
      (await list(`${query}&limit=200`)).items.map((c) => Number(c.id)).sort((a, b) => a - b)
    const range = (pick: (i: number) => boolean) =>
      Array.from({ length: CARDS }, (_, i) => i + 1).filter(pick)
    expect(await ids(`platformId=${platformB}`)).toEqual(range((i) => i % 3 === 0))
    expect(await ids(`platformId=${platformA}&platformId=${platformB}`)).toEqual(range(() => true))
    expect(await ids(`platformId=${platformB}&carrierId=reference&sort=number`)).toEqual(
      range((i) => i % 3 === 0),
    )
    expect(await ids(`platformId=${platformB}&carrierId=onelink`)).toEqual([])
    expect(await ids('type=year&type=season')).toEqual(range((i) => i % 4 === 0 || i % 4 === 1))
    expect(await ids('lifecycle=active')).toEqual(range((i) => i % 4 === 0))
    expect(await ids('lifecycle=suspended&type=season')).toEqual(range((i) => i % 4 === 1))
    expect(await ids('carrierStatus=reference:4')).toEqual(range((i) => i % 4 === 1))
    expect(await ids('bound=true')).toEqual(range((i) => i % 6 === 0))
    expect((await ids('bound=false')).length).toBe(CARDS - 5)
    expect(await ids('deviceId=dev-12')).toEqual([12])
    expect(await ids('tag=east&tag=cold')).toEqual(range((i) => i % 5 === 0))
    expect(await ids('tag=east')).toEqual(range((i) => i % 5 === 0 || i % 2 === 0))
    expect(await ids(`number=${cardNumber(110).slice(0, 12)}`)).toEqual(range((i) => i >= 10 && i <= 19))
    expect(await ids(`iccid=${referenceIccid(125).slice(0, 19)}`)).toEqual([25])
    expect(await ids(`q=${referenceIccid(125).slice(0, 16)}`)).toEqual(range((i) => i >= 1 && i <= 30))
    expect(await ids(`q=${cardNumber(107)}`)).toEqual([7])
    expect(await ids('q=冷库')).toEqual([7])
    expect(await ids('q=dev-18')).toEqual([18])
    expect(await ids('activatedFrom=2026-01-05T00:00:00Z&activatedTo=2026-01-13T00:00:00Z')).toEqual([4, 8])
    expect(await ids('updatedFrom=2026-06-01T04:00:00Z')).toEqual(range((i) => i % 5 === 4))
    expect(await ids('syncState=never')).toHaveLength(CARDS)
    expect(await ids('syncState=ok')).toEqual([])
  })

  it('lists the carrier statuses present, for the filter', async () => {
    const response = await h().request({ method: 'GET', url: '/api/v1/cards/carrier-statuses', token })
    expect(response.json()).toEqual([
      { carrierId: 'reference', code: '1', label: { 'zh-CN': '状态', en: 'Status' } },
      { carrierId: 'reference', code: '2', label: { 'zh-CN': '状态', en: 'Status' } },
      { carrierId: 'reference', code: '4', label: { 'zh-CN': '状态', en: 'Status' } },
    ])
  })

  it('refuses bad paging and filters with the field named', async () => {
    const bad = async (query: string, code: string, field: string) => {
      const response = await h().request({ method: 'GET', url: `/api/v1/cards?${query}`, token })
      expect(response.statusCode, query).toBe(400)
      expect(response.json().code, query).toBe(code)
      expect(JSON.stringify(response.json().details?.fields), query).toContain(field)
    }
    await bad('page=600&limit=20', 'PAGE_TOO_DEEP', 'page')
    await bad('cursor=not-a-cursor', 'INVALID_CURSOR', 'cursor')
    await bad(
      `cursor=${Buffer.from('["1"]').toString('base64url')}&sort=usedBytes`,
      'INVALID_CURSOR',
      'cursor',
    )
    await bad('page=2&cursor=WyIxIl0', 'VALIDATION_FAILED', 'cursor')
    await bad('sort=price', 'VALIDATION_FAILED', 'sort')
    await bad('lifecycle=asleep', 'VALIDATION_FAILED', 'lifecycle')
    await bad('platformId=nope', 'VALIDATION_FAILED', 'platformId')
    await bad(
      'activatedFrom=2026-02-01T00:00:00Z&activatedTo=2026-01-01T00:00:00Z',
      'VALIDATION_FAILED',
      'activatedTo',
    )
    await bad('limit=500', 'VALIDATION_FAILED', 'limit')
    await bad('colour=red', 'VALIDATION_FAILED', 'colour')
  })
})
