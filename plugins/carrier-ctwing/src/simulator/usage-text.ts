/**
 * How the carrier writes data figures: two decimals and a unit suffix ("12.50MB"). The simulator's own
 * converter (not the plugin's) turns the text back into bytes, so its figure is what the carrier reports.
 */
const UNITS = [
  { suffix: 'GB', bytes: 1024 ** 3 },
  { suffix: 'MB', bytes: 1024 ** 2 },
  { suffix: 'KB', bytes: 1024 },
] as const

export function usageText(bytes: number): string {
  const unit = UNITS.find((candidate) => bytes >= candidate.bytes) ?? UNITS[2]
  return `${(bytes / unit.bytes).toFixed(2)}${unit.suffix}`
}

export function bytesOfUsageText(text: string): number {
  const unit = UNITS.find((candidate) => text.endsWith(candidate.suffix))
  if (!unit) throw new Error(`no unit in ${text}`)
  return Math.round(Number(text.slice(0, -unit.suffix.length)) * unit.bytes)
}
