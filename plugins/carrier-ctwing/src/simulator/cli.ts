#!/usr/bin/env node
import { CLI_USAGE, parseCliArgs, type CliCommand } from './cli-options.js'
import { startCtwingSimulator } from './index.js'

/**
 * Runs the China Telecom simulator alone: `pnpm --filter @simops/carrier-ctwing simulate --port 8102`.
 * The clock follows real time; the control API under /_simops/ injects faults.
 */
let command: CliCommand
try {
  command = parseCliArgs(process.argv.slice(2))
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error))
  console.error(CLI_USAGE)
  process.exit(2)
}
if (command.help) {
  console.log(CLI_USAGE)
  process.exit(0)
}

const simulator = await startCtwingSimulator(command.options)
const { credentials } = simulator
console.log(
  `China Telecom (CTWing) simulator: ${simulator.state.cards().length} cards, seed ${command.options.seed}`,
)
console.log(`  legacy m2m_ec base URL : ${simulator.legacyBaseUrl}`)
console.log(
  `    userId ${credentials.userId}  password ${credentials.password}  secretKey ${credentials.secretKey}`,
)
console.log(`  5G CMP gateway base URL: ${simulator.cmp5gBaseUrl}`)
console.log(`    appKey ${credentials.appKey}  secretKey (app secret) ${credentials.appSecret}`)
console.log(`  control API            : ${simulator.url}/_simops/ (cards, faults, latency, advance, settle)`)
console.log('Press Ctrl-C to stop.')

const stop = () => {
  void simulator.close().then(() => process.exit(0))
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
