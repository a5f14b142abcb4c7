import { describe, expect, it } from 'vitest'
import { cardApiQuery, cardQueryFromRoute, cardQueryToRoute } from './card-query'

describe('card-query', () => {
  it('round-trips filters through the URL, keeping only what differs from the defaults', () => {
    const raw = {
      q: 'sensor',
      lifecycle: ['active', 'suspended'],
      carrierStatus: 'onelink:2',
      bound: 'bound',
      sort: 'totalBytes',
      order: 'asc',
      page: '3',
      pageSize: '50',
      view: 'grid',
    }
    const query = cardQueryFromRoute(raw)
    expect(query.lifecycle).toEqual(['active', 'suspended'])
    expect(query.carrierStatus).toEqual(['onelink:2'])
    expect(cardQueryToRoute(query)).toEqual({ ...raw, carrierStatus: ['onelink:2'] })
    expect(cardQueryToRoute(cardQueryFromRoute({}))).toEqual({})
  })

  it('drops values the API would refuse, and keeps page numbers within the first 10,000 matches', () => {
    const query = cardQueryFromRoute({
      lifecycle: ['active', 'bogus'],
      type: 'weekly',
      sort: 'colour',
      pageSize: '30',
      page: '900',
      activatedFrom: 'yesterday',
      updatedTo: 'not a time',
    })
    expect(query.lifecycle).toEqual(['active'])
    expect(query.type).toEqual([])
    expect(query.sort).toBe('')
    expect(query.pageSize).toBe(20)
    expect(query.page).toBe(500)
    expect(query.activatedFrom).toBe('')
    expect(query.updatedTo).toBe('')
    expect(cardQueryFromRoute({ pageSize: '100', page: '101' }).page).toBe(100)
  })

  it('maps the URL state to API parameters', () => {
    const api = cardApiQuery(
      cardQueryFromRoute({
        bound: 'unbound',
        tag: ['a', 'b'],
        order: 'asc',
        q: '  ',
        activatedTo: '2025-02-28',
      }),
    )
    expect(api.bound).toBe(false)
    expect(api.tag).toEqual(['a', 'b'])
    expect(api.q).toBeUndefined()
    // No sort column: the server's default order applies.
    expect(api.order).toBeUndefined()
    expect(api.activatedTo).toBe(new Date(2025, 2, 1).toISOString())
    expect(api).toMatchObject({ page: 1, limit: 20 })
  })
})
