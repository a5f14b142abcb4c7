import { systemContext, type Core } from '@simops/core'
import pg from 'pg'

/** How one platform config's cards look: its share of all cards and its number ranges. */
interface PlatformPlan {
  carrierId: 'onelink' | 'ctwing' | 'unicom'
  name: string
  share: number
  /** Two digits after 8986 (carrier prefixes from core's iccid-prefixes.json). */
  iccidPrefix: string
  numberPrefix: string
  /** Digits after the number prefix: 13-digit IoT numbers for 1440/1064, 11 for 146. */
  serialDigits: number
  imsiPrefix: string
  platformType: string | null
  config: Record<string, unknown>
}

// Syntactically valid configs (each plugin's src/config.ts); no carrier is ever contacted.
const plans: PlatformPlan[] = [
  onelink('OneLink Beijing', 0.3, '00', 'C5010100A0000001'),
  onelink('OneLink Shanghai', 0.2, '02', 'C5010100A0000002'),
  {
    carrierId: 'ctwing',
    name: 'CTWing m2m_ec',
    share: 0.15,
    iccidPrefix: '03',
    numberPrefix: '1064',
    serialDigits: 9,
    imsiPrefix: '46011',
    platformType: null,
    config: {
      apiGeneration: 'legacy',
      userId: 'bench_user',
      password: 'bench-password',
      secretKey: 'abcdefghi',
    },
  },
  {
    carrierId: 'ctwing',
    name: 'CTWing 5G CMP',
    share: 0.1,
    iccidPrefix: '11',
    numberPrefix: '1064',
    serialDigits: 9,
    imsiPrefix: '46011',
    platformType: null,
    config: { apiGeneration: 'cmp5g', appKey: 'bench-app-key', secretKey: 'bench-app-secret' },
  },
  unicom('Unicom CMP North', 0.15, '01', 'bench-app-1'),
  unicom('Unicom CMP South', 0.1, '06', 'bench-app-2'),
]

function onelink(name: string, share: number, iccidPrefix: string, appId: string): PlatformPlan {
  const config = { appId, password: 'bench-password', baseUrl: 'https://api.iot.10086.cn/v5/ec' }
  return {
    carrierId: 'onelink',
    name,
    share,
    iccidPrefix,
    numberPrefix: '1440',
    serialDigits: 9,
    imsiPrefix: '46004',
    platformType: 'OneLink-CT',
    config,
  }
}

function unicom(name: string, share: number, iccidPrefix: string, appId: string): PlatformPlan {
  const config = { appId, appSecret: 'bench-app-secret', openId: `${appId}-owner` }
  return {
    carrierId: 'unicom',
    name,
    share,
    iccidPrefix,
    numberPrefix: '146',
    serialDigits: 8,
    imsiPrefix: '46006',
    platformType: null,
    config,
  }
}

/** Unified lifecycle weights (they sum to 1). */
const lifecycleWeights: Array<[string, number]> = [
  ['active', 0.6],
  ['suspended', 0.15],
  ['ready', 0.1],
  ['test', 0.05],
  ['inventory', 0.04],
  ['terminated', 0.03],
  ['pending_termination', 0.02],
  ['unknown', 0.01],
]

