#!/usr/bin/env node
import { optionsFromArgs, usage } from './cli-options.js'
import { startUnicomSimulator } from './index.js'

async function main(): Promise<void> {
  let options: ReturnType<typeof optionsFromArgs>
  try {
    options = optionsFromArgs(process.argv.slice(2).filter((arg) => arg !== '--'))
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`)
    process.exitCode = 2
    return
  }
  if (options.help) return void console.log(usage)
  const simulator = await startUnicomSimulator(options)
  console.log(`China Unicom IoT gateway simulator (雁飞智连 CMP)
  baseUrl    ${simulator.url}
  appId      ${simulator.appId}
  appSecret  ${simulator.appSecret}
  openId     ${simulator.openId}
  cards      ${simulator.state.cards().length} (list: GET ${simulator.origin}/__simulator/cards)
  faults     POST ${simulator.origin}/__simulator/faults {"fault":"serverError","count":1}
Ctrl-C to stop.`)
  const stop = () => {
    void simulator.close().then(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

void main()
