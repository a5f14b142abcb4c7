import type { Schemas } from '@simops/api-client'
import { onBeforeUnmount, ref } from 'vue'
import { api, inlineErrors } from '@/api/client'
import { noteText } from './card-labels'

type Check = Schemas['CardIdentityCheck']
export type IdentityField = Check['notes'][number]['field']
export type Note = Check['notes'][number] & { text: string }

const DEBOUNCE_MS = 400

/**
 * Live check of a new card's number, ICCID and platform against `GET /cards/validate`: formats,
 * duplicates, the carrier the ICCID prefix belongs to. Typing is debounced; blur checks at once.
 * Only the latest answer counts.
 */
export function useCardValidation(input: () => { number: string; iccid: string; platformId: string }) {
  const check = ref<Check | null>(null)
  const checking = ref(false)
  let timer: ReturnType<typeof setTimeout> | undefined
  let latest = 0

  async function run(): Promise<void> {
    clearTimeout(timer)
    const { number, iccid, platformId } = input()
    const query = {
      number: number.trim() || undefined,
      iccid: iccid.trim() || undefined,
      platformId: platformId || undefined,
    }
    const request = ++latest
    if (!query.number && !query.iccid && !query.platformId) {
      check.value = null
      return
    }
    checking.value = true
    const { data } = await api.GET('/api/v1/cards/validate', {
      params: { query },
      middleware: [inlineErrors],
    })
    if (request !== latest) return
    checking.value = false
    check.value = data ?? null
  }

  function schedule(): void {
    clearTimeout(timer)
    timer = setTimeout(() => void run(), DEBOUNCE_MS)
  }

  function reset(): void {
    clearTimeout(timer)
    latest++
    check.value = null
    checking.value = false
  }

  /** The notes about one field, in the user's language, errors first. */
  function notesFor(field: IdentityField): Note[] {
    const order = { error: 0, warning: 1, info: 2 }
    return (check.value?.notes ?? [])
      .filter((note) => note.field === field)
      .map((note) => ({ ...note, text: noteText(note, check.value) }))
      .sort((a, b) => order[a.level] - order[b.level])
  }

  /** The carrier the ICCID's prefix names, when a plugin serves it. */
  function detectedCarrier(): { carrierId: string; prefix: string } | null {
    const carrier = check.value?.iccid?.carrier
    return carrier?.carrierId ? { carrierId: carrier.carrierId, prefix: carrier.prefix } : null
  }

  onBeforeUnmount(() => clearTimeout(timer))

  return { check, checking, run, schedule, reset, notesFor, detectedCarrier }
}
