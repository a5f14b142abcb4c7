import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { useApp } from './harness.js'

const consoleDir = await mkdtemp(join(tmpdir(), 'simops-console-'))

describe('serving the console', () => {
  beforeAll(async () => {
    await mkdir(join(consoleDir, 'assets'))
    await writeFile(join(consoleDir, 'index.html'), '<!doctype html><title>SimOps</title>')
    await writeFile(join(consoleDir, 'assets', 'index-abc123.js'), 'console.log(1)')
  })
  afterAll(() => rm(consoleDir, { recursive: true, force: true }))
  const h = useApp('pglite', { consoleDir })

  it('serves index.html and fingerprinted assets without credentials', async () => {
    const index = await h().request({ method: 'GET', url: '/' })
    expect(index.statusCode).toBe(200)
    expect(index.body).toContain('<title>SimOps</title>')
    expect(index.headers['cache-control']).toBe('no-cache')
    const asset = await h().request({ method: 'GET', url: '/assets/index-abc123.js' })
    expect(asset.statusCode).toBe(200)
    expect(asset.headers['cache-control']).toContain('immutable')
  })

  it('answers deep links with the console and unknown API paths with JSON', async () => {
    const deep = await h().request({ method: 'GET', url: '/users?page=2' })
    expect(deep.statusCode).toBe(200)
    expect(deep.body).toContain('<title>SimOps</title>')
    const api = await h().request({ method: 'GET', url: '/api/v1/unknown' })
    expect(api.statusCode).toBe(404)
    expect(api.json().code).toBe('ROUTE_NOT_FOUND')
    // The API itself stays protected.
    expect((await h().request({ method: 'GET', url: '/api/v1/users' })).statusCode).toBe(401)
  })
})
