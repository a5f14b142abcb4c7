import type { CarrierContext } from '@simops/carrier-sdk'
import { firstRow, parseEnvelope, textOf, type Envelope } from './envelope.js'
import {
  errorFromFetchFailure,
  errorFromHttpStatus,
  errorFromStatus,
  errorFromTokenRefusal,
  malformed,
} from './errors.js'
import {
  buildBusinessRequest,
  buildTokenRequest,
  type BuiltRequest,
  type HttpMethod,
  type WireParams,
} from './request.js'
import { TransidSource } from './transid.js'

const TOKEN_EXPIRED = '12021'
/** Refresh a token once this share of its lifetime has passed, well before OneLink drops it. */
const REFRESH_AT_SHARE_OF_TTL = 0.8

export interface ClientSettings {
  baseUrl: string
  appId: string
  password: string
  httpMethod: HttpMethod
  instanceId?: string
}

export interface IssuedToken {
  token: string
  ttlSeconds: number
}

/**
 * Raw HTTP to OneLink: transids, the cached token (refreshed at ~80 % of its ttl, and once after
 * 12021), the envelope, and error mapping. It knows nothing of cards.
 */
export class OneLinkClient {
  private readonly transids: TransidSource
  private cached: { token: IssuedToken; refreshAt: number } | undefined
  private issuing: Promise<IssuedToken> | undefined

  constructor(
    private readonly settings: ClientSettings,
    private readonly context: Pick<CarrierContext, 'fetch' | 'now'>,
  ) {
    this.transids = new TransidSource(settings.appId, () => context.now(), settings.instanceId)
  }

  /** A valid token: the cached one while it is fresh, else a new one (concurrent callers share it). */
  async token(signal: AbortSignal): Promise<IssuedToken> {
    const now = this.context.now().getTime()
    if (this.cached && now < this.cached.refreshAt) return this.cached.token
    this.issuing ??= this.issueToken(signal).finally(() => {
      this.issuing = undefined
    })
    return this.issuing
  }

  /**
   * One business call; returns the envelope of a successful answer (status "0"). A 12021 drops the
   * token, fetches a new one and retries once; any other failure becomes a CarrierError.
   */
  async call(path: string, params: WireParams, signal: AbortSignal): Promise<Envelope> {
    const first = await this.send(path, params, signal)
    if (first.envelope.status !== TOKEN_EXPIRED) return this.succeeded(first.envelope, path)
    this.forget(first.token)
    const second = await this.send(path, params, signal)
    if (second.envelope.status === TOKEN_EXPIRED) this.forget(second.token)
    return this.succeeded(second.envelope, path)
  }

  private succeeded(envelope: Envelope, path: string): Envelope {
    if (envelope.status !== '0') throw errorFromStatus(envelope.status, envelope.message, path)
    return envelope
  }

  private async send(path: string, params: WireParams, signal: AbortSignal) {
    const { token } = await this.token(signal)
    const request = buildBusinessRequest(
      this.settings.baseUrl,
      this.settings.httpMethod,
      path,
      { transid: this.transids.next(), token },
      params,
    )
    return { token, envelope: parseEnvelope(await this.exchange(request, signal, path), path) }
  }

  /** Drops the cached token if it is the one OneLink refused (a newer one may already be cached). */
  private forget(token: string): void {
    if (this.cached?.token.token === token) this.cached = undefined
  }

  private async issueToken(signal: AbortSignal): Promise<IssuedToken> {
    const during = 'the token request'
    const request = buildTokenRequest(this.settings.baseUrl, this.settings, this.transids.next())
    const envelope = parseEnvelope(await this.exchange(request, signal, during), during)
    if (envelope.status !== '0') throw errorFromTokenRefusal(envelope.status, envelope.message)
    const row = firstRow(envelope, during)
    const token = textOf(row, 'token', 'token result')
    const ttlSeconds = Number(textOf(row, 'ttl', 'token result'))
    if (token === '' || !Number.isFinite(ttlSeconds) || ttlSeconds <= 0)
      throw malformed(
        `the token answer has token ${JSON.stringify(token)} and ttl ${JSON.stringify(row.ttl)}`,
      )
    const issued = { token, ttlSeconds }
    this.cached = {
      token: issued,
      refreshAt: this.context.now().getTime() + ttlSeconds * 1000 * REFRESH_AT_SHARE_OF_TTL,
    }
    return issued
  }

  /** One HTTP exchange, body included; the URL is never put in errors (the token call carries the password). */
  private async exchange(request: BuiltRequest, signal: AbortSignal, during: string): Promise<string> {
    try {
      const response = await this.context.fetch(request.url, { ...request.init, signal })
      // Reading the body can fail too (aborted or cut connection); it is part of the same exchange.
      const text = await response.text()
      if (!response.ok) throw errorFromHttpStatus(response.status, during)
      return text
    } catch (error) {
      if (error instanceof Error && error.name === 'CarrierError') throw error
      throw errorFromFetchFailure(error, signal, during)
    }
  }
}
