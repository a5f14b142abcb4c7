import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseCliArgs } from '../src/simulator/cli-options.js'
import { startCtwingSimulator, type CtwingSimulator } from '../src/simulator/index.js'

const run = promisify(execFile)
const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
const DOCUMENTED_BASE = 'http://127.0.0.1:8102'

/** Each ```sh block announced by `<!-- readme-test: expect … -->`, with the text its output must contain. */
const examples = [...README.matchAll(/<!-- readme-test: expect (.+?) -->\s*```sh\n([\s\S]*?)```/g)].map(
  ([, expected = '', script = '']) => ({ expected, script }),
)

describe('README examples against a simulator started as the CLI starts it', () => {
  let simulator: CtwingSimulator
  beforeAll(async () => {
    const command = parseCliArgs(['--port', '0'])
    if (command.help) throw new Error('unexpected help')
    expect(command.options).toMatchObject({ realTime: true, seed: 1, cards: 120, applyDelayMs: 30_000 })
    simulator = await startCtwingSimulator(command.options)
  })
  afterAll(() => simulator.close())

  it('finds the examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(5)
  })

  it.each(examples)('$expected', async ({ expected, script }) => {
    const { stdout } = await run(
      'bash',
      ['-euo', 'pipefail', '-c', script.replaceAll(DOCUMENTED_BASE, simulator.url)],
      {
        timeout: 10_000,
      },
    )
    expect(stdout).toContain(expected)
  })
})

describe('CLI options', () => {
  it('takes port, seed, cards, delay and credentials', () => {
    const command = parseCliArgs([
      '--port',
      '9000',
      '--seed',
      '7',
      '--cards',
      '40',
      '--apply-delay-ms',
      '0',
      '--user-id',
      'u',
      '--password',
      'p',
      '--secret-key',
      '123456789',
      '--app-key',
      'k',
      '--app-secret',
      's',
    ])
    expect(command).toEqual({
      help: false,
      options: {
        realTime: true,
        port: 9000,
        host: '127.0.0.1',
        seed: 7,
        cards: 40,
        applyDelayMs: 0,
        credentials: { userId: 'u', password: 'p', secretKey: '123456789', appKey: 'k', appSecret: 's' },
      },
    })
  })

  it('refuses a port that is not a number', () => {
    expect(() => parseCliArgs(['--port', 'eighty'])).toThrow(/--port/)
  })
})
