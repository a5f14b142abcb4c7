import { CamelCasePlugin, Kysely, PostgresDialect, sql } from 'kysely'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded.js'
import type { Database } from './schema.js'

export type DatabaseConfig =
  | { kind: 'postgres'; url: string; poolSize?: number }
  | { kind: 'embedded'; dataDir?: string; snapshot?: Blob }

export interface DatabaseHandle {
  readonly db: Kysely<Database>
  readonly kind: DatabaseConfig['kind']
  /** The embedded engine, when there is one (tests use it to snapshot a migrated database). */
  readonly embedded: EmbeddedPostgres | undefined
  /** Round trip to the database; rejects when it cannot be reached. */
  ping(): Promise<void>
  /**
   * Raw SQL on the same pool as Kysely: the job queue runs through it, so on the embedded engine it
   * shares the one connection instead of opening others (see the pool size below).
   */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>
  /**
   * `COPY … FROM STDIN` with text-format data, the fastest way to load rows into the server; absent on
   * the embedded engine, whose socket server does not carry COPY (callers insert instead).
   */
  readonly copyFrom: ((statement: string, data: string) => Promise<void>) | undefined
  close(): Promise<void>
}

const INT8_OID = 20
const DATE_OID = 1082

// One set of type parsers for both engines: counts and bigserial ids arrive as numbers.
// Every int8 we store (ids, byte counts, fen) stays far below 2^53. Dates (calendar days, no
// time zone) stay YYYY-MM-DD text: a JavaScript Date would shift them by the server's offset.
const typeParsers = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID
      ? (value: string) => Number(value)
      : oid === DATE_OID
        ? (value: string) => value
        : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
}

export async function openDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  let embedded: EmbeddedPostgres | undefined
  let poolConfig: pg.PoolConfig
  if (config.kind === 'embedded') {
    embedded = await startEmbeddedPostgres({
      ...(config.dataDir ? { dataDir: config.dataDir } : {}),
      ...(config.snapshot ? { snapshot: config.snapshot } : {}),
    })
    // One connection: PGlite runs one statement at a time anyway, and its socket server interleaves
    // the extended-protocol messages of concurrent connections between their Sync points ("unnamed
    // prepared statement does not exist"). Queries queue in the pool instead.
    poolConfig = { ...embedded.connection, max: 1 }
  } else {
    poolConfig = { connectionString: config.url, max: config.poolSize ?? 10 }
  }
  const pool = new pg.Pool({ ...poolConfig, types: typeParsers })
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => undefined)
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new CamelCasePlugin()],
  })
  const handle: DatabaseHandle = {
    db,
    kind: config.kind,
    embedded,
    async ping() {
      await sql`select 1`.execute(db)
    },
    async executeSql(text, values) {
      const result = await pool.query<Record<string, unknown>>(text, values)
      return { rows: result.rows }
    },
    copyFrom:
      config.kind === 'postgres'
        ? async (statement, data) => {
            const client = await pool.connect()
            try {
              await pipeline(Readable.from([data]), client.query(copyFrom(statement)))
            } finally {
              client.release()
            }
          }
        : undefined,
    async close() {
      await db.destroy()
      await embedded?.stop()
    },
  }
  try {
    await handle.ping()
  } catch (error) {
    await handle.close().catch(() => undefined)
    throw new DatabaseUnreachableError(config, error)
  }
  return handle
}

export class DatabaseUnreachableError extends Error {
  constructor(config: DatabaseConfig, cause: unknown) {
    const where = config.kind === 'postgres' ? redactUrl(config.url) : 'the embedded database'
    const reason = cause instanceof Error ? cause.message : String(cause)
    super(`Cannot connect to ${where}: ${reason}`, { cause })
    this.name = 'DatabaseUnreachableError'
  }
}

/** The URL without its password, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '***'
    return parsed.toString()
  } catch {
    return '<invalid DATABASE_URL>'
  }
}
