/** Version of the HTTP API contract (the `/api/v1` surface), published in the OpenAPI document. */
export const API_VERSION = '0.1.0'
