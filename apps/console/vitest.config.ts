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
      restoreMocks: true,
      unstubGlobals: true,
    },
  }),
)
