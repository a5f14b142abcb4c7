#!/usr/bin/env node
import { simulatorOptionsFromArgs } from './cli-args.js'
import { startOneLinkSimulator } from './index.js'

/** `pnpm --filter @simops/carrier-onelink simulate --port 8101`: the simulator alone, on real time. */
async function main(): Promise<void> {
  // pnpm passes a literal "--" before forwarded flags.
  const options = simulatorOptionsFromArgs(process.argv.slice(2).filter((arg) => arg !== '--'))
  const simulator = await startOneLinkSimulator({
    ...options,
    log: (line) => console.log(`[simulator] ${line}`),
  })
  const origin = new URL(simulator.url).origin
  const sample = simulator.state.allCards().slice(0, 3)
  console.log(`OneLink simulator listening
  baseUrl   ${simulator.url}
  appid     ${simulator.appId}
  password  ${simulator.password}
  cards     ${simulator.state.allCards().length} (list: GET ${origin}/__simulator/cards)
  e.g.      ${sample.map((card) => `${card.iccid} (${card.platformType} ${card.status})`).join(', ')}
Press Ctrl-C to stop.`)
  const stop = () => {
    void simulator.close().then(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
