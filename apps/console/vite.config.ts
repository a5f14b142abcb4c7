import { fileURLToPath, URL } from 'node:url'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'
import { defineConfig } from 'vite'

// The SimOps API the dev server forwards to; `simops start` listens on port 3000 by default.
const apiTarget = process.env.SIMOPS_API_URL ?? 'http://127.0.0.1:3000'

export default defineConfig({
  base: '/',
  plugins: [
    vue(),
    Components({
      // Element Plus components are imported on demand, with their CSS, where a template uses them.
      resolvers: [ElementPlusResolver({ importStyle: 'css' })],
      // Our own components are imported explicitly.
      dirs: [],
      dts: 'src/components.d.ts',
    }),
  ],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    proxy: {
      '/api': apiTarget,
      '/docs': apiTarget,
      '/openapi.json': apiTarget,
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
})
