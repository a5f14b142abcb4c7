import type { Schemas } from '@simops/api-client'
import type { DeviceState } from './device-query'

type Device = Schemas['Device']

/** What the device dialog edits; `registeredAt` null means "now" when creating. */
export interface DeviceForm {
  id: string
  name: string
  product: string
  state: DeviceState
  registeredAt: Date | null
}

/** The POST body for a new device: an empty product or time is left to the server. */
export function newDevice(form: DeviceForm): Schemas['CreateDevice'] {
  const product = form.product.trim()
  return {
    id: form.id.trim(),
    name: form.name.trim(),
    state: form.state,
    ...(product ? { product } : {}),
    ...(form.registeredAt ? { registeredAt: form.registeredAt.toISOString() } : {}),
  }
}

/** The PATCH body for what an edit changed (an emptied product clears it); null when nothing did. */
export function deviceChanges(device: Device, form: DeviceForm): Schemas['UpdateDevice'] | null {
  const changes: Schemas['UpdateDevice'] = {}
  const name = form.name.trim()
  const product = form.product.trim()
  if (name !== device.name) changes.name = name
  if (product !== (device.product ?? '')) changes.product = product || null
  if (form.state !== device.state) changes.state = form.state
  if (form.registeredAt && form.registeredAt.getTime() !== new Date(device.registeredAt).getTime())
    changes.registeredAt = form.registeredAt.toISOString()
  return Object.keys(changes).length > 0 ? changes : null
}
