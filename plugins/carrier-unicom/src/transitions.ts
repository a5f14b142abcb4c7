import type { TransitionTable } from '@simops/carrier-sdk'

/**
 * The states each action is offered from. wsEditTerminal changeType 3 with target 2 activates
 * cards that were never active (test, ready, inventory) and resumes deactivated ones; target 3
 * deactivates (停机) active cards. Which other sources the gateway accepts is undocumented.
 */
export const unicomTransitions = {
  activate: ['test', 'ready', 'inventory'],
  suspend: ['active'],
  resume: ['suspended'],
} as const satisfies TransitionTable
