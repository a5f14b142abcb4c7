import { parseArgs } from 'node:util'
import type { CtwingSimulatorOptions } from './index.js'

export const CLI_USAGE =
  'usage: simulate [--port 8102] [--host 127.0.0.1] [--seed 1] [--cards 120] [--apply-delay-ms 30000]\n' +
  '                [--user-id ID] [--password PW] [--secret-key 9CHARKEY] [--app-key KEY] [--app-secret SECRET]'

export type CliCommand = { help: true } | { help: false; options: CtwingSimulatorOptions }

function whole(name: string, text: string): number {
  const value = Number(text)
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a whole number, got ${text}`)
  return value
}

/** The simulator options the CLI runs with: real time, the given port, seed, cards, delay and credentials. */
export function parseCliArgs(args: readonly string[]): CliCommand {
  const { values } = parseArgs({
    args: [...args],
    options: {
      port: { type: 'string', default: '8102' },
      host: { type: 'string', default: '127.0.0.1' },
      seed: { type: 'string', default: '1' },
      cards: { type: 'string', default: '120' },
      'apply-delay-ms': { type: 'string', default: '30000' },
      'user-id': { type: 'string' },
      password: { type: 'string' },
      'secret-key': { type: 'string' },
      'app-key': { type: 'string' },
      'app-secret': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  })
  if (values.help) return { help: true }
  return {
    help: false,
    options: {
      realTime: true,
      port: whole('port', values.port),
      host: values.host,
      seed: whole('seed', values.seed),
      cards: whole('cards', values.cards),
      applyDelayMs: whole('apply-delay-ms', values['apply-delay-ms']),
      credentials: {
        ...(values['user-id'] ? { userId: values['user-id'] } : {}),
        ...(values.password ? { password: values.password } : {}),
        ...(values['secret-key'] ? { secretKey: values['secret-key'] } : {}),
        ...(values['app-key'] ? { appKey: values['app-key'] } : {}),
        ...(values['app-secret'] ? { appSecret: values['app-secret'] } : {}),
      },
    },
  }
}
