import type { ApiError } from '@simops/api-client'
import { reactive } from 'vue'
import { describeApiError, fieldErrorsOf } from '@/api/errors'
import { notifyError } from '@/api/notify'

/**
 * Server-side errors for a form's fields, bound to `<el-form-item :error="errors.field">`.
 * An error naming none of the form's fields is shown as a toast instead.
 */
export function useFieldErrors<Field extends string>(fields: readonly Field[]) {
  const errors = reactive<Record<string, string>>(Object.fromEntries(fields.map((field) => [field, ''])))

  function clear(): void {
    for (const field of fields) errors[field] = ''
  }

  function show(error: ApiError): void {
    clear()
    let placed = false
    for (const [field, message] of fieldErrorsOf(error)) {
      if ((fields as readonly string[]).includes(field)) {
        errors[field] = message
        placed = true
      }
    }
    if (!placed) notifyError(describeApiError(error))
  }

  return { errors: errors as Record<Field, string>, clear, show }
}
