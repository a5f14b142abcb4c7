/**
 * Misbehaviour on request, one request each, in the order injected: OneLink's own refusals
 * (`unauthorized`: 12021 on business calls and a credential refusal on the token call; `rateLimited`:
 * status 71), transport failures (`serverError`: HTTP 503; `malformedBody`: truncated JSON with 200;
 * `timeout`: no answer until the client gives up) and `latency` (answer normally after a pause).
 */
export const faultKinds = [
  'unauthorized',
  'rateLimited',
  'serverError',
  'timeout',
  'malformedBody',
  'latency',
] as const
export type FaultKind = (typeof faultKinds)[number]

export interface Fault {
  kind: FaultKind
  /** For `latency`: wall-clock milliseconds to wait before answering. */
  delayMs?: number
}
