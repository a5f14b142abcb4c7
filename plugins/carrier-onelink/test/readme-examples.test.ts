import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

/** The README's curl session, replayed with fetch against the built command-line simulator. */
const cli = fileURLToPath(new URL('../dist/simulator/cli.js', import.meta.url))

type Envelope = { status: string; message: string; result: Array<Record<string, string>> }

describe('README examples against `pnpm simulate`', () => {
  let child: ChildProcess | undefined
  let base = ''
  let origin = ''

  beforeAll(async () => {
    child = spawn(process.execPath, [cli, '--port', '0', '--apply-delay-ms', '300'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    base = await new Promise<string>((resolve, reject) => {
      let output = ''
      child?.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString()
        const match = /baseUrl\s+(\S+)/.exec(output)
        if (match?.[1] && output.includes('password')) resolve(match[1])
      })
      child?.once('exit', (code) => reject(new Error(`the simulator exited with ${code}: ${output}`)))
    })
    origin = new URL(base).origin
  }, 15_000)

  afterAll(() => {
    child?.kill('SIGINT')
  })

  const transid = () =>
    `200001${new Date(Date.now() + 8 * 3_600_000).toISOString().replace(/\D/g, '').slice(0, 14)}00000001`
  const get = async (path: string, params: Record<string, string>) =>
    (await (await fetch(`${base}${path}?${new URLSearchParams(params)}`)).json()) as Envelope
  const post = async (path: string, body: Record<string, string>) =>
    (await (
      await fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
    ).json()) as Envelope

  it('gets a token, reads a card, suspends it, reads usage, and meets an injected fault', async () => {
    const issued = await get('/get/token', {
      appid: '200001',
      password: 'Sim0nelinkPass',
      transid: transid(),
    })
    expect(issued).toMatchObject({ status: '0', message: '正确', result: [{ ttl: '3600' }] })
    const token = issued.result[0]?.token ?? ''

    const inventory = (await (await fetch(`${origin}/__simulator/cards`)).json()) as {
      cards: Array<{ iccid: string; cardStatus: string; platformType: string }>
    }
    const card = inventory.cards.find(
      (entry) => entry.cardStatus === '2' && entry.platformType === 'OneLink-CT',
    )
    const iccid = card?.iccid ?? ''

    const status = await get('/query/sim-status', { transid: transid(), token, iccid })
    expect(status.result[0]).toMatchObject({ cardStatus: '2' })

    const change = await post('/change/sim-status', { transid: transid(), token, iccid, operType: '0' })
    expect(change).toMatchObject({ status: '0', result: [{ orderNum: expect.any(String) }] })
    await new Promise((resolve) => setTimeout(resolve, 400))
    expect((await get('/query/sim-status', { transid: transid(), token, iccid })).result[0]?.cardStatus).toBe(
      '4',
    )

    const usage = await get('/query/sim-data-usage', { transid: transid(), token, iccid })
    expect(usage.result[0]?.dataAmount).toMatch(/^(\d+\.\d{2}| )$/)

    await fetch(`${origin}/__simulator/faults`, {
      method: 'POST',
      body: JSON.stringify({ fault: 'rateLimited', count: 1 }),
    })
    expect((await get('/query/sim-status', { transid: transid(), token, iccid })).status).toBe('71')
    expect((await get('/query/sim-status', { transid: transid(), token, iccid })).status).toBe('0')
    await fetch(`${origin}/__simulator/expire-tokens`, { method: 'POST' })
    expect((await get('/query/sim-status', { transid: transid(), token, iccid })).status).toBe('12021')
  })
})
