import { readFile } from 'node:fs/promises'
import { expect, it } from 'vitest'
import { renderSchema, schemaFile } from '../scripts/render-schema.js'

it('src/schema.d.ts matches apps/api/openapi.json (run `pnpm generate` after changing the API)', async () => {
  expect(await readFile(schemaFile, 'utf8')).toBe(await renderSchema())
})
