import { writeFile } from 'node:fs/promises'
import { renderSchema, schemaFile } from './render-schema.js'

await writeFile(schemaFile, await renderSchema())
console.log('wrote packages/api-client/src/schema.d.ts')
