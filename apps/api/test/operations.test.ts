import { describe, expect, it } from 'vitest'
import { backends, useApp } from './harness.js'

describe.each(backends)('operations on %s', (backend) => {
  const h = useApp(backend)

  it('lists the audit trail newest first with keyset paging and filters', async () => {
    const token = await h().adminToken()
    for (let i = 0; i < 5; i++) await h().userWithRole('viewer', `audited-${i}`)
    const first = await h().request({
      method: 'GET',
      url: '/api/v1/operations?action=user.create&limit=2',
      token,
    })
    expect(first.statusCode).toBe(200)
    const page1 = first.json()
    expect(page1.items.map((o: { target: { name: string } }) => o.target.name)).toEqual([
      'audited-4',
      'audited-3',
    ])
    expect(page1.items[0]).toMatchObject({
      result: 'success',
      error: null,
      actor: { type: 'system', name: 'test' },
    })
    const page2 = (
      await h().request({
        method: 'GET',
        url: `/api/v1/operations?action=user.create&limit=2&cursor=${page1.nextCursor}`,
        token,
      })
    ).json()
    expect(page2.items.map((o: { target: { name: string } }) => o.target.name)).toEqual([
      'audited-2',
      'audited-1',
    ])
    const page3 = (
      await h().request({
        method: 'GET',
        url: `/api/v1/operations?action=user.create&limit=2&cursor=${page2.nextCursor}`,
        token,
      })
    ).json()
    expect(page3.items.map((o: { target: { name: string } }) => o.target.name)).toEqual([
      'audited-0',
      'admin',
    ])
    expect(page3.nextCursor).toBeNull()

    const logins = (
      await h().request({ method: 'GET', url: '/api/v1/operations?action=auth.login&result=success', token })
    ).json()
    expect(logins.items.length).toBeGreaterThanOrEqual(6)
    expect(logins.items[0].requestId).toMatch(/[0-9a-f-]{36}/)
  })

  it('filters by time and rejects an inverted range', async () => {
    const token = await h().adminToken()
    const future = (
      await h().request({ method: 'GET', url: '/api/v1/operations?from=2999-01-01T00:00:00Z', token })
    ).json()
    expect(future.items).toEqual([])
    const inverted = await h().request({
      method: 'GET',
      url: '/api/v1/operations?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z',
      token,
    })
    expect(inverted.statusCode).toBe(400)
    expect(inverted.json().details.fields[0].field).toBe('to')
    for (const query of ['cursor=abc', 'limit=0', 'result=maybe', 'from=yesterday', 'unknown=1']) {
      const response = await h().request({ method: 'GET', url: `/api/v1/operations?${query}`, token })
      expect(response.statusCode, query).toBe(400)
      expect(response.json().code).toBe('VALIDATION_FAILED')
    }
  })

  it('exports the matching records as CSV, streamed, with formulas defused', async () => {
    const token = await h().adminToken()
    for (let i = 0; i < 3; i++) await h().userWithRole('viewer', `exported-${i}`)
    // Refused, but recorded with the name it was asked for: a cell a spreadsheet would run.
    await expect(h().userWithRole('viewer', '=cmd')).rejects.toThrow()
    const response = await h().request({
      method: 'GET',
      url: '/api/v1/operations/export?action=user.create',
      token,
    })
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toContain('text/csv')
    expect(response.headers['content-disposition']).toMatch(/attachment; filename="operations-\d+\.csv"/)
    const lines = response.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines[0]).toBe(
      'time,operator,operator_type,action,target_type,target_id,target,result,error_code,error_message,request_id,ip,details',
    )
    expect(lines[1]).toContain(',user.create,user,')
    expect(lines[1]).toContain("'=cmd")
    expect(lines.slice(2, 5).map((line) => line.split(',')[6])).toEqual([
      'exported-2',
      'exported-1',
      'exported-0',
    ])
    const bad = await h().request({ method: 'GET', url: '/api/v1/operations/export?result=maybe', token })
    expect(bad.statusCode).toBe(400)
  })
})