/** Carrier status codes per lifecycle (from each plugin's mappers); `unknown` cards were never synced. */
const statusCodes: Record<PlatformPlan['carrierId'], Record<string, [string, string, string]>> = {
  onelink: {
    ready: ['1', '待激活', 'Ready to activate'],
    active: ['2', '已激活', 'Active'],
    suspended: ['4', '停机', 'Suspended'],
    test: ['6', '可测试', 'Testable'],
    inventory: ['7', '库存', 'In stock'],
    pending_termination: ['8', '预销户', 'Pending termination'],
    terminated: ['9', '已销户', 'Terminated'],
  },
  ctwing: {
    ready: ['1', '可激活', 'Ready to activate'],
    test: ['2', '测试激活', 'Test period, active'],
    active: ['4', '在用', 'In use'],
    suspended: ['5', '停机', 'Suspended'],
    terminated: ['7', '拆机', 'Terminated'],
    inventory: ['8', '库存', 'In stock'],
    pending_termination: ['9', '预拆机', 'Pending termination'],
  },
  unicom: {
    test: ['0', '可测试', 'Test ready (TEST_READY)'],
    ready: ['1', '可激活', 'Activation ready (ACTIVATION_READY)'],
    active: ['2', '已激活', 'Activated (ACTIVATED)'],
    suspended: ['3', '已停用', 'Deactivated (DEACTIVATED)'],
    terminated: ['4', '已失效', 'Retired (RETIRED)'],
    inventory: ['7', '库存', 'Inventory (INVENTORY)'],
    pending_termination: ['9', '预清除', 'Pending purge'],
  },
}

/** Serials of card numbers are id × an odd multiplier modulo this: unique, dense, not in id order. */
const NUMBER_MODULUS = 10_000_000
/** Every tenth card is bound to a device, up to one card per device. */
const BINDING_STRIDE = 10

const MB = 1024 * 1024
/** Plan sizes in bytes, 30 MB to 10 GB. */
const planSizes = [30 * MB, 100 * MB, 500 * MB, 1024 * MB, 2048 * MB, 10240 * MB]

// One chunk of cards. Every random draw is made once per row in a materialized CTE, so columns that
// depend on the same draw agree. $1..$2: ids; $3: card count; $4: number serial modulus; $5: now;
// $6: binding stride; $7: device count; $8: platforms; $9: lifecycle ranges; $10: status codes; $11: plan sizes.
const insertCardsSql = `
insert into cards (
  id, number, iccid, iccid19, imsi, platform_id, carrier_id, type, description, tags, expires_on,
  device_id, bound_at, lifecycle, carrier_status_code, carrier_status_label, platform_type, activated_at,
  usage_total_bytes, usage_used_bytes, usage_remaining_bytes, usage_as_of, sync_state, synced_at,
  sync_error_code, sync_error_message, created_at, updated_at)
overriding system value
with draws as materialized (
  select g, random() as r_plat, random() as r_type, random() as r_life, random() as r_sync, random() as r_plan,
    random() as r_used, random() as r_act, random() as r_upd, random() as r_tag, random() as r_misc,
    $5::timestamptz - interval '1277 days' + (g::float8 / $3) * interval '1277 days' as created_at
  from generate_series($1::bigint, $2::bigint) as g
), planned as (
  select d.*, p.*, l.lifecycle, s.code, s.label,
    case when g % $6 = 0 and g / $6 <= $7 then 'DEV-' || lpad((g / $6)::text, 6, '0') end as device_id,
    case when l.lifecycle in ('ready', 'inventory', 'unknown') then null
      when d.r_plan < 0.1 then -1::bigint
      else ($11::bigint[])[1 + floor((d.r_plan - 0.1) / 0.9 * cardinality($11::bigint[]))::int] end as total
  from draws d
  join jsonb_to_recordset($8::jsonb) as p(platform_id uuid, carrier_id text, lo float8, hi float8,
    iccid_prefix text, number_prefix text, serial_digits int, imsi_prefix text, platform_type text)
    on d.r_plat >= p.lo and d.r_plat < p.hi
  join jsonb_to_recordset($9::jsonb) as l(lifecycle text, lo float8, hi float8)
    on d.r_life >= l.lo and d.r_life < l.hi
  left join jsonb_to_recordset($10::jsonb) as s(carrier_id text, lifecycle text, code text, label jsonb)
    on s.carrier_id = p.carrier_id and s.lifecycle = l.lifecycle
)
select
  g,
  number_prefix || lpad(((g * 611953) % $4)::text, serial_digits, '0'),
  '8986' || iccid_prefix || '19' || lpad(g::text, 11, '0') || (g % 10)::text,
  '8986' || iccid_prefix || '19' || lpad(g::text, 11, '0'),
  case when lifecycle not in ('inventory', 'unknown') then imsi_prefix || lpad(g::text, 10, '0') end,
  platform_id, carrier_id,
  (array['year', 'season', 'month', 'other'])[1 + floor(r_type * 4)::int],
  case when r_misc < 0.2 then 'Meter batch ' || (g % 500) else '' end,
  case when r_tag < 0.10 then '{cold}'::text[] when r_tag < 0.15 then '{cold,east}'::text[] else '{}'::text[] end,
  case when r_type < 0.25 then ($5::timestamptz + r_misc * interval '365 days')::date end,
  device_id,
  case when device_id is not null then created_at + r_misc * ($5::timestamptz - created_at) end,
  lifecycle, code, label, platform_type,
  case when lifecycle not in ('ready', 'inventory', 'unknown') then
    greatest(created_at, $5::timestamptz - interval '3 years')
      + r_act * ($5::timestamptz - greatest(created_at, $5::timestamptz - interval '3 years')) end,
  case when total > 0 then total end,
  case when total = -1 then floor(r_used * 5 * 1024 * 1048576)::bigint when total > 0 then floor(r_used * total)::bigint end,
  case when total > 0 then total - floor(r_used * total)::bigint end,
  case when total is not null then $5::timestamptz - r_sync * interval '1 day' end,
  case when lifecycle = 'unknown' then 'never' when r_sync < 0.03 then 'failed' else 'ok' end,
  case when lifecycle = 'unknown' then null else $5::timestamptz - r_sync * interval '1 day' end,
  case when lifecycle <> 'unknown' and r_sync < 0.03 then
    (array['CARRIER_TIMEOUT', 'CARRIER_RATE_LIMITED', 'CARRIER_UNAVAILABLE'])[1 + floor(r_misc * 3)::int] end,
  case when lifecycle <> 'unknown' and r_sync < 0.03 then
    (array['The carrier did not answer within 10 s', 'The carrier refused the call: too many requests',
      'The carrier API answered 503 Service Unavailable'])[1 + floor(r_misc * 3)::int] end,
  created_at,
  greatest(created_at, $5::timestamptz - r_upd * interval '90 days')
from planned`

