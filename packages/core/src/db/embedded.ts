import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { PGLiteSocketServer } from '@electric-sql/pglite-socket'
import { lockDataDir } from './data-dir-lock.js'

/**
 * Embedded PostgreSQL: PGlite served over the PostgreSQL wire protocol on a private Unix socket.
 *
 * Serving PGlite over a socket (rather than calling it in-process) keeps a single code path: Kysely,
 * job queues and health checks all talk to it through `pg`, exactly as they do to a real server.
 * The socket lives in a fresh 0700 temporary folder so no other local user can connect to it.
 */
export interface EmbeddedPostgres {
  /** `pg` connection settings for the socket. */
  readonly connection: { host: string; port: number; database: string; user: string }
  /** Connections the socket multiplexes; the pool must not exceed it. */
  readonly maxConnections: number
  readonly pglite: PGlite
  stop(): Promise<void>
}

export interface EmbeddedPostgresOptions {
  /** Folder holding the data; omitted for an in-memory database. */
  dataDir?: string
  /** A data-dir tarball (from `dumpDataDir`) to start from, used to give each test a migrated database quickly. */
  snapshot?: Blob
  maxConnections?: number
}

const SOCKET_PORT = 5432

export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions = {},
): Promise<EmbeddedPostgres> {
  let unlock: () => Promise<void> = async () => {}
  if (options.dataDir) {
    await mkdir(options.dataDir, { recursive: true })
    unlock = await lockDataDir(options.dataDir)
  }
  let pglite: PGlite
  try {
    pglite = await PGlite.create({
      ...(options.dataDir ? { dataDir: options.dataDir } : {}),
      ...(options.snapshot ? { loadDataDir: options.snapshot } : {}),
    })
  } catch (error) {
    await unlock()
    throw error
  }
  const socketDir = await mkdtemp(join(tmpdir(), 'simops-pg-'))
  const maxConnections = options.maxConnections ?? 8
  const server = new PGLiteSocketServer({
    db: pglite,
    path: join(socketDir, `.s.PGSQL.${SOCKET_PORT}`),
    maxConnections,
  })
  try {
    await server.start()
  } catch (error) {
    await pglite.close()
    await rm(socketDir, { recursive: true, force: true })
    await unlock()
    throw error
  }
  return {
    connection: { host: socketDir, port: SOCKET_PORT, database: 'postgres', user: 'postgres' },
    maxConnections,
    pglite,
    async stop() {
      await server.stop()
      await pglite.close()
      await rm(socketDir, { recursive: true, force: true })
      await unlock()
    },
  }
}
