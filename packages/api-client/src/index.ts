import createClient, { type Client, type ClientOptions, type Middleware } from 'openapi-fetch'
import type { components, operations, paths } from './schema.js'

export type { components, operations, paths }

/** Named schemas of the API (User, Error, ...). */
export type Schemas = components['schemas']
export type ApiError = Schemas['Error']
export type ApiClient = Client<paths>

export interface ApiClientOptions extends Omit<ClientOptions, 'baseUrl'> {
  /** Origin of the SimOps server; '' (the default) means the page's own origin. */
  baseUrl?: string
  /** Called before every request; return the bearer token (session token or API key), if any. */
  token?: () => string | undefined | null
  /** Extra middleware, e.g. to translate errors into notifications. */
  middleware?: Middleware[]
}

/** A typed client: `client.GET('/api/v1/users', { params: { query: { page: 1 } } })`. */
export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const { baseUrl = '', token, middleware = [], ...rest } = options
  const client = createClient<paths>({ baseUrl, ...rest })
  if (token) {
    client.use({
      onRequest({ request }) {
        const value = token()
        if (value) request.headers.set('authorization', `Bearer ${value}`)
        return request
      },
    })
  }
  for (const item of middleware) client.use(item)
  return client
}

/** True when a response body has the API's error shape. */
export function isApiError(value: unknown): value is ApiError {
  return typeof value === 'object' && value !== null && 'code' in value && 'message' in value
}
