import {
  CarrierError,
  isCarrierError,
  validateConnection,
  type CallContext,
  type CarrierConnection,
  type CarrierContext,
  type ConfigFields,
  type ConfigValues,
} from '@simops/carrier-sdk'
import type { CoreLogger } from '../logger.js'
import { CircuitBreaker } from './resilience/circuit-breaker.js'
import { sleep } from './resilience/sleep.js'
import { TokenBucket } from './resilience/token-bucket.js'
import type { CarrierRegistry } from './registry.js'

/** What the gateway needs of a platform config: its identity and, when connecting, its decrypted settings. */
export interface PlatformTarget {
  id: string
  name: string
  carrierId: string
  /** Changes whenever the config changes, so a stale connection is replaced. */
  revision: number
  /** Decrypts the full config; called only when a connection is created. */
  loadConfig(): Record<string, unknown>
}

export type CarrierMethod = Exclude<keyof CarrierConnection, 'close'>
type MethodInput<M extends CarrierMethod> = Parameters<NonNullable<CarrierConnection[M]>>[0]
type MethodResult<M extends CarrierMethod> = Awaited<ReturnType<NonNullable<CarrierConnection[M]>>>

export interface GatewayOptions {
  callTimeoutMs: number
  /** Attempts in all, including the first. */
  attempts: number
  retryBaseDelayMs: number
  breakerThreshold: number
  breakerOpenMs: number
  now: () => number
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>
  fetch: typeof fetch
  /**
   * Multiplies every plugin's declared requestsPerSecond: above 1 for accounts with a negotiated
   * higher limit (and for benchmarks against simulators), below 1 to stay further under it.
   */
  rateLimitScale: number
}

export const defaultGatewayOptions: GatewayOptions = {
  callTimeoutMs: 15_000,
  attempts: 3,
  retryBaseDelayMs: 250,
  breakerThreshold: 5,
  breakerOpenMs: 30_000,
  now: Date.now,
  sleep,
  fetch: (input, init) => globalThis.fetch(input, init),
  rateLimitScale: 1,
}

/** Reads are safe to repeat after any retryable failure; changes only when the carrier surely did nothing. */
const idempotentMethods: ReadonlySet<CarrierMethod> = new Set([
  'healthCheck',
  'getCards',
  'getUsage',
  'getStopReason',
  'getRechargeStatus',
])

interface PlatformLink {
  revision: number
  connection: Promise<CarrierConnection>
  bucket: TokenBucket
  breaker: CircuitBreaker
}

const MAX_RETRY_DELAY_MS = 10_000

/**
 * The one way core talks to carriers. Per platform config it keeps one lazily created connection,
 * and wraps every call with a timeout, retries with backoff for retryable failures, the plugin's
 * declared rate limit and a circuit breaker. Every call is logged with its duration and outcome;
 * inputs and configs are not, as they may hold secrets.
 */
export class CarrierGateway {
  private readonly links = new Map<string, PlatformLink>()
  private readonly options: GatewayOptions

  constructor(
    private readonly registry: CarrierRegistry,
    private readonly logger: CoreLogger,
    options: Partial<GatewayOptions> = {},
  ) {
    this.options = { ...defaultGatewayOptions, ...options }
  }

  async call<M extends CarrierMethod>(
    platform: PlatformTarget,
    method: M,
    input: MethodInput<M>,
  ): Promise<MethodResult<M>> {
    const link = this.linkFor(platform)
    const started = this.options.now()
    let attempt = 0
    for (;;) {
      attempt += 1
      try {
        const result = await this.attempt(platform, link, method, input)
        this.log(platform, method, started, attempt, null)
        return result
      } catch (thrown) {
        const error = normalise(thrown, platform)
        const retry =
          attempt < this.options.attempts &&
          error.retryable &&
          (idempotentMethods.has(method) || error.code === 'rateLimited') &&
          // A carrier that asks for a longer wait than we would make (a monthly cap, a long ban) would
          // only refuse again, and each early retry may count against its quota.
          (error.retryAfterMs ?? 0) <= MAX_RETRY_DELAY_MS
        this.log(platform, method, started, attempt, error, retry)
        if (!retry) throw error
        const backoff = this.options.retryBaseDelayMs * 2 ** (attempt - 1) * (0.5 + Math.random())
        await this.options.sleep(Math.min(MAX_RETRY_DELAY_MS, Math.max(backoff, error.retryAfterMs ?? 0)))
      }
    }
  }

  /** Drops the cached connection of a platform (after its config changed or it was deleted). */
  async forget(platformId: string): Promise<void> {
    const link = this.links.get(platformId)
    this.links.delete(platformId)
    if (link) await closeQuietly(link.connection)
  }

  async close(): Promise<void> {
    const links = [...this.links.values()]
    this.links.clear()
    await Promise.all(links.map((link) => closeQuietly(link.connection)))
  }

