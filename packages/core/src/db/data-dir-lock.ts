import { open, readFile, rm } from 'node:fs/promises'

/**
 * PGlite keeps a data directory open in one process only; a second process opening it would corrupt
 * it. A lock file beside the directory, holding the owner's pid, turns that into a clear error.
 */
export class DataDirInUseError extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `The embedded database in ${dataDir} is in use by process ${pid}; stop it first or use DATABASE_URL`,
    )
    this.name = 'DataDirInUseError'
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM means the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const lockFile = `${dataDir}.lock`
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lockFile, 'wx')
      await handle.writeFile(String(process.pid))
      await handle.close()
      return () => rm(lockFile, { force: true })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const owner = Number((await readFile(lockFile, 'utf8').catch(() => '')).trim())
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isAlive(owner))
        throw new DataDirInUseError(dataDir, owner)
      if (owner === process.pid) throw new DataDirInUseError(dataDir, owner)
      // The owner died without cleaning up: the lock is stale.
      await rm(lockFile, { force: true })
    }
  }
  throw new Error(`Could not lock ${dataDir}`)
}
