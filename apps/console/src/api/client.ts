import { createApiClient, type ApiClient, type ApiClientOptions, type ApiError } from '@simops/api-client'
import { i18n } from '@/locales'
import { describeApiError, toApiError } from './errors'
import { notifyError } from './notify'

type Middleware = NonNullable<ApiClientOptions['middleware']>[number]

/** What the client needs from the signed-in session; bound once the stores and router exist. */
export interface SessionBinding {
  token: () => string | null
  /** The server no longer accepts our token (expired, revoked, account disabled). */
  onSessionLost: () => void
}

let session: SessionBinding = { token: () => null, onSessionLost: () => {} }

export function bindSession(binding: SessionBinding): void {
  session = binding
}

// A wrong password on the login form is a 401 too, but it says nothing about a session.
const SESSIONLESS_PATHS = new Set(['/api/v1/auth/login'])

const handledByCaller = new Set<string>()

/**
 * Per-request middleware for calls whose errors the caller shows itself (inline on a form, say):
 * `api.POST(path, { body, middleware: [inlineErrors] })` suppresses the toast for that request.
 */
export const inlineErrors: Middleware = {
  onRequest({ id }) {
    handledByCaller.add(id)
  },
}

const acceptLanguage: Middleware = {
  onRequest({ request }) {
    request.headers.set('accept-language', i18n.global.locale.value)
    return request
  },
}

// Registered first, so its onResponse runs last (openapi-fetch unwinds middleware in reverse).
const errorReporting: Middleware = {
  async onResponse({ response, schemaPath, id }) {
    const quiet = handledByCaller.delete(id)
    if (response.ok) return
    const error: ApiError = toApiError(
      await response
        .clone()
        .json()
        .catch(() => null),
      response.status,
    )
    if (response.status === 401 && !SESSIONLESS_PATHS.has(schemaPath) && session.token()) {
      session.onSessionLost()
      notifyError(describeApiError(error))
      return
    }
    if (!quiet) notifyError(describeApiError(error))
  },
  // The server could not be reached: answer like the API would, so callers see one error shape.
  onError() {
    const body: ApiError = { code: 'NETWORK_ERROR', message: i18n.global.t('errors.codes.NETWORK_ERROR') }
    return new Response(JSON.stringify(body), {
      status: 503,
      headers: { 'content-type': 'application/json' },
    })
  },
}

/** The console's only way to the server. */
export const api: ApiClient = createApiClient({
  token: () => session.token(),
  // Looked up on every call rather than captured once, so tests can stub `fetch`.
  fetch: (request) => globalThis.fetch(request),
  middleware: [errorReporting, acceptLanguage],
})

export type RawResult = { response: Response; error: null } | { response: Response | null; error: ApiError }

/**
 * A request the typed client cannot make well (a multipart upload, an event stream), with the same
 * bearer token and language. Errors come back in the API's shape and are not shown: the caller does
 * that (a lost session still signs the user out). `path` is relative to the page's origin.
 */
export async function fetchRaw(path: string, init: RequestInit = {}): Promise<RawResult> {
  const headers = new Headers(init.headers)
  const token = session.token()
  if (token) headers.set('authorization', `Bearer ${token}`)
  headers.set('accept-language', i18n.global.locale.value)
  const request = new Request(new URL(path, globalThis.location.href), { ...init, headers })
  let response: Response
  try {
    response = await globalThis.fetch(request)
  } catch (cause) {
    if (init.signal?.aborted) throw cause
    const message = i18n.global.t('errors.codes.NETWORK_ERROR')
    return { response: null, error: { code: 'NETWORK_ERROR', message } }
  }
  if (response.ok) return { response, error: null }
  const body: unknown = await response.json().catch(() => null)
  const error = toApiError(body, response.status)
  if (response.status === 401 && session.token()) {
    session.onSessionLost()
    notifyError(describeApiError(error))
  }
  return { response, error }
}
