import { computed, onScopeDispose, ref, shallowRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { api, inlineErrors } from '@/api/client'
import { describeApiError } from '@/api/errors'
import { notifyError, notifyInfo } from '@/api/notify'
import { confirmAction } from '@/utils/confirm'
import { isFinished } from './job-labels'
import { followJob } from './job-stream'
import type { Job } from './job-types'

export interface JobProgressOptions {
  /** Called once when the followed job has finished (completed, cancelled or failed). */
  onFinished?: (job: Job) => void
  /** Called on every new state of the job. */
  onUpdate?: (job: Job) => void
}

/** A job as it runs: followed live until it finishes, and cancelled on request. Stops with its component. */
export function useJobProgress(options: JobProgressOptions = {}) {
  const { t } = useI18n()
  const job = shallowRef<Job | null>(null)
  const cancelling = ref(false)
  const finished = computed(() => job.value !== null && isFinished(job.value.state))
  let controller: AbortController | null = null

  // Answers can cross (a cancel reply, a late event): never go back to an older state.
  function show(next: Job): void {
    const current = job.value
    if (current && current.id === next.id && next.updatedAt < current.updatedAt) return
    job.value = next
    options.onUpdate?.(next)
  }

  function stop(): void {
    controller?.abort()
    controller = null
  }

  /** Stops following and forgets the job. */
  function clear(): void {
    stop()
    job.value = null
  }

  /** Shows `start` and follows it until it finishes. */
  function follow(start: Job): void {
    stop()
    job.value = start
    if (isFinished(start.state)) return
    const current = new AbortController()
    controller = current
    void followJob(start.id, {
      signal: current.signal,
      onUpdate: (next) => {
        if (controller === current) show(next)
      },
    }).then((end) => {
      if (!end || controller !== current) return
      controller = null
      options.onFinished?.(job.value && isFinished(job.value.state) ? job.value : end)
    })
  }

  /** Asks the server to stop the job after confirmation; the stream then reports it cancelled. */
  async function cancel(): Promise<void> {
    const current = job.value
    if (!current || isFinished(current.state)) return
    if (!(await confirmAction(t('jobs.confirm.cancel')))) return
    cancelling.value = true
    const { data, error } = await api.POST('/api/v1/jobs/{id}/cancel', {
      params: { path: { id: current.id } },
      middleware: [inlineErrors],
    })
    cancelling.value = false
    if (data) show(data)
    else if (error.code === 'JOB_FINISHED') notifyInfo(describeApiError(error))
    else notifyError(describeApiError(error))
  }

  onScopeDispose(stop)

  return { job, finished, cancelling, follow, stop, clear, cancel }
}
