import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.js'
import type { SecretBox } from './secret-box.js'

const KEY_CHECK_SETTING = 'secret_key_check'
const KEY_CHECK_PLAINTEXT = 'simops secret key check'

export class SecretKeyMismatchError extends Error {
  constructor() {
    super(
      'SIMOPS_SECRET_KEY is not the key this database was set up with: stored carrier credentials could not be decrypted. ' +
        'Start with the original key (see the secret.key file in the data directory, or your secret store).',
    )
    this.name = 'SecretKeyMismatchError'
  }
}

/**
 * Records a value sealed with the key on first start and checks it on every later start, so a lost
 * or changed key stops the server with a clear message instead of failing each carrier call later.
 */
export async function verifySecretKey(db: Kysely<Database>, box: SecretBox): Promise<void> {
  const stored = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', KEY_CHECK_SETTING)
    .executeTakeFirst()
  if (!stored) {
    await db
      .insertInto('settings')
      .values({ key: KEY_CHECK_SETTING, value: box.seal(KEY_CHECK_PLAINTEXT) })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute()
    return
  }
  let opened: string | undefined
  try {
    opened = box.open(stored.value)
  } catch {
    opened = undefined
  }
  if (opened !== KEY_CHECK_PLAINTEXT) throw new SecretKeyMismatchError()
}