  private linkFor(platform: PlatformTarget): PlatformLink {
    const existing = this.links.get(platform.id)
    if (existing && existing.revision === platform.revision) return existing
    if (existing) void closeQuietly(existing.connection)
    const { definition } = this.registry.get(platform.carrierId)
    const requestsPerSecond = definition.limits.requestsPerSecond * this.options.rateLimitScale
    const link: PlatformLink = {
      revision: platform.revision,
      connection: this.connect(platform),
      bucket: new TokenBucket(
        requestsPerSecond,
        Math.max(1, Math.ceil(requestsPerSecond)),
        this.options.now,
        this.options.sleep,
      ),
      breaker: new CircuitBreaker(
        this.options.breakerThreshold,
        this.options.breakerOpenMs,
        this.options.now,
      ),
    }
    // A failed connection attempt is not cached: the next call tries again.
    link.connection.catch(() => {
      if (this.links.get(platform.id) === link) this.links.delete(platform.id)
    })
    this.links.set(platform.id, link)
    return link
  }

  private async connect(platform: PlatformTarget): Promise<CarrierConnection> {
    const { definition } = this.registry.get(platform.carrierId)
    const pluginLog =
      (level: 'debug' | 'info' | 'warn') => (message: string, fields?: Record<string, unknown>) =>
        this.logger[level]({ ...fields, platformId: platform.id, carrierId: platform.carrierId }, message)
    const context: CarrierContext = {
      fetch: this.options.fetch,
      logger: { debug: pluginLog('debug'), info: pluginLog('info'), warn: pluginLog('warn') },
      now: () => new Date(this.options.now()),
    }
    let connection: CarrierConnection
    try {
      connection = await definition.create(platform.loadConfig() as ConfigValues<ConfigFields>, context)
    } catch (error) {
      throw normalise(error, platform)
    }
    const problems = validateConnection(definition, connection)
    if (problems.length > 0)
      throw new CarrierError(
        'protocol',
        `the plugin's connection is malformed: ${problems.map((p) => p.message).join('; ')}`,
      )
    return connection
  }

  private async attempt<M extends CarrierMethod>(
    platform: PlatformTarget,
    link: PlatformLink,
    method: M,
    input: MethodInput<M>,
  ): Promise<MethodResult<M>> {
    if (!link.breaker.tryAcquire()) {
      const reopens = link.breaker.reopensAt
      throw new CarrierError(
        'unavailable',
        `calls are paused after repeated failures${reopens ? ` until ${new Date(reopens).toISOString()}` : ''}`,
        {
          retryable: true,
          ...(reopens ? { retryAfterMs: Math.max(0, reopens - this.options.now()) } : {}),
        },
      )
    }
    const controller = new AbortController()
    const timer = setTimeout(
      () =>
        controller.abort(new CarrierError('timeout', `no answer within ${this.options.callTimeoutMs} ms`)),
      this.options.callTimeoutMs,
    )
    try {
      await link.bucket.take(controller.signal)
      const connection = await link.connection
      const fn = connection[method] as
        ((input: MethodInput<M>, call: CallContext) => Promise<MethodResult<M>>) | undefined
      if (!fn)
        throw new CarrierError('unsupported', `the ${platform.carrierId} plugin does not offer ${method}`)
      const result = await raceAbort(
        fn.call(connection, input, { signal: controller.signal }),
        controller.signal,
      )
      link.breaker.recordSuccess()
      return result
    } catch (thrown) {
      const error = normalise(thrown, platform)
      if (error.code === 'unavailable' || error.code === 'timeout') link.breaker.recordOutage()
      else link.breaker.recordOther()
      throw error
    } finally {
      clearTimeout(timer)
    }
  }

  private log(
    platform: PlatformTarget,
    method: CarrierMethod,
    started: number,
    attempt: number,
    error: CarrierError | null,
    willRetry = false,
  ) {
    const fields = {
      platformId: platform.id,
      carrierId: platform.carrierId,
      method,
      attempt,
      durationMs: this.options.now() - started,
      outcome: error ? 'error' : 'ok',
      ...(error
        ? { errorCode: error.code, carrierCode: error.carrierCode, retryable: error.retryable, willRetry }
        : {}),
    }
    if (!error) this.logger.debug(fields, 'carrier call')
    else this.logger.warn({ ...fields, message: error.message }, 'carrier call failed')
  }
}

/** A plugin that forgets the signal still cannot hold the caller past the timeout. */
function raceAbort<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason)
    if (signal.aborted) return onAbort()
    signal.addEventListener('abort', onAbort, { once: true })
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort)
        resolve(value)
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort)
        reject(error)
      },
    )
  })
}

/** Anything a plugin throws becomes a CarrierError; a non-CarrierError is a plugin bug, reported as `protocol`. */
function normalise(error: unknown, platform: PlatformTarget): CarrierError {
  if (isCarrierError(error)) return error
  if (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError'))
    return new CarrierError('timeout', 'the call was aborted before the carrier answered', { cause: error })
  const message = error instanceof Error ? error.message : String(error)
  return new CarrierError('protocol', `the ${platform.carrierId} plugin failed unexpectedly: ${message}`, {
    cause: error,
  })
}

async function closeQuietly(connection: Promise<CarrierConnection>): Promise<void> {
  try {
    await (await connection).close?.()
  } catch {
    // A connection that failed to open or to close has nothing left to release.
  }
}
