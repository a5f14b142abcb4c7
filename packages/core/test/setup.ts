import { afterAll, beforeAll } from 'vitest'
import { assembleCore, type Core, type CoreConfig } from '../src/core.js'
import { SecretBox } from '../src/secrets/secret-box.js'
import { openTestDatabase, testBackends, type TestBackend, type TestDatabase } from '../src/testing/index.js'

export const backends: TestBackend[] = testBackends(process.env.TEST_DATABASE_URL)

/** Opens a fresh migrated database for the enclosing describe block and builds core on it. */
export function useCore(
  backend: TestBackend,
  options: Partial<Omit<CoreConfig, 'database'>> = {},
): () => Core {
  let database: TestDatabase | undefined
  let core: Core | undefined
  beforeAll(async () => {
    database = await openTestDatabase(backend, process.env.TEST_DATABASE_URL)
    core = await assembleCore(database.handle, { secretKey: SecretBox.generateKeyText(), ...options })
  })
  afterAll(async () => {
    await database?.destroy()
  })
  return () => {
    if (!core) throw new Error('core is not ready')
    return core
  }
}
