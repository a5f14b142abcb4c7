import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { backends, useApp } from './harness.js'

describe.each(backends)('system on %s', (backend) => {
  const h = useApp(backend)

  it('answers health and readiness without credentials', async () => {
    expect((await h().request({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' })
    const ready = await h().request({ method: 'GET', url: '/readyz' })
    expect(ready.statusCode).toBe(200)
    expect(ready.json()).toEqual({
      status: 'ready',
      database: backend === 'pglite' ? 'embedded' : 'postgres',
    })
  })

  it('serves the API docs and echoes a request id', async () => {
    const docs = await h().request({ method: 'GET', url: '/docs/' })
    expect(docs.statusCode).toBe(200)
    expect(docs.headers['content-type']).toContain('text/html')
    const response = await h().request({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-request-id': 'trace-123' },
    })
    expect(response.headers['x-request-id']).toBe('trace-123')
  })

  it('answers unknown routes with the JSON error shape', async () => {
    const response = await h().request({ method: 'GET', url: '/api/v1/nothing-here' })
    expect(response.statusCode).toBe(404)
    expect(response.json()).toEqual({ code: 'ROUTE_NOT_FOUND', message: 'No route GET /api/v1/nothing-here' })
  })
})

describe('OpenAPI document', () => {
  const h = useApp('pglite')

  it('is the committed apps/api/openapi.json (run `pnpm generate` after changing routes)', async () => {
    const committed = JSON.parse(await readFile(new URL('../openapi.json', import.meta.url), 'utf8'))
    const live = (await h().request({ method: 'GET', url: '/openapi.json' })).json()
    expect(live).toEqual(committed)
  })

  it('gives every operation an operationId, tags and a documented error response', async () => {
    const document = (await h().request({ method: 'GET', url: '/openapi.json' })).json()
    const operations = Object.entries(
      document.paths as Record<string, Record<string, Record<string, unknown>>>,
    ).flatMap(([path, item]) =>
      Object.entries(item).map(([method, operation]) => ({ id: `${method} ${path}`, operation })),
    )
    expect(operations.length).toBeGreaterThanOrEqual(16)
    const ids = new Set<string>()
    for (const { id, operation } of operations) {
      expect(typeof operation.operationId, id).toBe('string')
      expect(operation.tags, id).toHaveLength(1)
      ids.add(operation.operationId as string)
      if (!id.includes('/healthz'))
        expect(
          Object.keys(operation.responses as object).some((s) => s >= '400'),
          id,
        ).toBe(true)
    }
    expect(ids.size).toBe(operations.length)
  })
})
