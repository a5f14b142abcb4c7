import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { StartDemo, DemoSimulator } from '@simops/carrier-testkit'
import { cardTypes, systemContext, type Core, type DeviceInput } from '@simops/core'
import type { ServerConfig } from './config.js'
import { startServer, type RunningServer } from './server.js'

/** The demo's administrator password, printed at start (the demo holds no real data). */
export const DEMO_ADMIN_PASSWORD = 'simops-demo'

export interface RunningDemo {
  server: RunningServer
  simulators: Array<{ packageName: string; simulator: DemoSimulator }>
  /** Resolves when the first sync of every imported card has finished. */
  synced: Promise<void>
  stop(): Promise<void>
}

/** A plugin's demo simulator, if its package offers one (`startDemo` from `<package>/simulator`). */
async function findStartDemo(packageName: string): Promise<StartDemo | undefined> {
  let module: { startDemo?: unknown }
  try {
    module = (await import(import.meta.resolve(`${packageName}/simulator`))) as { startDemo?: unknown }
  } catch {
    return undefined
  }
  return typeof module.startDemo === 'function' ? (module.startDemo as StartDemo) : undefined
}

/**
 * `simops demo`: a fresh embedded database under `<data dir>/demo`, the simulator of every installed
 * carrier plugin that offers one, one platform config per simulated account, its cards imported and
 * synced, and a few devices to bind — so every feature can be tried without carrier credentials.
 */
export async function startDemo(config: ServerConfig): Promise<RunningDemo> {
  const dataDir = join(config.dataDir, 'demo')
  await rm(dataDir, { recursive: true, force: true })
  const simulators: RunningDemo['simulators'] = []
  try {
    for (const packageName of config.plugins) {
      const start = await findStartDemo(packageName)
      if (start) simulators.push({ packageName, simulator: await start({ port: 0 }) })
    }
    const server = await startServer({
      ...config,
      dataDir,
      database: { kind: 'embedded', dataDir: join(dataDir, 'pgdata') },
      adminPassword: config.adminPassword ?? DEMO_ADMIN_PASSWORD,
      secretKey: undefined,
    })
    const log = server.app.log
    if (config.database.kind === 'postgres')
      log.warn('the demo ignores DATABASE_URL: it runs on its own embedded database')
    const cardIds = await populate(server.core, simulators, (line) => log.info(line))
    log.info(
      `Demo ready at ${server.url}: log in as "admin" with password "${config.adminPassword ?? DEMO_ADMIN_PASSWORD}". Syncing ${cardIds.length} cards from the simulators…`,
    )
    // The first sync runs in the background; stopping the demo cuts it short between cards.
    const stopSync = new AbortController()
    const synced = syncAll(server.core, cardIds, (line) => log.info(line), stopSync.signal).catch(
      (error: unknown) => {
        if (!stopSync.signal.aborted) log.warn({ err: error }, 'demo: the first sync stopped')
      },
    )
    return {
      server,
      simulators,
      synced,
      async stop() {
        stopSync.abort()
        await synced
        await server.stop()
        await Promise.all(simulators.map(({ simulator }) => simulator.close()))
      },
    }
  } catch (error) {
    await Promise.all(simulators.map(({ simulator }) => simulator.close().catch(() => undefined)))
    throw error
  }
}

async function populate(
  core: Core,
  simulators: RunningDemo['simulators'],
  say: (line: string) => void,
): Promise<number[]> {
  const ctx = systemContext('demo')
  const ids: number[] = []
  for (const { packageName, simulator } of simulators) {
    const carrier = core.carriers.list().find((installed) => installed.packageName === packageName)
    if (!carrier) continue
    for (const account of simulator.accounts) {
      const platform = await core.platforms.create(ctx, {
        carrierId: carrier.definition.id,
        name: account.name,
        description: `${packageName} simulator`,
        config: account.config,
      })
      let refused = 0
      for (const [index, card] of account.cards.entries()) {
        try {
          const created = await core.cards.create(ctx, {
            number: card.msisdn,
            iccid: card.iccid,
            platformId: platform.id,
            type: cardTypes[index % cardTypes.length] ?? 'other',
            imsi: card.imsi,
          })
          ids.push(Number(created.id))
        } catch {
          refused += 1
        }
      }
      say(
        `demo: platform "${account.name}" with ${account.cards.length - refused} cards${refused ? ` (${refused} refused)` : ''}`,
      )
    }
  }
  // Devices to bind: a third of them already hold a card.
  const devices: DeviceInput[] = Array.from({ length: 60 }, (_, i) => ({
    id: `demo-device-${String(i + 1).padStart(3, '0')}`,
    name: `${['冷链车', '电表', '共享单车', '售货机'][i % 4] ?? '设备'} ${String(i + 1).padStart(3, '0')}`,
    product: ['T-BOX', 'SmartMeter', 'BikeLock', 'Vending'][i % 4] ?? null,
    state: (['online', 'online', 'offline', 'disabled'] as const)[i % 4] ?? 'offline',
  }))
  await core.devices.upsert(ctx, devices)
  for (const [index, device] of devices.slice(0, 20).entries()) {
    const cardId = ids[index * 7]
    if (cardId !== undefined) await core.cards.bind(ctx, String(cardId), device.id)
  }
  return ids
}

async function syncAll(
  core: Core,
  ids: number[],
  say: (line: string) => void,
  signal: AbortSignal,
): Promise<void> {
  let reported = 0
  const result = await core.cardSync.sync(systemContext('demo'), ids, {
    onProgress: (progress) => {
      const tenth = Math.floor((progress.done / progress.total) * 10)
      if (tenth > reported) {
        reported = tenth
        say(`demo: synced ${progress.done}/${progress.total} cards (${progress.failed} failed)`)
      }
    },
    signal,
  })
  if (!signal.aborted) say(`demo: first sync done — ${result.ok} ok, ${result.failed} failed`)
}
