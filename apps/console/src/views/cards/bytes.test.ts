import { describe, expect, it } from 'vitest'
import { formatBytes } from './bytes'

describe('formatBytes', () => {
  it('keeps whole bytes below one kilobyte', () => {
    expect(formatBytes(0)).toBe('0 B')
    expect(formatBytes(1)).toBe('1 B')
    expect(formatBytes(1023)).toBe('1023 B')
  })

  it('uses a 1024 base and two decimals', () => {
    expect(formatBytes(1024)).toBe('1.00 KB')
    expect(formatBytes(1536)).toBe('1.50 KB')
    expect(formatBytes(1024 * 1024)).toBe('1.00 MB')
    expect(formatBytes(12.5 * 1024 * 1024)).toBe('12.50 MB')
    expect(formatBytes(3 * 1024 ** 3)).toBe('3.00 GB')
    expect(formatBytes(2 * 1024 ** 4)).toBe('2.00 TB')
  })

  it('carries a value that rounds up to 1024 into the next unit', () => {
    expect(formatBytes(1024 * 1024 - 1)).toBe('1.00 MB')
    expect(formatBytes(1024 ** 3 - 1)).toBe('1.00 GB')
  })

  it('keeps the sign of an overdrawn remainder', () => {
    expect(formatBytes(-1536)).toBe('-1.50 KB')
  })

  it('returns an empty string for missing values', () => {
    expect(formatBytes(null)).toBe('')
    expect(formatBytes(undefined)).toBe('')
    expect(formatBytes(Number.NaN)).toBe('')
  })
})
