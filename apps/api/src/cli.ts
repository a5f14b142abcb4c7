#!/usr/bin/env node
import { parseArgs } from 'node:util'
import {
  PluginLoadError,
  SecretKeyMismatchError,
  type Core,
  DataDirInUseError,
  DatabaseUnreachableError,
  DomainError,
  generatePassword,
  migrateToLatest,
  openDatabase,
  roles,
  systemContext,
  type Role,
} from '@simops/core'
import { openCore } from './bootstrap.js'
import { ConfigError, readConfig, type ServerConfig } from './config.js'
import { startDemo } from './demo.js'
import { startServer } from './server.js'

const usage = `Usage: simops <command>

Commands:
  start                                  run the server (migrates the database first)
  demo                                   run a fresh demo: embedded database, carrier simulators,
                                         platforms and cards imported from them (no credentials needed)
  migrate                                apply pending database migrations and exit
  user add <username> --role <role>      create a user (role: admin, operator or viewer)
       [--display-name <name>] [--password-stdin]
  user reset-password <username>         set a new password and sign the user out everywhere
       [--password-stdin]

Without --password-stdin a password is generated and printed once.
Configuration comes from the environment: DATABASE_URL, SIMOPS_DATA_DIR, PORT, HOST, ...`

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '')
}

async function withCore<T>(config: ServerConfig, work: (core: Core) => Promise<T>): Promise<T> {
  const { core } = await openCore(config)
  try {
    return await work(core)
  } finally {
    await core.close()
  }
}

async function choosePassword(fromStdin: boolean): Promise<{ password: string; generated: boolean }> {
  if (fromStdin) return { password: await readStdin(), generated: false }
  return { password: generatePassword(), generated: true }
}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      'display-name': { type: 'string' },
      'password-stdin': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  const [command, sub, username] = positionals
  if (values.help || !command) {
    console.log(usage)
    return command || values.help ? 0 : 2
  }
  const config = readConfig(process.env, process.cwd())

  if (command === 'start' || command === 'demo') {
    const running = command === 'demo' ? await startDemo(config) : await startServer(config)
    const server = 'server' in running ? running.server : running
    let stopping = false
    const shutdown = (signal: string) => {
      if (stopping) return
      stopping = true
      server.app.log.info(`${signal} received, shutting down`)
      // In-flight requests finish; a stuck shutdown is cut off rather than hanging forever.
      const timer = setTimeout(() => process.exit(1), 15_000)
      timer.unref()
      running.stop().then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(error)
          process.exit(1)
        },
      )
    }
    process.on('SIGINT', () => shutdown('SIGINT'))
    process.on('SIGTERM', () => shutdown('SIGTERM'))
    return new Promise<number>(() => undefined)
  }

  if (command === 'migrate') {
    const handle = await openDatabase(config.database)
    try {
      const report = await migrateToLatest(handle)
      console.log(
        report.applied.length ? `Applied: ${report.applied.join(', ')}` : 'The database is up to date.',
      )
    } finally {
      await handle.close()
    }
    return 0
  }

  if (command === 'user' && sub === 'add' && username) {
    const role = values.role as Role | undefined
    if (!role || !roles.includes(role)) throw new ConfigError('--role', `must be one of ${roles.join(', ')}`)
    const { password, generated } = await choosePassword(values['password-stdin'])
    await withCore(config, (core) =>
      core.users.create(systemContext('cli'), {
        username,
        password,
        role,
        ...(values['display-name'] ? { displayName: values['display-name'] } : {}),
      }),
    )
    console.log(`Created ${role} "${username}".${generated ? ` Password: ${password}` : ''}`)
    return 0
  }

  if (command === 'user' && sub === 'reset-password' && username) {
    const { password, generated } = await choosePassword(values['password-stdin'])
    await withCore(config, async (core) => {
      const user = await core.users.findByUsername(username)
      if (!user) throw new DomainError('notFound', 'USER_NOT_FOUND', `No user "${username}"`)
      await core.users.setPassword(systemContext('cli'), user.id, password)
    })
    console.log(
      `Password of "${username}" changed; their sessions were ended.${generated ? ` New password: ${password}` : ''}`,
    )
    return 0
  }

  console.error(usage)
  return 2
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    // Expected failures get one clear line; anything else keeps its stack for the bug report.
    if (
      error instanceof ConfigError ||
      error instanceof DomainError ||
      error instanceof DatabaseUnreachableError ||
      error instanceof DataDirInUseError ||
      error instanceof PluginLoadError ||
      error instanceof SecretKeyMismatchError
    )
      console.error(`simops: ${error.message}`)
    else console.error(error)
    process.exit(1)
  },
)
