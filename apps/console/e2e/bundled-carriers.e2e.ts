import { startCtwingSimulator } from '@simops/carrier-ctwing/simulator'
import { startOneLinkSimulator } from '@simops/carrier-onelink/simulator'
import { startUnicomSimulator } from '@simops/carrier-unicom/simulator'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { assertConsoleBuilt, haveChromium, launchBrowser, logIn, screenshot } from './browser.js'
import { startServer, type RunningServer } from './server.js'

const ADMIN_PASSWORD = 'e2e-admin-pass-3'

interface CarrierUnderTest {
  id: string
  config: Record<string, unknown>
  close(): Promise<void>
}

/** Each bundled carrier's simulator, with the config the console must be given to reach it. */
async function startSimulators(): Promise<CarrierUnderTest[]> {
  const onelink = await startOneLinkSimulator()
  const unicom = await startUnicomSimulator()
  const ctwing = await startCtwingSimulator()
  return [
    { id: 'onelink', config: { ...onelink.handle().config }, close: () => onelink.close() },
    { id: 'unicom', config: { ...unicom.handle().config }, close: () => unicom.close() },
    { id: 'ctwing', config: { ...ctwing.handle('legacy').config }, close: () => ctwing.close() },
  ]
}

describe.skipIf(!haveChromium)('bundled carriers from the console', () => {
  let server: RunningServer
  let carriers: CarrierUnderTest[] = []
  let browser: Browser
  let page: Page

  beforeAll(async () => {
    assertConsoleBuilt()
    ;[server, carriers] = await Promise.all([startServer(ADMIN_PASSWORD), startSimulators()])
    ;({ browser, page } = await launchBrowser())
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    for (const carrier of carriers) await carrier.close()
  })

  /** Types each value into the form field the carrier's schema renders for it; defaults are left as shown. */
  async function fillConfig(config: Record<string, unknown>): Promise<void> {
    for (const [name, value] of Object.entries(config)) {
      const item = page.locator(`.schema-form [data-field="${name}"]`)
      const isSelect = (await item.locator('.el-select').count()) > 0
      if (isSelect) {
        // Enumerations start at the schema's default, which is what the simulator config uses here.
        expect(await item.innerText(), name).not.toBe('')
        continue
      }
      await item.locator('input').fill(String(value))
    }
  }

  it('adds a platform for each carrier with its simulator address and passes the connection test', async () => {
    await logIn(page, server.baseUrl, 'admin', ADMIN_PASSWORD)
    for (const carrier of carriers) {
      await page.goto(`${server.baseUrl}/platforms/new`)
      await page.locator(`.carrier-option[data-carrier="${carrier.id}"]`).click()
      await page.locator('input[name="name"]').fill(`${carrier.id} 模拟器`)
      await fillConfig(carrier.config)
      await page.locator('[data-test="platform-save"]').click()
      await page.waitForURL(/\/platforms\/[0-9a-f-]{36}\?created=1$/)
      await page.locator('[data-test="platform-offer-test"]').click()
      const result = page.locator('.platform-test-result')
      await result.and(page.locator('.is-ok, .is-failed')).waitFor()
      expect(await result.innerText(), carrier.id).toContain('连接成功')
      await screenshot(page, `platform-${carrier.id}`)
    }
  })
})
