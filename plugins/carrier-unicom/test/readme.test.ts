import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { optionsFromArgs } from '../src/simulator/cli-options.js'
import { startUnicomSimulator, type UnicomSimulator } from '../src/simulator/index.js'

const run = promisify(execFile)
const MARKER = '<!-- tested-example -->'

/** The shell blocks the README marks as tested, in order. */
async function readmeExamples(): Promise<string[]> {
  const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8')
  return readme
    .split(MARKER)
    .slice(1)
    .map((part) => {
      const block = /^\s*```sh\n([\s\S]*?)\n```/.exec(part)
      if (!block?.[1]) throw new Error(`a ${MARKER} is not followed by a sh code block`)
      return block[1]
    })
}

describe('README examples', () => {
  let simulator: UnicomSimulator
  let output: string[]
  let exampleCard: string | undefined

  beforeAll(async () => {
    // As `pnpm simulate` starts it (default seed, real clock), on a free port instead of 8103.
    const { help: _help, ...options } = optionsFromArgs(['--port', '0'])
    simulator = await startUnicomSimulator({ ...options, log: () => {} })
    // The setup example picks the first activated card, as this does.
    exampleCard = simulator.state.cards().find((card) => card.simStatus === '2')?.iccid
    const port = new URL(simulator.url).port
    const examples = await readmeExamples()
    const script = examples
      // curl prints no final newline, so each marker starts on a line of its own.
      .map(
        (example, index) =>
          `printf '\\n=== example ${index}\\n'\n${example.replaceAll(':8103/', `:${port}/`)}`,
      )
      .join('\n')
    const { stdout } = await run('bash', ['-e', '-o', 'pipefail', '-c', script], { timeout: 20_000 })
    output = stdout.split(/\n=== example \d+\n/).slice(1)
  }, 30_000)

  afterAll(async () => {
    await simulator?.close()
  })

  it('has the examples this test expects', () => {
    expect(output).toHaveLength(6)
  })

  it('reads a card with both layers successful', () => {
    const details = JSON.parse(output[2] ?? '') as {
      status: string
      data: { resultCode: string; terminals: Array<{ simStatus: string }> }
    }
    expect(details.status).toBe('0000')
    expect(details.data.resultCode).toBe('0000')
    expect(details.data.terminals).toEqual([expect.objectContaining({ simStatus: '2' })])
  })

  it('suspends, settles and then answers 1193', () => {
    const [first, settled, second] = (output[3] ?? '').replaceAll('}{', '}\n{').trim().split('\n')
    expect(JSON.parse(first ?? '')).toMatchObject({ status: '0000', data: { resultCode: '0000' } })
    expect(JSON.parse(settled ?? '')).toEqual({ settled: true })
    expect(JSON.parse(second ?? '')).toMatchObject({ status: '0000', data: { resultCode: '1193' } })
    expect(simulator.state.card(exampleCard ?? '')?.simStatus).toBe('3')
  })

  it('refuses a wrong secret at the gateway layer', () => {
    expect(JSON.parse(output[4] ?? '')).toMatchObject({ status: '1004' })
  })

  it('injects a server error', () => {
    const [injected, status] = (output[5] ?? '').replace('}502', '}\n502').trim().split('\n')
    expect(JSON.parse(injected ?? '')).toEqual({
      pending: { requests: [{ kind: 'serverError' }], edits: [] },
    })
    expect(status).toBe('502')
  })
})
