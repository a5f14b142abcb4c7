import { describe, expect, it } from 'vitest'
import { formatDateTime } from './date'

describe('formatDateTime', () => {
  it('formats a date as YYYY-MM-DD HH:mm:ss with zero padding', () => {
    expect(formatDateTime(new Date(2024, 0, 5, 3, 4, 5))).toBe('2024-01-05 03:04:05')
    expect(formatDateTime(new Date(2025, 11, 31, 23, 59, 59))).toBe('2025-12-31 23:59:59')
  })

  it('shows an ISO instant in local time', () => {
    const local = new Date(2024, 6, 14, 8, 30, 0)
    expect(formatDateTime(local.toISOString())).toBe('2024-07-14 08:30:00')
    expect(formatDateTime(local.getTime())).toBe('2024-07-14 08:30:00')
  })

  it('returns an empty string for missing or invalid values', () => {
    expect(formatDateTime(null)).toBe('')
    expect(formatDateTime(undefined)).toBe('')
    expect(formatDateTime('')).toBe('')
    expect(formatDateTime('not a date')).toBe('')
  })
})
