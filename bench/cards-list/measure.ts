import pg from 'pg'

export const WARM_UP = 5

export interface Timings {
  p50: number
  p95: number
  max: number
}

/** Nearest-rank percentiles of durations in milliseconds. */
export function summarise(samples: number[]): Timings {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN
  return { p50: at(50), p95: at(95), max: sorted.at(-1) ?? NaN }
}

/** Runs `once` WARM_UP times untimed, then `iterations` times timed, one after the other. */
export async function time(iterations: number, once: () => Promise<void>): Promise<Timings> {
  for (let i = 0; i < WARM_UP; i++) await once()
  const samples: number[] = []
  for (let i = 0; i < iterations; i++) {
    const start = performance.now()
    await once()
    samples.push(performance.now() - start)
  }
  return summarise(samples)
}

export interface CardPageBody {
  items: unknown[]
  nextCursor: string | null
  total: number
  totalCapped: boolean
}

/** GET /api/v1/auth/me: HTTP, the auth hook's two look-ups and a small JSON body — the API's floor. */
export async function getMe(baseUrl: string, token: string): Promise<void> {
  const response = await fetch(`${baseUrl}/api/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } })
  const text = await response.text()
  if (response.status !== 200) throw new Error(`GET /auth/me answered ${response.status}: ${text}`)
}

/** GET with the bearer token over fetch's keep-alive pool; anything but 200 aborts the run. */
export async function getPage(baseUrl: string, token: string, query: string): Promise<CardPageBody> {
  const response = await fetch(`${baseUrl}/api/v1/cards${query ? `?${query}` : ''}`, {
    headers: { authorization: `Bearer ${token}` },
  })
  const text = await response.text()
  if (response.status !== 200) throw new Error(`GET /cards?${query} answered ${response.status}: ${text}`)
  return JSON.parse(text) as CardPageBody
}

export interface Statement {
  text: string
  values: unknown[]
}

export type StatementRole = 'page' | 'count' | 'platforms' | 'devices' | 'auth'

/** What one list request sent to PostgreSQL, by role. */
export interface CapturedRequest {
  page: Statement
  count: Statement
  lookups: Statement[]
  /** Session and user look-ups of the auth hook: part of the API figure, not replayed. */
  auth: Statement[]
}

let sink: Statement[] | undefined

// Core's Kysely PostgresDialect calls client.query(text, values) on clients of this same `pg` module
// (one copy in the pnpm store; capture() checks that it saw the list's statements).
const originalQuery = pg.Client.prototype.query
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  if (sink && typeof args[0] === 'string')
    sink.push({ text: args[0], values: [...((args[1] as unknown[]) ?? [])] })
  return (originalQuery as (...a: unknown[]) => unknown).apply(this, args)
} as typeof pg.Client.prototype.query

export function roleOf(text: string): StatementRole {
  if (/from "cards"/.test(text) && / as "sort_key"/.test(text)) return 'page'
  if (/count\(\*\)/.test(text) && /from "cards"/.test(text)) return 'count'
  if (/from "platforms"/.test(text)) return 'platforms'
  if (/from "devices"/.test(text)) return 'devices'
  if (/from "sessions"|from "users"|from "api_keys"|update "sessions"/.test(text)) return 'auth'
  throw new Error(`unexpected statement during a list request: ${text}`)
}

/** Records the statements sent while `request` runs (nothing else may use the database meanwhile). */
export async function capture(request: () => Promise<unknown>): Promise<CapturedRequest> {
  const seen: Statement[] = []
  sink = seen
  try {
    await request()
  } finally {
    sink = undefined
  }
  const of = (role: StatementRole) => seen.filter((s) => roleOf(s.text) === role)
  const [page] = of('page')
  const [count] = of('count')
  if (!page || !count)
    throw new Error(
      `capture saw ${seen.length} statements but not the page and count queries: is pg one module?`,
    )
  return { page, count, lookups: [...of('platforms'), ...of('devices')], auth: of('auth') }
}

const INT8_OID = 20
const DATE_OID = 1082

/** A plain pool with core's type parsers (int8 as number, date as text), so rows decode alike. */
export function replayPool(url: string): pg.Pool {
  const types = {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
      oid === INT8_OID
        ? (value: string) => Number(value)
        : oid === DATE_OID
          ? (value: string) => value
          : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
  }
  return new pg.Pool({ connectionString: url, max: 10, types })
}

/**
 * Replays a request's statements in core's shape: the page and the capped count concurrently (as
 * CardService.list's Promise.all does), then the platform and device name look-ups concurrently.
 */
export async function replay(pool: pg.Pool, captured: CapturedRequest): Promise<void> {
  await Promise.all([
    pool.query(captured.page.text, captured.page.values),
    pool.query(captured.count.text, captured.count.values),
  ])
  await Promise.all(captured.lookups.map((s) => pool.query(s.text, s.values)))
}

/** Replays the auth hook's look-ups (session, then user: sequential, as the hook makes them). */
export async function replaySequential(pool: pg.Pool, statements: Statement[]): Promise<void> {
  for (const s of statements) await pool.query(s.text, s.values)
}

export interface PlanSummary {
  role: 'page' | 'count'
  topLine: string
  executionMs: number
  plan: string[]
}

/** EXPLAIN (ANALYZE, BUFFERS) of the page and count statements, for scenarios that miss the target. */
export async function explain(pool: pg.Pool, captured: CapturedRequest): Promise<PlanSummary[]> {
  const summaries: PlanSummary[] = []
  for (const role of ['page', 'count'] as const) {
    const statement = captured[role]
    const result = await pool.query<{ 'QUERY PLAN': string }>(
      `explain (analyze, buffers) ${statement.text}`,
      statement.values,
    )
    const plan = result.rows.map((row) => row['QUERY PLAN'])
    const execution = plan.find((line) => line.startsWith('Execution Time'))
    summaries.push({
      role,
      topLine: plan[0] ?? '',
      executionMs: Number(/([\d.]+) ms/.exec(execution ?? '')?.[1] ?? NaN),
      plan,
    })
  }
  return summaries
}
