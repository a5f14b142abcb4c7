import { readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { PluginImporter } from '@simops/core'

/** The version of the package a module file belongs to: the nearest package.json with that name. */
async function packageVersion(packageName: string, entryUrl: string): Promise<string> {
  const rootName = packageName.startsWith('@')
    ? packageName.split('/').slice(0, 2).join('/')
    : (packageName.split('/')[0] ?? packageName)
  let dir = dirname(fileURLToPath(entryUrl))
  for (;;) {
    try {
      const manifest = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as {
        name?: string
        version?: string
      }
      if (manifest.name === rootName) return manifest.version ?? '0.0.0'
    } catch {
      // No package.json here; keep walking up.
    }
    const parent = dirname(dir)
    if (parent === dir) return 'unknown'
    dir = parent
  }
}

/** Imports a carrier plugin by package name, resolved from this application's dependencies. */
export const importPlugin: PluginImporter = async (packageName) => {
  const entryUrl = import.meta.resolve(packageName)
  const module: unknown = await import(entryUrl)
  return { module, version: await packageVersion(packageName, entryUrl) }
}
