import type { StateAction } from '@simops/carrier-sdk'
import type { CardFilter } from '../cards/card-query.js'
import type { JobAction } from '../db/schema.js'
import { invalidField } from '../errors.js'

/** The most card ids one request may list; larger selections go by filter. */
export const MAX_JOB_CARD_IDS = 100_000
/** The most card↔device pairs one bind job may carry. */
export const MAX_JOB_PAIRS = 10_000

export type CardJobAction = StateAction | 'sync' | 'delete'
export const cardJobActions: readonly CardJobAction[] = ['activate', 'suspend', 'resume', 'sync', 'delete']

/** One card to bind, named by id or by number, and the device it goes to. */
export interface BindPair {
  cardId?: string
  number?: string
  deviceId: string
}

/** What a caller asks for: an action over selected cards, or binds from a list of pairs. */
export type JobRequest =
  | { action: CardJobAction; cardIds: readonly string[] }
  | { action: CardJobAction; filter: CardFilter }
  | { action: 'bind'; pairs: readonly BindPair[] }

/** How a job's cards are chosen, as stored with the job (dates as ISO text). */
export type StoredSelector =
  | { kind: 'ids'; cardIds: string[] }
  | { kind: 'filter'; filter: Record<string, unknown> }
  | { kind: 'pairs'; pairs: BindPair[] }
  | { kind: 'file'; fileName: string; format: string; platformId: string | null; dryRun: boolean }

const dateKeys = ['activatedFrom', 'activatedTo', 'updatedFrom', 'updatedTo'] as const

/** Checks the request and returns what to store; throws a field-naming error when it cannot run. */
export function selectorOf(request: JobRequest): { action: JobAction; selector: StoredSelector } {
  if (request.action === 'bind') {
    if (!('pairs' in request)) throw invalidField('pairs', 'a bind job needs a list of card↔device pairs')
    return { action: 'bind', selector: { kind: 'pairs', pairs: checkedPairs(request.pairs) } }
  }
  if (!cardJobActions.includes(request.action))
    throw invalidField('action', `must be one of ${[...cardJobActions, 'bind'].join(', ')}`)
  if ('cardIds' in request) {
    const ids = [...new Set(request.cardIds)]
    if (ids.length === 0) throw invalidField('cardIds', 'select at least one card')
    if (ids.length > MAX_JOB_CARD_IDS)
      throw invalidField('cardIds', `at most ${MAX_JOB_CARD_IDS} ids; select larger sets by filter`)
    const bad = ids.find((id) => !/^[1-9]\d{0,14}$/.test(id))
    if (bad !== undefined) throw invalidField('cardIds', `"${bad}" is not a card id`)
    return { action: request.action, selector: { kind: 'ids', cardIds: ids } }
  }
  return { action: request.action, selector: { kind: 'filter', filter: storedFilter(request.filter) } }
}

function checkedPairs(pairs: readonly BindPair[]): BindPair[] {
  if (pairs.length === 0) throw invalidField('pairs', 'give at least one card↔device pair')
  if (pairs.length > MAX_JOB_PAIRS) throw invalidField('pairs', `at most ${MAX_JOB_PAIRS} pairs in one job`)
  const devices = new Set<string>()
  return pairs.map((pair, index) => {
    const field = `pairs[${index}]`
    const deviceId = pair.deviceId.trim()
    if (!deviceId) throw invalidField(`${field}.deviceId`, 'must not be empty')
    if (devices.has(deviceId))
      throw invalidField(`${field}.deviceId`, `device ${deviceId} appears twice; a device holds one card`)
    devices.add(deviceId)
    const cardId = pair.cardId?.trim()
    const number = pair.number?.trim()
    if (!cardId === !number) throw invalidField(field, 'name the card by exactly one of cardId or number')
    if (cardId !== undefined && !/^[1-9]\d{0,14}$/.test(cardId))
      throw invalidField(`${field}.cardId`, `"${cardId}" is not a card id`)
    return cardId ? { cardId, deviceId } : { number: number ?? '', deviceId }
  })
}

function storedFilter(filter: CardFilter): Record<string, unknown> {
  const stored: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined) continue
    stored[key] = value instanceof Date ? value.toISOString() : value
  }
  return stored
}

/** The filter a job stored, back as core's CardFilter. */
export function filterOf(stored: Record<string, unknown>): CardFilter {
  const filter = { ...stored } as CardFilter & Record<string, unknown>
  for (const key of dateKeys) {
    const value = stored[key]
    if (typeof value === 'string') filter[key] = new Date(value)
  }
  return filter
}
