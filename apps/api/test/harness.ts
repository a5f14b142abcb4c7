import { afterAll, beforeAll } from 'vitest'
import {
  assembleCore,
  SecretBox,
  systemContext,
  type CarrierRegistry,
  type GatewayOptions,
  type Core,
  type Role,
} from '@simops/core'
import { openTestDatabase, testBackends, type TestBackend, type TestDatabase } from '@simops/core/testing'
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify'
import { buildApp, type AppOptions } from '../src/app.js'

export const backends: TestBackend[] = testBackends(process.env.TEST_DATABASE_URL)

export const ADMIN_PASSWORD = 'admin-password-1'

export interface Harness {
  app: FastifyInstance
  core: Core
  /** Sends a request, with `token` as bearer when given. */
  request(options: InjectOptions & { token?: string }): Promise<LightMyRequestResponse>
  login(username: string, password: string): Promise<string>
  /** Creates a user with the role and returns a session token for them. */
  userWithRole(role: Role, username?: string): Promise<{ id: string; token: string; username: string }>
  adminToken(): Promise<string>
}

/** One app on a fresh database for the enclosing describe block. */
export function useApp(
  backend: TestBackend,
  options: Partial<Omit<AppOptions, 'core'>> & {
    now?: () => Date
    carriers?: CarrierRegistry
    gateway?: Partial<GatewayOptions>
    /** Cards of one platform whose usage a sync reads side by side (the core's default otherwise). */
    syncParallelism?: number
  } = {},
): () => Harness {
  let database: TestDatabase | undefined
  let harness: Harness | undefined
  let counter = 0
  beforeAll(async () => {
    database = await openTestDatabase(backend, process.env.TEST_DATABASE_URL)
    const core = await assembleCore(database.handle, {
      secretKey: SecretBox.generateKeyText(),
      ...(options.now ? { now: options.now } : {}),
      ...(options.syncParallelism ? { syncParallelism: options.syncParallelism } : {}),
      ...(options.carriers
        ? {
            carriers: options.carriers,
            gateway: { callTimeoutMs: 2000, retryBaseDelayMs: 5, ...options.gateway },
          }
        : {}),
    })
    await core.users.ensureInitialAdmin(systemContext('test'), ADMIN_PASSWORD)
    const {
      now: _now,
      carriers: _carriers,
      gateway: _gateway,
      syncParallelism: _syncParallelism,
      ...appOptions
    } = options
    const app = await buildApp({ logger: false, ...appOptions, core })
    await app.ready()
    let adminToken: string | undefined
    const request: Harness['request'] = ({ token, headers, ...rest }) =>
      app.inject({ ...rest, headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) } })
    const login = async (username: string, password: string) => {
      const response = await request({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username, password },
      })
      if (response.statusCode !== 200) throw new Error(`login failed: ${response.body}`)
      return response.json<{ token: string }>().token
    }
    harness = {
      app,
      core,
      request,
      login,
      async adminToken() {
        adminToken ??= await login('admin', ADMIN_PASSWORD)
        return adminToken
      },
      async userWithRole(role, username = `${role}-${++counter}`) {
        const user = await core.users.create(systemContext('test'), {
          username,
          password: 'password-123',
          role,
        })
        return { id: user.id, username, token: await login(username, 'password-123') }
      },
    }
  })
  afterAll(async () => {
    await harness?.core.stopJobQueue()
    await harness?.app.close()
    await database?.destroy()
  })
  return () => {
    if (!harness) throw new Error('app is not ready')
    return harness
  }
}
