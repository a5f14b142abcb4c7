import { chinaTimestamp } from './china-time.js'

/** The sequence part of a transid is 8 digits, zero padded. */
const SEQUENCE_DIGITS = 8

/**
 * A OneLink transaction id: appid + yyyyMMddHHmmss (Beijing time, 24-hour clock) + an 8-digit
 * sequence. appid 200001 at 2024-01-02 03:04:05 Beijing with sequence 1 gives
 * 2000012024010203040500000001.
 */
export function formatTransid(appId: string, at: Date, sequence: string): string {
  if (!/^\d{8}$/.test(sequence)) throw new Error(`a transid sequence is ${SEQUENCE_DIGITS} digits`)
  return `${appId}${chinaTimestamp(at)}${sequence}`
}

/**
 * Issues transids for one appid. The sequence must be unique per appid and second across every
 * process sharing the appid, so a configured 2-digit instance id leads it, followed by a 6-digit
 * counter; without one, the counter takes all 8 digits.
 */
export class TransidSource {
  private counter = 0

  constructor(
    private readonly appId: string,
    private readonly now: () => Date,
    private readonly instanceId?: string,
  ) {
    if (instanceId !== undefined && !/^\d{2}$/.test(instanceId))
      throw new Error('instanceId must be two digits')
  }

  next(): string {
    const counterDigits = this.instanceId === undefined ? SEQUENCE_DIGITS : SEQUENCE_DIGITS - 2
    this.counter = (this.counter % (10 ** counterDigits - 1)) + 1
    const sequence = `${this.instanceId ?? ''}${String(this.counter).padStart(counterDigits, '0')}`
    return formatTransid(this.appId, this.now(), sequence)
  }
}
