import { CarrierError, isCarrierError, type CarrierConnection } from '@simops/carrier-sdk'
import { describe, expect, it } from 'vitest'
import { conformanceChecks, type ConformanceCheck } from '../src/index.js'
import { referenceCarrier, startReferenceSimulator } from '../src/reference/index.js'

/** The reference carrier with its connection altered, as a plugin with one bug would be. */
function brokenVariant(alter: (connection: CarrierConnection) => CarrierConnection): typeof referenceCarrier {
  return {
    ...referenceCarrier,
    create: async (config, context) => alter(await referenceCarrier.create(config, context)),
  }
}

function checkNamed(checks: ConformanceCheck[], name: string): ConformanceCheck {
  const check = checks.find((candidate) => candidate.name === name)
  if (!check) throw new Error(`no check named ${name}`)
  return check
}

function checksFor(definition: typeof referenceCarrier): ConformanceCheck[] {
  return conformanceChecks({
    definition,
    start: async () => (await startReferenceSimulator({ cards: 60 })).handle(),
    callTimeoutMs: 1000,
  })
}

describe('the conformance checks fail broken plugins', () => {
  it('catches 429 mapped to "unavailable"', async () => {
    const definition = brokenVariant((connection) => ({
      ...connection,
      getCards: async (input, call) => {
        try {
          return await connection.getCards(input, call)
        } catch (error) {
          if (isCarrierError(error) && error.code === 'rateLimited')
            throw new CarrierError('unavailable', 'HTTP 429')
          throw error
        }
      },
    }))
    await expect(checkNamed(checksFor(definition), 'faults').run()).rejects.toThrow(
      'getCards during an injected "rateLimited" fault: expected a CarrierError with code "rateLimited", got code "unavailable"',
    )
  })

  it('catches a plain Error thrown for unknown cards', async () => {
    const definition = brokenVariant((connection) => ({
      ...connection,
      getCards: async (input, call) => {
        const result = await connection.getCards(input, call)
        const missing = result.cards.find((lookup) => !lookup.found)
        if (missing) throw new Error(`card ${missing.iccid} not found`)
        return result
      },
    }))
    await expect(checkNamed(checksFor(definition), 'unknown card').run()).rejects.toThrow(
      /getCards of an unknown ICCID rejected with Error: card 8999\d+ not found; every rejection must be a CarrierError/,
    )
  })

  it('catches a declared capability without its method', async () => {
    const definition = brokenVariant(({ getUsage: _dropped, ...connection }) => connection)
    await expect(checkNamed(checksFor(definition), 'capabilities match methods').run()).rejects.toThrow(
      'capability "usage" is declared but getUsage() is missing',
    )
  })

  it('catches usage reported in KB without converting to bytes', async () => {
    const definition = brokenVariant(({ getUsage, ...connection }) => ({
      ...connection,
      getUsage: async (input, call) => {
        if (!getUsage) throw new Error('the reference connection has getUsage')
        const result = await getUsage(input, call)
        // The carrier's KB figure passed through as if it were bytes.
        return { ...result, usedBytes: Math.round(result.usedBytes / 1024) }
      },
    }))
    await expect(checkNamed(checksFor(definition), 'usage units').run()).rejects.toThrow(
      /usedBytes is \d+ but the simulator holds \d+ bytes \(that is the figure in KB/,
    )
  })

  it('catches a status mapped to the wrong lifecycle after a transition', async () => {
    const definition = brokenVariant((connection) => ({
      ...connection,
      getCards: async (input, call) => {
        const result = await connection.getCards(input, call)
        const cards = result.cards.map((lookup) =>
          lookup.found && lookup.card.lifecycle === 'suspended'
            ? { ...lookup, card: { ...lookup.card, lifecycle: 'test_suspended' as const } }
            : lookup,
        )
        return { cards }
      },
    }))
    await expect(checkNamed(checksFor(definition), 'declared transitions').run()).rejects.toThrow(
      /after changeState\(suspend\) .* reads as "test_suspended"; suspend must leave it "suspended"/,
    )
  })

  it('catches a plugin that ignores the call signal', async () => {
    const definition = brokenVariant((connection) => ({
      ...connection,
      getCards: (input) => connection.getCards(input, { signal: new AbortController().signal }),
    }))
    await expect(checkNamed(checksFor(definition), 'faults').run()).rejects.toThrow(
      /was still running 1000 ms after its signal aborted .* pass call\.signal to every request/,
    )
  })
})

describe('undeclared capabilities are skipped, not failed', () => {
  it('gives a reason for every check that does not apply', () => {
    const readOnly = {
      ...referenceCarrier,
      capabilities: {},
      create: async (...args: Parameters<typeof referenceCarrier.create>) => {
        const { healthCheck, getCards } = await referenceCarrier.create(...args)
        return { healthCheck, getCards }
      },
    }
    const skipped = checksFor(readOnly)
      .filter((check) => check.skip !== undefined)
      .map((check) => [check.name, check.skip])
    expect(skipped).toEqual([
      ['declared transitions', 'capability "changeState" is not declared'],
      ['refused transition', 'capability "changeState" is not declared'],
      ['lock window', 'capability "changeState" is not declared'],
      ['usage units', 'capability "usage" is not declared'],
      ['stop reason', 'capability "stopReason" is not declared'],
      ['recharge', 'capability "recharge" is not declared'],
      ['recharge status', 'capability "rechargeStatus" is not declared'],
    ])
  })

  it('still runs the checks that apply to a read-only carrier, and they pass', async () => {
    const readOnly = {
      ...referenceCarrier,
      capabilities: {},
      create: async (...args: Parameters<typeof referenceCarrier.create>) => {
        const { healthCheck, getCards } = await referenceCarrier.create(...args)
        return { healthCheck, getCards }
      },
    }
    for (const check of checksFor(readOnly).filter((candidate) => candidate.skip === undefined))
      await check.run()
  })
})
