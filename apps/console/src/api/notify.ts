import { ElMessage } from 'element-plus'
import 'element-plus/es/components/message/style/css'

export function notifyError(message: string): void {
  ElMessage({ type: 'error', message, grouping: true, showClose: true })
}

export function notifySuccess(message: string): void {
  ElMessage({ type: 'success', message, grouping: true })
}

export function notifyInfo(message: string): void {
  ElMessage({ type: 'info', message, grouping: true })
}
