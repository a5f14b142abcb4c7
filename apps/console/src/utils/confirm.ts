import { ElMessageBox } from 'element-plus'
import 'element-plus/es/components/message-box/style/css'
import { i18n } from '@/locales'

/** Asks before a consequential action; resolves to whether the user agreed. */
export async function confirmAction(message: string): Promise<boolean> {
  const { t } = i18n.global
  try {
    await ElMessageBox.confirm(message, t('common.confirmTitle'), {
      type: 'warning',
      confirmButtonText: t('common.actions.confirm'),
      cancelButtonText: t('common.actions.cancel'),
    })
    return true
  } catch {
    return false
  }
}
