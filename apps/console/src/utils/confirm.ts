import { ElMessageBox } from 'element-plus'
import 'element-plus/es/components/message-box/style/css'
import { i18n } from '@/locales'

export interface ConfirmOptions {
  title?: string
  /** An irreversible action: a red confirm button and an error icon. */
  danger?: boolean
  confirmText?: string
}

/** Asks before a consequential action; resolves to whether the user agreed. */
export async function confirmAction(message: string, options: ConfirmOptions = {}): Promise<boolean> {
  const { t } = i18n.global
  try {
    await ElMessageBox.confirm(message, options.title ?? t('common.confirmTitle'), {
      type: options.danger ? 'error' : 'warning',
      confirmButtonText: options.confirmText ?? t('common.actions.confirm'),
      cancelButtonText: t('common.actions.cancel'),
      confirmButtonType: options.danger ? 'danger' : 'primary',
    })
    return true
  } catch {
    return false
  }
}
