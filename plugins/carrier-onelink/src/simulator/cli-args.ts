import { parseArgs } from 'node:util'
import type { OneLinkSimulatorOptions } from './index.js'

/** Command-line flags of the stand-alone simulator, as simulator options (real-time clock). */
export function simulatorOptionsFromArgs(args: readonly string[]): OneLinkSimulatorOptions {
  const { values } = parseArgs({
    args: [...args],
    options: {
      port: { type: 'string', default: '8101' },
      seed: { type: 'string', default: '1' },
      cards: { type: 'string', default: '300' },
      'apply-delay-ms': { type: 'string', default: '30000' },
      'lock-seconds': { type: 'string', default: '180' },
      'token-ttl-seconds': { type: 'string', default: '3600' },
      'app-id': { type: 'string', default: '200001' },
      password: { type: 'string', default: 'Sim0nelinkPass' },
    },
    strict: true,
    allowPositionals: false,
  })
  const whole = (name: string, text: string | undefined) => {
    const value = Number(text)
    if (!Number.isInteger(value) || value < 0)
      throw new Error(`--${name} must be a whole number, got ${text}`)
    return value
  }
  return {
    port: whole('port', values.port),
    seed: whole('seed', values.seed),
    cards: whole('cards', values.cards),
    applyDelayMs: whole('apply-delay-ms', values['apply-delay-ms']),
    lockSeconds: whole('lock-seconds', values['lock-seconds']),
    tokenTtlSeconds: whole('token-ttl-seconds', values['token-ttl-seconds']),
    appId: values['app-id'] ?? '200001',
    password: values.password ?? 'Sim0nelinkPass',
    clock: 'real',
  }
}
