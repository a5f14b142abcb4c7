import type { PlanSummary, Timings } from './measure.js'
import type { SeedTimings } from './seed.js'

export const TARGET_P95_MS = 50
export const TARGET_RATIO = 2

export interface ScenarioResult {
  name: string
  query: string
  api: Timings
  sql: Timings
  rows: number
  total: number
  totalCapped: boolean
  plans: PlanSummary[]
}

export interface RunInfo {
  date: string
  cards: number
  iterations: number
  machine: string
  postgres: string
  seed: SeedTimings | 'reused'
  /** GET /api/v1/auth/me: what any authenticated request costs before the list does anything. */
  floor: Timings
  /** The auth hook's two look-ups replayed as raw SQL (included in every API figure, not in SQL). */
  auth: Timings | undefined
}

const ms = (value: number) => value.toFixed(1)
const seconds = (value: number) => `${(value / 1000).toFixed(1)} s`

/** The run as Markdown: the same text goes to the terminal and to bench/results. */
export function report(info: RunInfo, results: ScenarioResult[]): string {
  const lines = [
    `# cards-list benchmark, ${info.date}`,
    '',
    `- Cards: ${info.cards.toLocaleString('en')}; ${info.iterations} timed requests per scenario after 5 warm-ups, one at a time.`,
    `- Machine: ${info.machine}`,
    `- PostgreSQL: ${info.postgres}`,
    info.seed === 'reused'
      ? '- Seeding: reused an existing database (BENCH_REUSE=1).'
      : `- Seeding: ${seconds(info.seed.totalMs)} in all (platforms ${seconds(info.seed.platformsMs)}, devices ${seconds(info.seed.devicesMs)}, cards ${seconds(info.seed.cardsMs)}, indexes ${seconds(info.seed.indexesMs)}, VACUUM ANALYZE ${seconds(info.seed.vacuumMs)}).`,
    '',
    'API: GET /api/v1/cards over keep-alive HTTP to `simops start` running in its own process (auth hook, validation,',
    'core, JSON). SQL: the statements core sent for the same request, replayed through a plain pg.Pool (the page query,',
    'which joins the platform and device names, concurrently with the capped count, as core runs them). Times in ms;',
    'ratio = API p95 / SQL p95; the last column is the fixed cost the API adds at the median.',
    '',
    `API floor, GET /api/v1/auth/me (HTTP + the auth hook's session and user look-ups, no list): p50 ${ms(info.floor.p50)} ms, p95 ${ms(info.floor.p95)} ms.` +
      (info.auth
        ? ` Its two look-ups alone, replayed as raw SQL: p50 ${ms(info.auth.p50)} ms, p95 ${ms(info.auth.p95)} ms.`
        : ''),
    '',
    '| scenario | API p50 | API p95 | SQL p50 | SQL p95 | ratio | rows | total | API − SQL p50 |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|',
    ...results.map(
      (r) =>
        `| ${r.name} | ${ms(r.api.p50)} | ${ms(r.api.p95)} | ${ms(r.sql.p50)} | ${ms(r.sql.p95)} | ${(r.api.p95 / r.sql.p95).toFixed(2)} | ${r.rows} | ${r.total.toLocaleString('en')}${r.totalCapped ? '+' : ''} | ${ms(r.api.p50 - r.sql.p50)} |`,
    ),
    '',
    'Query strings:',
    '',
    ...results.map((r) => `- ${r.name}: \`${r.query || '(none)'}\``),
    '',
    ...verdict(results),
  ]
  const slow = results.filter((r) => r.plans.length > 0)
  if (slow.length > 0) {
    lines.push('', '## Plans of scenarios above the p95 target', '')
    for (const r of slow) {
      lines.push(`### ${r.name}`, '')
      for (const plan of r.plans)
        lines.push(`- ${plan.role}: ${plan.topLine.trim()} — execution ${ms(plan.executionMs)} ms`)
      lines.push('', '```', ...r.plans.flatMap((p) => [`-- ${p.role}`, ...p.plan]), '```', '')
    }
  }
  return `${lines.join('\n')}\n`
}

function verdict(results: ScenarioResult[]): string[] {
  const slow = results.filter((r) => r.api.p95 > TARGET_P95_MS)
  const heavy = results.filter((r) => r.api.p95 / r.sql.p95 > TARGET_RATIO)
  const worst = results.reduce((a, b) => (b.api.p95 > a.api.p95 ? b : a))
  const names = (list: ScenarioResult[]) => list.map((r) => r.name).join(', ')
  return [
    `Verdict: API p95 ≤ ${TARGET_P95_MS} ms: ${slow.length === 0 ? 'PASS' : 'FAIL'} — ${results.length - slow.length}/${results.length} scenarios (worst: ${worst.name}, ${ms(worst.api.p95)} ms)${slow.length ? `; over: ${names(slow)}` : ''}.`,
    '',
    `Verdict: API/SQL p95 ratio ≤ ${TARGET_RATIO}: ${heavy.length === 0 ? 'PASS' : 'FAIL'} — ${results.length - heavy.length}/${results.length} scenarios${heavy.length ? `; over: ${names(heavy)}` : ''}.`,
  ]
}
