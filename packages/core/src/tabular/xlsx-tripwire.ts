import { rm } from 'node:fs/promises'

export interface Destroyable {
  destroy(): unknown
}

/**
 * Ends a read with the first error reported to it, even one from an error event nobody awaits:
 * every step of the read goes through `race`, which rejects as soon as the wire trips.
 */
export class Tripwire {
  private error: { reason: unknown } | undefined
  private rejectStep: ((reason: unknown) => void) | undefined

  trip(reason: unknown): void {
    this.error ??= { reason }
    this.rejectStep?.(reason)
  }

  // Not Promise.race against one long-lived promise: each race would leave a reaction on it, a
  // leak of a million closures over a million rows.
  race<T>(step: Promise<T>): Promise<T> {
    if (this.error) {
      step.catch(() => undefined)
      return Promise.reject(this.error.reason)
    }
    return new Promise<T>((resolve, reject) => {
      this.rejectStep = reject
      step.then(
        (value) => {
          this.rejectStep = undefined
          resolve(value)
        },
        (reason: unknown) => {
          this.rejectStep = undefined
          reject(reason)
        },
      )
    })
  }
}

export async function removeQuietly(paths: readonly string[]): Promise<void> {
  await Promise.all(paths.map((path) => rm(path, { force: true }).catch(() => undefined)))
}
