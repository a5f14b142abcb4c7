import { readFile } from 'node:fs/promises'
import openapiTS, { astToString } from 'openapi-typescript'
import { format } from 'prettier'

export const openapiFile = new URL('../../../apps/api/openapi.json', import.meta.url)
export const schemaFile = new URL('../src/schema.d.ts', import.meta.url)

const banner = '// Generated from apps/api/openapi.json by `pnpm generate`; do not edit.\n'

/** The TypeScript types of the API document, formatted like the rest of the code. */
export async function renderSchema(): Promise<string> {
  const document = JSON.parse(await readFile(openapiFile, 'utf8')) as Parameters<typeof openapiTS>[0]
  const source = banner + astToString(await openapiTS(document))
  return format(source, { parser: 'typescript', semi: false, singleQuote: true, printWidth: 110 })
}
