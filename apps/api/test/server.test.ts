import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { bundledPlugins, readConfig } from '../src/config.js'
import { startServer } from '../src/server.js'

const run = promisify(execFile)
const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url))

describe('server on the embedded database', () => {
  const dirs: string[] = []
  const newDataDir = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'simops-server-test-'))
    dirs.push(dir)
    return dir
  }
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true })
  })

  it('creates the first admin with a generated password, and keeps data across restarts', async () => {
    const dataDir = await newDataDir()
    const config = {
      ...readConfig({ SIMOPS_DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent' }, process.cwd()),
      consoleDir: undefined,
    }
    const first = await startServer(config)
    const admin = await first.core.users.findByUsername('admin')
    expect(admin?.role).toBe('admin')
    const logs = await first.core.operations.list({ action: 'user.create', limit: 5 })
    expect(logs.items[0]?.actor.name).toBe('bootstrap')
    const ready = await fetch(`${first.url}/readyz`)
    expect(await ready.json()).toEqual({ status: 'ready', database: 'embedded' })
    await first.stop()

    expect(first.core.carriers.list().map((c) => `${c.packageName}@${c.version}`)).toEqual(
      bundledPlugins.map((name) => `${name}@1.1.0`),
    )
    const second = await startServer(config)
    expect((await second.core.users.list({ page: 1, pageSize: 10 })).total).toBe(1)
    expect(second.core.migrations.applied).toEqual([])
    await second.stop()
  }, 120_000) // starts the server twice on a fresh data directory

  it('runs the CLI: migrate, user add, user reset-password, and clear errors for bad input', async () => {
    const dataDir = await newDataDir()
    const env = { ...process.env, SIMOPS_DATA_DIR: dataDir, DATABASE_URL: '' }
    const migrate = await run('node', [cli, 'migrate'], { env })
    expect(migrate.stdout).toContain('Applied: 20261129_0001_foundation')
    const add = await run('node', [cli, 'user', 'add', 'ops-li', '--role', 'operator'], { env })
    expect(add.stdout).toMatch(/Created operator "ops-li"\. Password: \S{16}/)
    const reset = await run('node', [cli, 'user', 'reset-password', 'ops-li'], { env })
    expect(reset.stdout).toMatch(/New password: \S{16}/)
    await expect(run('node', [cli, 'user', 'add', 'x', '--role', 'root'], { env })).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('--role: must be one of admin, operator, viewer'),
    })
    await expect(run('node', [cli, 'user', 'reset-password', 'ghost'], { env })).rejects.toMatchObject({
      stderr: expect.stringContaining('No user "ghost"'),
    })
    await expect(
      run('node', [cli, 'migrate'], {
        env: { ...env, DATABASE_URL: 'postgres://postgres:hunter2@127.0.0.1:1/none' },
      }),
    ).rejects.toMatchObject({
      stderr: expect.stringMatching(/Cannot connect to postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/none/),
    })
    await expect(
      run('node', [cli, 'migrate'], { env: { ...env, SIMOPS_PLUGINS: '@simops/no-such-carrier' } }),
    ).resolves.toBeDefined()
    await expect(
      run('node', [cli, 'user', 'add', 'z-user', '--role', 'viewer'], {
        env: { ...env, SIMOPS_PLUGINS: '@simops/no-such-carrier' },
      }),
    ).rejects.toMatchObject({
      stderr: expect.stringContaining(
        'Carrier plugin @simops/no-such-carrier cannot be loaded: it could not be imported',
      ),
    })
    await expect(
      run('node', [cli, 'user', 'add', 'z-user', '--role', 'viewer'], {
        env: { ...env, SIMOPS_SECRET_KEY: 'ab'.repeat(32) },
      }),
    ).rejects.toMatchObject({
      stderr: expect.stringContaining('SIMOPS_SECRET_KEY is not the key this database was set up with'),
    })
    await expect(run('node', [cli, 'start'], { env: { ...env, PORT: 'eighty' } })).rejects.toMatchObject({
      stderr: expect.stringContaining('PORT: must be a whole number'),
    })
  }, 180_000) // spawns the CLI several times, each opening the embedded database
})

describe('configuration', () => {
  it('reads the plugin list and refuses names that are not packages', () => {
    expect(readConfig({ SIMOPS_PLUGINS: ' @acme/carrier-x , simops-carrier-y ' }, '/srv').plugins).toEqual([
      '@acme/carrier-x',
      'simops-carrier-y',
    ])
    expect(readConfig({ SIMOPS_PLUGINS: '' }, '/srv').plugins).toEqual([])
    expect(() => readConfig({ SIMOPS_PLUGINS: '../evil.js' }, '/srv')).toThrow('SIMOPS_PLUGINS')
  })

  it('chooses PostgreSQL from DATABASE_URL and rejects malformed values', () => {
    expect(readConfig({ DATABASE_URL: 'postgres://u@h/db' }, '/srv').database).toEqual({
      kind: 'postgres',
      url: 'postgres://u@h/db',
    })
    expect(readConfig({}, '/srv').database).toEqual({ kind: 'embedded', dataDir: '/srv/.simops/pgdata' })
    expect(() => readConfig({ DATABASE_URL: 'mysql://x' }, '/srv')).toThrow('DATABASE_URL')
    expect(() => readConfig({ SIMOPS_ADMIN_PASSWORD: 'short' }, '/srv')).toThrow('SIMOPS_ADMIN_PASSWORD')
    expect(() => readConfig({ LOG_LEVEL: 'loud' }, '/srv')).toThrow('LOG_LEVEL')
  })
})
