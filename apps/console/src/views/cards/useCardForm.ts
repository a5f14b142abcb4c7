import type { Schemas } from '@simops/api-client'
import type { FormItemRule, FormRules } from 'element-plus'
import { computed, reactive, ref, watch, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { api } from '@/api/client'
import { useCarriersStore } from '@/stores/carriers'
import type { CardType } from './card-labels'
import { useCardValidation } from './useCardValidation'

type Card = Schemas['Card']
type Platform = Schemas['Platform']

// Mirror the API's CreateCard / UpdateCard limits so most mistakes are caught before a round trip.
export const DESCRIPTION_MAX = 200
export const TAGS_MAX = 20
const TAG_MAX_LENGTH = 32
const IMSI_PATTERN = /^\d{15}$/
const IMEI_PATTERN = /^\d{14,16}$/

export interface CardFormValues {
  number: string
  iccid: string
  carrierId: string
  platformId: string
  type: CardType | ''
  description: string
  imsi: string
  imei: string
  expiresOn: string
  tags: string[]
}

function valuesOf(card: Card | null): CardFormValues {
  return {
    number: card?.number ?? '',
    iccid: card?.iccid ?? '',
    carrierId: card?.carrierId ?? '',
    platformId: card?.platform.id ?? '',
    type: card?.type ?? '',
    description: card?.description ?? '',
    imsi: card?.imsi ?? '',
    imei: card?.imei ?? '',
    expiresOn: card?.expiresOn ?? '',
    tags: [...(card?.tags ?? [])],
  }
}

const sameTags = (a: string[], b: string[]): boolean => a.join('\n') === b.join('\n')

/** The add/edit card form: values, rules, platform choices and (when adding) live validation. */
export function useCardForm(card: Ref<Card | null>) {
  const { t } = useI18n()
  const carriers = useCarriersStore()
  const form = reactive<CardFormValues>(valuesOf(null))
  const platforms = ref<Platform[]>([])
  const editing = computed(() => card.value !== null)
  // Once the user picks a carrier, the ICCID no longer chooses it for them.
  const carrierTouched = ref(false)
  const validation = useCardValidation(() => form)

  const rules = computed<FormRules>(() => {
    const required = (key: string, trigger = 'blur'): FormItemRule => ({
      required: true,
      message: t(`cards.form.${key}`),
      trigger,
    })
    const max64 = { max: 64, message: t('cards.form.max64'), trigger: 'blur' }
    const pattern = (regex: RegExp, key: string): FormItemRule => ({
      pattern: regex,
      message: t(`cards.form.${key}`),
      trigger: 'blur',
    })
    const tags: FormItemRule = {
      validator: (_rule, value: string[], callback) => {
        if (value.length > TAGS_MAX) return callback(new Error(t('cards.form.tagsMax', { max: TAGS_MAX })))
        const long = value.find((tag) => tag.length > TAG_MAX_LENGTH)
        if (long) return callback(new Error(t('cards.form.tagLength', { max: TAG_MAX_LENGTH })))
        callback()
      },
      trigger: 'change',
    }
    return {
      ...(editing.value
        ? {}
        : {
            number: [required('numberRequired'), max64],
            iccid: [required('iccidRequired'), max64],
            carrierId: [required('carrierRequired', 'change')],
          }),
      platformId: [required('platformRequired', 'change')],
      type: [required('typeRequired', 'change')],
      description: [{ max: DESCRIPTION_MAX, message: t('cards.form.descriptionLength'), trigger: 'blur' }],
      imsi: [pattern(IMSI_PATTERN, 'imsiPattern')],
      imei: [pattern(IMEI_PATTERN, 'imeiPattern')],
      tags: [tags],
    }
  })

  let platformRequest = 0
  async function loadPlatforms(carrierId: string): Promise<void> {
    const request = ++platformRequest
    platforms.value = []
    if (!carrierId) return
    // New cards need an enabled platform; an edit may stay on its (perhaps disabled) one.
    const state = editing.value ? undefined : 'enabled'
    const { data } = await api.GET('/api/v1/platforms', {
      params: { query: { carrierId, state, pageSize: 200 } },
    })
    if (request !== platformRequest) return
    platforms.value = data?.items ?? []
    // One choice is no choice: take it.
    const only = platforms.value.length === 1 ? platforms.value[0] : undefined
    if (!editing.value && !form.platformId && only) form.platformId = only.id
  }

  const platformSelectable = (platform: Platform): boolean =>
    platform.state === 'enabled' || platform.id === card.value?.platform.id

  function reset(): void {
    Object.assign(form, valuesOf(card.value))
    carrierTouched.value = false
    validation.reset()
    void carriers.load()
    void loadPlatforms(form.carrierId)
  }

  function pickCarrier(carrierId: string): void {
    carrierTouched.value = true
    if (carrierId === form.carrierId) return
    form.carrierId = carrierId
    form.platformId = ''
    void loadPlatforms(carrierId)
  }

  // The ICCID's prefix names its carrier: pre-select it until the user chooses otherwise.
  watch(validation.check, () => {
    const detected = validation.detectedCarrier()
    if (editing.value || carrierTouched.value || !detected || detected.carrierId === form.carrierId) return
    if (!carriers.find(detected.carrierId)) return
    form.carrierId = detected.carrierId
    form.platformId = ''
    void loadPlatforms(detected.carrierId)
  })

  // The platform decides whether the ICCID's carrier fits: check again whenever it changes.
  watch(
    () => form.platformId,
    (platformId) => {
      if (!editing.value && platformId) void validation.run()
    },
  )

  function createBody(): Schemas['CreateCard'] {
    const optional = (value: string) => value.trim() || undefined
    return {
      number: form.number.trim(),
      iccid: form.iccid.trim(),
      platformId: form.platformId,
      type: form.type as CardType,
      description: optional(form.description),
      imsi: optional(form.imsi),
      imei: optional(form.imei),
      expiresOn: form.expiresOn || undefined,
      tags: form.tags.length > 0 ? form.tags : undefined,
    }
  }

  /** What an edit changed, as the PATCH body; null when nothing did. */
  function updateBody(current: Card): Schemas['UpdateCard'] | null {
    const body: Schemas['UpdateCard'] = {}
    const nullable = (value: string) => value.trim() || null
    if (form.description.trim() !== current.description) body.description = form.description.trim()
    if (form.type && form.type !== current.type) body.type = form.type
    if (!sameTags(form.tags, current.tags)) body.tags = form.tags
    if ((form.expiresOn || null) !== current.expiresOn) body.expiresOn = form.expiresOn || null
    if (nullable(form.imsi) !== current.imsi) body.imsi = nullable(form.imsi)
    if (nullable(form.imei) !== current.imei) body.imei = nullable(form.imei)
    if (form.platformId !== current.platform.id) body.platformId = form.platformId
    return Object.keys(body).length > 0 ? body : null
  }

  return {
    form,
    rules,
    editing,
    carriers,
    platforms,
    platformSelectable,
    validation,
    reset,
    pickCarrier,
    createBody,
    updateBody,
  }
}
