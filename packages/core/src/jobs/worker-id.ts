import { randomUUID } from 'node:crypto'
import { hostname } from 'node:os'

/**
 * host:pid:random — so a restarted server can tell that a lease held on its own host belongs to a
 * process that no longer runs, and take the job over at once instead of after the lease expires.
 */
export function localWorkerId(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`
}

/** Whether a lease owner is a process of this host that has died (never this very worker). */
export function isDeadLocalWorker(owner: string, self: string): boolean {
  const [host, pidText] = owner.split(':')
  if (host !== hostname() || owner === self) return false
  const pid = Number(pidText)
  if (!Number.isInteger(pid) || pid <= 0) return false
  // Same pid, other worker: the pid was reused by this process after a restart (pid 1 in containers).
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return false
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'EPERM'
  }
}
