import { existsSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type Page } from 'playwright-core'

const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'
const resultsDir = fileURLToPath(new URL('../test-results/', import.meta.url))

/** Whether the browser tests can run here; on CI a missing Chromium is an error, elsewhere a loud skip. */
export const haveChromium = existsSync(chromiumPath)
export const consoleBuilt = existsSync(fileURLToPath(new URL('../dist/index.html', import.meta.url)))

if (!haveChromium) {
  if (process.env['CI']) {
    throw new Error(
      `Chromium not found at ${chromiumPath}: install it (apt-get install chromium) or set CHROMIUM_PATH.`,
    )
  }
  console.warn(
    `\n!!! SKIPPING the console end-to-end tests: no Chromium at ${chromiumPath}.\n` +
      '!!! Install it (apt-get install chromium) or set CHROMIUM_PATH to run them.\n',
  )
}

export function assertConsoleBuilt(): void {
  if (!consoleBuilt)
    throw new Error('apps/console/dist is missing: run `pnpm --filter @simops/console build` first.')
}

export async function launchBrowser(): Promise<{ browser: Browser; page: Page }> {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
  page.setDefaultTimeout(20_000)
  return { browser, page }
}

/** Saves a full-page screenshot as test-results/e2e-<name>.png, once passing toasts no longer hide the page. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const deadline = Date.now() + 10_000
  while ((await page.locator('.el-message').count()) > 0 && Date.now() < deadline)
    await page.waitForTimeout(200)
  await mkdir(resultsDir, { recursive: true })
  await page.screenshot({ path: `${resultsDir}e2e-${name}.png`, fullPage: true })
}

/** Signs in through the login page as `username`. */
export async function logIn(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/`)
  await page.waitForURL(/\/login/)
  await page.locator('input[name="username"]').fill(username)
  await page.locator('input[name="password"]').fill(password)
  await page.locator('input[name="password"]').press('Enter')
  await page.waitForURL((url) => !url.pathname.startsWith('/login'))
}