export interface SeedOptions {
  cards: number
  devices: number
  chunk: number
  log: (line: string) => void
}

export interface SeedTimings {
  platformsMs: number
  devicesMs: number
  cardsMs: number
  indexesMs: number
  vacuumMs: number
  totalMs: number
}

const since = (start: number) => performance.now() - start

/** Fills an empty, migrated database through core (platforms) and plain SQL (devices, cards). */
export async function seed(core: Core, url: string, options: SeedOptions): Promise<SeedTimings> {
  if (options.cards > NUMBER_MODULUS)
    throw new Error(`BENCH_CARDS above ${NUMBER_MODULUS} would overflow the number ranges`)
  const started = performance.now()
  const platforms = await createPlatforms(core)
  const platformsMs = since(started)

  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query('select setseed(0.4242)')
    let step = performance.now()
    await insertDevices(client, options.devices)
    const devicesMs = since(step)

    const indexes = await dropSecondaryIndexes(client)
    options.log(`  dropped ${indexes.length} secondary indexes of cards`)
    step = performance.now()
    await insertCards(client, platforms, options)
    const cardsMs = since(step)

    step = performance.now()
    await recreateIndexes(url, indexes, options.log)
    const indexesMs = since(step)

    step = performance.now()
    await client.query('vacuum analyze cards, devices')
    const vacuumMs = since(step)
    return { platformsMs, devicesMs, cardsMs, indexesMs, vacuumMs, totalMs: since(started) }
  } finally {
    await client.end()
  }
}

