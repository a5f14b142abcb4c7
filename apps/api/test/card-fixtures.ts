import { CarrierRegistry } from '@simops/core'
import { referenceCarrier, type ReferenceSimulator } from '@simops/carrier-testkit/reference'
import { luhnCheckDigit } from '@simops/carrier-testkit'
import type { Harness } from './harness.js'

export const referenceRegistry = new CarrierRegistry()
referenceRegistry.register(referenceCarrier, '@simops/carrier-testkit/reference', '1.1.0')

/** A well-formed reference-carrier ICCID (prefix 8999) with a valid check digit. */
export function referenceIccid(serial: number): string {
  const body = `8999${String(serial).padStart(15, '0')}`
  return `${body}${luhnCheckDigit(body)}`
}

export function cardNumber(serial: number): string {
  return `1064${String(serial).padStart(9, '0')}`
}

export async function createPlatform(
  h: Harness,
  simulator: ReferenceSimulator,
  name: string,
  state: 'enabled' | 'disabled' = 'enabled',
): Promise<string> {
  const response = await h.request({
    method: 'POST',
    url: '/api/v1/platforms',
    token: await h.adminToken(),
    payload: {
      carrierId: 'reference',
      name,
      config: { baseUrl: simulator.url, apiKey: simulator.apiKey },
      state,
    },
  })
  if (response.statusCode !== 201) throw new Error(response.body)
  return response.json<{ id: string }>().id
}

export async function createCard(
  h: Harness,
  token: string,
  payload: Record<string, unknown>,
): Promise<{ id: string } & Record<string, unknown>> {
  const response = await h.request({ method: 'POST', url: '/api/v1/cards', token, payload })
  if (response.statusCode !== 201) throw new Error(`${response.statusCode} ${response.body}`)
  return response.json()
}
