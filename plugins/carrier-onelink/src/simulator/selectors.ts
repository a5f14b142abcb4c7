import { answers, Refusal } from './answers.js'
import type { Selector } from './state.js'

const singleKeys = ['msisdn', 'iccid', 'imsi'] as const
const batchKeys = { msisdns: 'msisdn', iccids: 'iccid', imsis: 'imsi' } as const
export const MAX_BATCH = 100

const given = (params: Record<string, string>, key: string) => (params[key] ?? '').trim() !== ''

/** The single-card selector: exactly one of msisdn, iccid, imsi (必须有且只有一项). */
export function singleSelector(params: Record<string, string>): Selector {
  const present = singleKeys.filter((key) => given(params, key))
  const [key] = present
  if (present.length !== 1 || key === undefined)
    throw new Refusal({
      status: answers.badParameters.status,
      message: 'msisdn、iccid、imsi必须有且只有一项',
    })
  return { key, value: (params[key] ?? '').trim() }
}

/** The batch selector: exactly one of msisdns, iccids, imsis, values joined by `_`, at most 100. */
export function batchSelector(params: Record<string, string>): { key: Selector['key']; values: string[] } {
  const present = (Object.keys(batchKeys) as Array<keyof typeof batchKeys>).filter((key) =>
    given(params, key),
  )
  const [plural] = present
  if (present.length !== 1 || plural === undefined)
    throw new Refusal({
      status: answers.badParameters.status,
      message: 'msisdns、iccids、imsis必须有且只有一项',
    })
  const values = (params[plural] ?? '').split('_').map((value) => value.trim())
  if (values.some((value) => value === '')) throw new Refusal(answers.badParameters)
  if (values.length > MAX_BATCH) throw new Refusal(answers.batchTooLarge)
  return { key: batchKeys[plural], values }
}