/** The six platform configs, created through core, with each one's share as a range of [0, 1). */
async function createPlatforms(core: Core) {
  const platforms = []
  let lo = 0
  for (const [index, plan] of plans.entries()) {
    const { carrierId, name, config } = plan
    const created = await core.platforms.create(systemContext('bench'), { carrierId, name, config })
    // The last range is open-ended so that rounding never leaves a draw without a platform.
    const hi = index === plans.length - 1 ? 2 : lo + plan.share
    platforms.push({
      platform_id: created.id,
      carrier_id: carrierId,
      lo,
      hi,
      iccid_prefix: plan.iccidPrefix,
      number_prefix: plan.numberPrefix,
      serial_digits: plan.serialDigits,
      imsi_prefix: plan.imsiPrefix,
      platform_type: plan.platformType,
    })
    lo = hi
  }
  return platforms
}

async function insertDevices(client: pg.Client, count: number) {
  await client.query(
    `insert into devices (id, name, product, state, registered_at, created_at, updated_at)
     select 'DEV-' || lpad(i::text, 6, '0'), 'Meter ' || lpad(i::text, 6, '0'),
       (array['Water meter', 'Gas meter', 'GPS tracker', 'POS terminal'])[1 + i % 4],
       (array['online', 'online', 'offline', 'disabled'])[1 + (i * 7) % 4],
       t, t, t + random() * interval '30 days'
     from generate_series(1, $1::int) as i, lateral (select now() - random() * interval '1000 days' as t) as x`,
    [count],
  )
}

/** Drops the indexes of cards that back no constraint (the primary key stays) and returns their definitions. */
async function dropSecondaryIndexes(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ indexname: string; indexdef: string }>(
    `select indexname, indexdef from pg_indexes
     where schemaname = current_schema() and tablename = 'cards'
       and indexname not in (select conname from pg_constraint where conrelid = 'cards'::regclass)
     order by indexname`,
  )
  for (const { indexname } of rows) await client.query(`drop index ${pg.escapeIdentifier(indexname)}`)
  return rows.map((row) => row.indexdef)
}

async function insertCards(client: pg.Client, platforms: unknown[], options: SeedOptions) {
  const lifecycles: Array<{ lifecycle: string; lo: number; hi: number }> = []
  let lo = 0
  for (const [index, [lifecycle, weight]] of lifecycleWeights.entries()) {
    const hi = index === lifecycleWeights.length - 1 ? 2 : lo + weight
    lifecycles.push({ lifecycle, lo, hi })
    lo = hi
  }
  const statuses = Object.entries(statusCodes).flatMap(([carrierId, codes]) =>
    Object.entries(codes).map(([lifecycle, [code, zh, en]]) => ({
      carrier_id: carrierId,
      lifecycle,
      code,
      label: { 'zh-CN': zh, en },
    })),
  )
  const now = new Date()
  for (let from = 1; from <= options.cards; from += options.chunk) {
    const to = Math.min(options.cards, from + options.chunk - 1)
    const start = performance.now()
    await client.query(insertCardsSql, [
      from,
      to,
      options.cards,
      NUMBER_MODULUS,
      now,
      BINDING_STRIDE,
      options.devices,
      JSON.stringify(platforms),
      JSON.stringify(lifecycles),
      JSON.stringify(statuses),
      planSizes,
    ])
    options.log(`  cards ${from}–${to} in ${(since(start) / 1000).toFixed(1)} s`)
  }
  // Ids were given explicitly; later inserts through core continue after them.
  await client.query(`select setval(pg_get_serial_sequence('cards', 'id'), $1)`, [options.cards])
}

/** Recreates the indexes from their definitions, verbatim, two at a time (one per core here). */
async function recreateIndexes(url: string, definitions: string[], log: (line: string) => void) {
  const queue = [...definitions]
  const worker = async () => {
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    try {
      await client.query(`set maintenance_work_mem = '512MB'`)
      for (let definition = queue.shift(); definition; definition = queue.shift()) {
        const start = performance.now()
        await client.query(definition)
        log(`  ${(since(start) / 1000).toFixed(1)} s  ${definition}`)
      }
    } finally {
      await client.end()
    }
  }
  await Promise.all([worker(), worker()])
}
