import { defineConfig, mergeConfig } from 'vitest/config'
import viteConfig from './vite.config.js'

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      environment: 'happy-dom',
      // Relative API URLs resolve against this origin, as they would in the browser.
      environmentOptions: { happyDOM: { url: 'http://localhost:3000/' } },
      include: ['src/**/*.test.ts', 'test/unit/**/*.test.ts'],
      // Element Plus modules import their CSS; let Vite transform them instead of Node loading them.
      server: { deps: { inline: ['element-plus'] } },
      setupFiles: ['test/unit/setup.ts'],
      // A test's first mount loads the route, locale and Element Plus modules, which on a busy
      // two-core machine takes longer than Vitest's default 5 s; `eventually` alone may wait 5 s.
      testTimeout: 20_000,
      restoreMocks: true,
      unstubGlobals: true,
    },
  }),
)
