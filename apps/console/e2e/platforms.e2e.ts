import { startReferenceSimulator, type ReferenceSimulator } from '@simops/carrier-testkit/reference'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { assertConsoleBuilt, haveChromium, launchBrowser, logIn, screenshot } from './browser.js'
import { startServer, type RunningServer } from './server.js'

const ADMIN_PASSWORD = 'e2e-admin-pass-2'
const PLATFORM_NAME = '端到端参考平台'

describe.skipIf(!haveChromium)('platform access end to end', () => {
  let server: RunningServer
  let simulator: ReferenceSimulator
  let browser: Browser
  let page: Page

  beforeAll(async () => {
    assertConsoleBuilt()
    // The server loads the reference carrier plugin by default; its simulator runs here, in the test.
    ;[server, simulator] = await Promise.all([startServer(ADMIN_PASSWORD), startReferenceSimulator()])
    ;({ browser, page } = await launchBrowser())
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    await simulator?.close()
  })

  /** The input of the config form's field labelled `label`. */
  const field = (label: string) =>
    page.locator('.schema-form .el-form-item').filter({ hasText: label }).locator('input')

  async function confirmDialog(): Promise<void> {
    const box = page.locator('.el-message-box')
    await box.waitFor()
    await box.locator('.el-button--primary').click()
    await box.waitFor({ state: 'hidden' })
  }

  it('adds a reference platform, tests it, breaks its key, then disables and deletes it', async () => {
    await logIn(page, server.baseUrl, 'admin', ADMIN_PASSWORD)
    await page.locator('.side-menu').getByText('平台接入').click()
    await page.waitForURL(/\/platforms$/)

    await page.locator('[data-test="create-platform"]').click()
    await page.waitForURL(/\/platforms\/new$/)
    const reference = page.locator('.carrier-option[data-carrier="reference"]')
    expect(await reference.innerText()).toContain('参考运营商（测试）')
    await screenshot(page, 'platform-picker')
    await reference.click()

    await page.locator('input[name="name"]').fill(PLATFORM_NAME)
    await page.locator('textarea[name="description"]').fill('连接本地参考运营商模拟器')
    await field('接口地址').fill(simulator.url)
    await field('API 密钥').fill(simulator.apiKey)
    await page.locator('.platform-help').getByText('模拟器启动时给出的密钥', { exact: false }).waitFor()
    await screenshot(page, 'platform-new')
    await page.locator('[data-test="platform-save"]').click()

    await page.waitForURL(/\/platforms\/[0-9a-f-]{36}\?created=1$/)
    await page.locator('[data-test="platform-offer-test"]').click()
    const result = page.locator('.platform-test-result')
    await result.and(page.locator('.is-ok')).waitFor()
    expect(await result.innerText()).toContain('连接成功')
    await screenshot(page, 'platform-detail')

    // A wrong key: saving sends only the new secret; the test now fails with the carrier's reason.
    const apiKey = field('API 密钥')
    expect(await apiKey.getAttribute('placeholder')).toBe('已设置，留空则保持不变')
    await apiKey.fill('wrong-key')
    await page.locator('[data-test="platform-save"]').click()
    await page.locator('.el-message--success').filter({ hasText: '平台已保存' }).waitFor()
    await page.locator('.platform-detail-actions [data-test="platform-test"]').click()
    await result.and(page.locator('.is-failed')).waitFor()
    const failure = await result.innerText()
    expect(failure).toContain('连接失败')
    expect(failure).toContain('运营商拒绝了凭证')
    await screenshot(page, 'platform-detail-failed')

    await page.locator('.side-menu').getByText('平台接入').click()
    await page.waitForURL(/\/platforms$/)
    const row = page.locator('.platform-table .el-table__body-wrapper tr').filter({ hasText: PLATFORM_NAME })
    await row.waitFor()
    expect(await row.innerText()).toContain('失败')
    expect(await row.locator('[data-test="platform-delete"]').isDisabled()).toBe(true)
    await screenshot(page, 'platforms')
    await page.locator('[data-test="view-cards"]').click()
    await page.locator('.platform-card').filter({ hasText: PLATFORM_NAME }).waitFor()
    await screenshot(page, 'platforms-cards')
    await page.locator('[data-test="view-table"]').click()

    await row.locator('[data-test="platform-toggle"]').click()
    await confirmDialog()
    await row.locator('.platform-state[data-state="disabled"]').waitFor()
    await row.locator('[data-test="platform-delete"]').click()
    await confirmDialog()
    await row.waitFor({ state: 'detached' })
    expect(await page.locator('.platform-table').innerText()).not.toContain(PLATFORM_NAME)
  })
})
