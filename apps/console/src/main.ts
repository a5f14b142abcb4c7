import { createApp } from 'vue'
import { createWebHistory } from 'vue-router'
import App from './App.vue'
import { createConsolePlugins } from './app'
import './styles/base.css'

async function start(): Promise<void> {
  const { plugins } = await createConsolePlugins(createWebHistory(import.meta.env.BASE_URL))
  const app = createApp(App)
  for (const plugin of plugins) app.use(plugin)
  app.mount('#app')
}

void start()
