import { parseArgs } from 'node:util'
import type { UnicomSimulatorOptions } from './index.js'

export const usage = `Usage: simulate [--port 8103] [--host 127.0.0.1] [--seed 1] [--cards 200] [--apply-delay-ms 30000]
                [--app-id ID] [--app-secret SECRET] [--open-id ID] [--log-bad-tokens] [--requests-per-second N]

Starts the China Unicom IoT gateway simulator. Its clock follows real time; Ctrl-C stops it.`

function integer(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined
  const number = Number(value)
  if (!Number.isInteger(number) || number < 0)
    throw new Error(`${flag} must be a whole number ≥ 0, got ${value}`)
  return number
}

/** Simulator options from command-line flags; throws with a message naming the bad flag. */
export function optionsFromArgs(args: readonly string[]): UnicomSimulatorOptions & { help: boolean } {
  const { values } = parseArgs({
    args: [...args],
    options: {
      port: { type: 'string', default: '8103' },
      host: { type: 'string', default: '127.0.0.1' },
      seed: { type: 'string' },
      cards: { type: 'string' },
      'apply-delay-ms': { type: 'string' },
      'app-id': { type: 'string' },
      'app-secret': { type: 'string' },
      'open-id': { type: 'string' },
      'log-bad-tokens': { type: 'boolean', default: false },
      'requests-per-second': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  })
  const optional = <K extends string, V>(key: K, value: V | undefined) =>
    (value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>
  return {
    help: values.help,
    clock: 'real',
    host: values.host,
    port: integer(values.port, '--port') ?? 8103,
    tokenCheck: values['log-bad-tokens'] ? 'logOnly' : 'strict',
    log: (message) => console.warn(`[unicom-simulator] ${message}`),
    ...optional('seed', integer(values.seed, '--seed')),
    ...optional('cards', integer(values.cards, '--cards')),
    ...optional('applyDelayMs', integer(values['apply-delay-ms'], '--apply-delay-ms')),
    ...optional('requestsPerSecond', integer(values['requests-per-second'], '--requests-per-second')),
    ...optional('appId', values['app-id']),
    ...optional('appSecret', values['app-secret']),
    ...optional('openId', values['open-id']),
  }
}
