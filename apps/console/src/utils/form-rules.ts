import type { FormItemRule } from 'element-plus'
import { i18n } from '@/locales'

// Mirror the API's CreateUser / SetPassword schemas so most mistakes are caught before a round trip.
const USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/
const PASSWORD_MIN = 8
const PASSWORD_MAX = 128

const t = (key: string): string => i18n.global.t(key)

export function usernameRules(): FormItemRule[] {
  return [
    { required: true, message: t('users.form.usernameRequired'), trigger: 'blur' },
    { min: 3, max: 64, message: t('users.form.usernameLength'), trigger: 'blur' },
    { pattern: USERNAME_PATTERN, message: t('users.form.usernamePattern'), trigger: 'blur' },
  ]
}

export function newPasswordRules(): FormItemRule[] {
  return [
    { required: true, message: t('auth.password.required'), trigger: 'blur' },
    { min: PASSWORD_MIN, max: PASSWORD_MAX, message: t('auth.password.length'), trigger: 'blur' },
  ]
}

/** The "type it again" field: must equal what `password()` currently returns. */
export function confirmPasswordRules(password: () => string): FormItemRule[] {
  return [
    { required: true, message: t('auth.password.confirmRequired'), trigger: 'blur' },
    {
      validator: (_rule, value: unknown, callback) =>
        value === password() ? callback() : callback(new Error(t('auth.password.mismatch'))),
      trigger: 'blur',
    },
  ]
}
