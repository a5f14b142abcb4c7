import { SecretBox } from '@simops/core'
import pg from 'pg'
import type { JobBody } from './api.js'

export const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
export const ADMIN_PASSWORD = 'bench-admin-password'

export function databaseUrl(name: string): string {
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return url.toString()
}

export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

/**
 * Drops and recreates a throw-away bench database and keeps a fresh credentials key in its
 * bench_meta table (the API migrates the rest when it starts), so the API can be started on it again.
 */
export async function freshDatabase(name: string): Promise<{ url: string; secretKey: string }> {
  await withClient(serverUrl, async (admin) => {
    await admin.query(`drop database if exists ${name} with (force)`)
    await admin.query(`create database ${name}`)
  })
  const url = databaseUrl(name)
  const secretKey = SecretBox.generateKeyText()
  await withClient(url, async (client) => {
    await client.query('create table bench_meta (key text primary key, value text not null)')
    await client.query(`insert into bench_meta values ('secret_key', $1)`, [secretKey])
  })
  return { url, secretKey }
}

/** The key and card count of an existing bench database, or undefined when there is none. */
export async function existingDatabase(
  name: string,
): Promise<{ url: string; secretKey: string; cards: number } | undefined> {
  const url = databaseUrl(name)
  return withClient(url, async (client) => {
    const key = await client.query<{ value: string }>(`select value from bench_meta where key = 'secret_key'`)
    const count = await client.query<{ n: string }>('select count(*) as n from cards')
    const secretKey = key.rows[0]?.value
    return secretKey ? { url, secretKey, cards: Number(count.rows[0]?.n) } : undefined
  }).catch(() => undefined)
}

/** The API's environment for a bench database. */
export function apiEnv(secretKey: string, extra: Record<string, string> = {}): Record<string, string> {
  return { SIMOPS_SECRET_KEY: secretKey, SIMOPS_ADMIN_PASSWORD: ADMIN_PASSWORD, ...extra }
}

/** The job as stored, for when the API is no longer there to ask. */
export async function jobFromDatabase(url: string, id: string): Promise<JobBody> {
  return withClient(url, async (c) => {
    const { rows } = await c.query<{
      state: string
      total: number
      ok: number
      failed: number
      skipped: number
      started_at: Date | null
      created_at: Date
    }>('select state, total, ok, failed, skipped, started_at, created_at from jobs where id = $1', [id])
    const r = rows[0]
    if (!r) throw new Error(`job ${id} is not in the database`)
    const pending = r.total - r.ok - r.failed - r.skipped
    return {
      id,
      state: r.state,
      counts: { total: r.total, ok: r.ok, failed: r.failed, skipped: r.skipped, pending },
      error: null,
      createdAt: r.created_at.toISOString(),
      startedAt: r.started_at?.toISOString() ?? null,
      finishedAt: null,
    }
  })
}
