/**
 * Writes apps/api/openapi.json from the route schemas. The file is committed; CI regenerates it and
 * fails if it differs, so the published contract can never drift from the code.
 */
import { writeFile } from 'node:fs/promises'
import { createCore, SecretBox } from '@simops/core'
import { buildApp } from '../src/app.js'

const core = await createCore({ database: { kind: 'embedded' }, secretKey: SecretBox.generateKeyText() })
try {
  const app = await buildApp({ core, logger: false })
  await app.ready()
  const document = app.swagger()
  await writeFile(new URL('../openapi.json', import.meta.url), `${JSON.stringify(document, null, 2)}\n`)
  await app.close()
  console.log('wrote apps/api/openapi.json')
} finally {
  await core.close()
}
