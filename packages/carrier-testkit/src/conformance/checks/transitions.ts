import {
  lifecycles,
  stateActions,
  type CallContext,
  type ChangeStateInput,
  type ChangeStateResult,
  type CarrierConnection,
  type Lifecycle,
  type StateAction,
  type TransitionTable,
} from '@simops/carrier-sdk'
import { describeValue, fail, isRecord, isStringOrNull } from '../assertions.js'
import { readCard } from '../card-reads.js'
import type { CheckSpec } from '../check-spec.js'
import type { DefinitionFacts, Harness } from '../harness.js'

/** Where each action leaves a card once the carrier has applied it. */
const targetOf = { activate: 'active', suspend: 'suspended', resume: 'active' } as const satisfies Record<
  StateAction,
  Lifecycle
>

const NOT_DECLARED = 'capability "changeState" is not declared'

function declaredTransitions(table: TransitionTable): Array<{ action: StateAction; from: Lifecycle }> {
  return stateActions.flatMap((action) => (table[action] ?? []).map((from) => ({ action, from })))
}

/** Changes a declared action refuses: states other than the ones it lists (`unknown` is no real state). */
function refusedTransitions(table: TransitionTable): Array<{ action: StateAction; from: Lifecycle }> {
  return stateActions.flatMap((action) => {
    const allowed = table[action]
    if (!allowed) return []
    return lifecycles
      .filter((from) => from !== 'unknown' && !allowed.includes(from))
      .map((from) => ({ action, from }))
  })
}

/** Pairs of declared changes where the second starts from where the first leaves the card. */
function chainedTransitions(table: TransitionTable) {
  return declaredTransitions(table).flatMap(({ action, from }) =>
    stateActions
      .filter((next) => table[next]?.includes(targetOf[action]))
      .map((next) => ({ from, first: action, then: next })),
  )
}

function changeStateOf(
  connection: CarrierConnection,
): (input: ChangeStateInput, call: CallContext) => Promise<ChangeStateResult> {
  const method = connection.changeState
  if (!method) fail('capability "changeState" is declared but the connection has no changeState()')
  return (input, call) => method.call(connection, input, call)
}

async function applyChange(
  harness: Harness,
  connection: CarrierConnection,
  input: ChangeStateInput,
): Promise<void> {
  const label = `changeState(${input.action}) of card ${input.iccid} from "${input.from}"`
  const result: unknown = await harness.call(label, (call) => changeStateOf(connection)(input, call))
  if (
    !isRecord(result) ||
    (result.outcome !== 'applied' && result.outcome !== 'pending') ||
    !isStringOrNull(result.carrierRef)
  )
    fail(
      `${label} must resolve with { outcome: 'applied' | 'pending', carrierRef }, got ${describeValue(result)}`,
    )
  await harness.simulator.settle()
  const card = await readCard(harness, connection, input.iccid, `getCards after ${label} and settle()`)
  const target = targetOf[input.action]
  if (card.lifecycle !== target)
    fail(
      `after ${label} and settle(), the card reads as "${card.lifecycle}"; ${input.action} must leave it "${target}"`,
    )
}

function skipUnlessChangeState(definition: DefinitionFacts): string | undefined {
  return definition.capabilities.changeState ? undefined : NOT_DECLARED
}

export const transitionChecks: CheckSpec[] = [
  {
    name: 'declared transitions',
    skip: skipUnlessChangeState,
    async run(harness) {
      const table = harness.definition.capabilities.changeState?.transitions ?? {}
      const connection = await harness.connect()
      for (const { action, from } of declaredTransitions(table)) {
        const iccid = await harness.takeCard(
          from,
          `the declared transition ${action} from "${from}" (every declared transition must be demonstrable)`,
        )
        await applyChange(harness, connection, { iccid, action, from })
      }
    },
  },
  {
    name: 'refused transition',
    skip: (definition) =>
      skipUnlessChangeState(definition) ??
      (refusedTransitions(definition.capabilities.changeState?.transitions ?? {}).length === 0
        ? 'every declared action is allowed from every lifecycle state'
        : undefined),
    async run(harness) {
      const table = harness.definition.capabilities.changeState?.transitions ?? {}
      const connection = await harness.connect()
      const candidates = refusedTransitions(table)
      for (const { action, from } of candidates) {
        const iccid = await harness.simulator.takeCard(from)
        if (iccid === undefined) continue
        await harness.expectCarrierError(
          `changeState(${action}) of card ${iccid} from "${from}", which the definition does not allow`,
          (call) => changeStateOf(connection)({ iccid, action, from }, call),
          ['invalidState', 'rejected'],
        )
        return
      }
      const states = [...new Set(candidates.map(({ from }) => from))].join(', ')
      fail(
        `the simulator holds no card in a state some declared action refuses (${states}); it needs one to show refusals`,
      )
    },
  },
  {
    name: 'lock window',
    skip: (definition) =>
      skipUnlessChangeState(definition) ??
      (definition.limits.lockSeconds === 0
        ? 'limits.lockSeconds is 0 (the carrier has no lock window)'
        : chainedTransitions(definition.capabilities.changeState?.transitions ?? {}).length === 0
          ? 'no declared action starts from a state another declared action leads to, so no second change can be asked'
          : undefined),
    async run(harness) {
      const table = harness.definition.capabilities.changeState?.transitions ?? {}
      const lockMs = harness.definition.limits.lockSeconds * 1000
      const connection = await harness.connect()
      const chains = chainedTransitions(table)
      for (const { from, first, then } of chains) {
        const iccid = await harness.simulator.takeCard(from)
        if (iccid === undefined) continue
        await applyChange(harness, connection, { iccid, action: first, from })
        const second = { iccid, action: then, from: targetOf[first] }
        const error = await harness.expectCarrierError(
          `changeState(${then}) of card ${iccid} right after ${first} (within limits.lockSeconds)`,
          (call) => changeStateOf(connection)(second, call),
          ['locked'],
        )
        if (!error.retryable)
          fail('a "locked" CarrierError must be retryable: the change succeeds once the window passes')
        await harness.simulator.advance(lockMs + 1000)
        await applyChange(harness, connection, second)
        return
      }
      const states = [...new Set(chains.map(({ from }) => from))].join(', ')
      fail(
        `the simulator holds no card in ${states}, needed to change a card twice for the lock window check`,
      )
    },
  },
]
