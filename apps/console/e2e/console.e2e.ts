import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { assertConsoleBuilt, haveChromium, launchBrowser, screenshot as saveScreenshot } from './browser.js'
import { startServer, type RunningServer } from './server.js'

const ADMIN_PASSWORD = 'e2e-admin-pass-1'

describe.skipIf(!haveChromium)('console end to end', () => {
  let server: RunningServer
  let browser: Browser
  let page: Page

  beforeAll(async () => {
    assertConsoleBuilt()
    server = await startServer(ADMIN_PASSWORD)
    ;({ browser, page } = await launchBrowser())
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  const screenshot = (name: string): Promise<void> => saveScreenshot(page, name)

  it('serves the console and its assets without credentials', async () => {
    const index = await fetch(`${server.baseUrl}/users`)
    expect(index.status).toBe(200)
    const html = await index.text()
    const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => match[1])
    expect(assets.length).toBeGreaterThan(0)
    for (const asset of assets) {
      const response = await fetch(`${server.baseUrl}${asset}`)
      expect(
        response.status,
        `GET ${asset} must be public: the browser sends no bearer token for scripts`,
      ).toBe(200)
    }
  })

  it('logs in, creates a user, finds it in the audit log, switches language and logs out', async () => {
    await page.goto(`${server.baseUrl}/`)
    await page.waitForURL(/\/login/)
    await page.getByText('物联卡管理平台').waitFor()

    await page.locator('input[name="username"]').fill('admin')
    await page.locator('input[name="password"]').fill(ADMIN_PASSWORD)
    await page.locator('input[name="password"]').press('Enter')

    // The first page of the menu is the landing page.
    await page.waitForURL(/\/cards$/)
    const menu = page.locator('.side-menu')
    await menu.getByText('物联卡管理').waitFor()
    await menu.getByText('充值管理').waitFor()
    await menu.getByText('平台接入').waitFor()
    await menu.getByText('操作记录').waitFor()
    await menu.getByText('用户管理').waitFor()
    expect(await menu.getByText('仪表盘').count()).toBe(0)

    await menu.getByText('用户管理').click()
    await page.waitForURL(/\/users$/)
    await page.locator('[data-test="create-user"]').click()
    const dialog = page.locator('.user-form-dialog')
    await dialog.locator('input[name="username"]').fill('e2e-operator')
    await dialog.locator('input[name="displayName"]').fill('端到端测试')
    await dialog.getByText('操作员').click()
    await dialog.locator('input[name="password"]').fill('e2e-user-pass-1')
    await dialog.locator('input[name="confirmPassword"]').fill('e2e-user-pass-1')
    await dialog.locator('[data-test="user-form-submit"]').click()
    await page.locator('.user-table').getByText('e2e-operator').waitFor()
    await screenshot('users')

    await menu.getByText('操作记录').click()
    await page.waitForURL(/\/operations$/)
    const createRow = page
      .locator('.operation-table tr', { hasText: '创建用户' })
      .filter({ hasText: 'e2e-operator' })
    await createRow.first().waitFor()
    expect(await createRow.first().innerText()).toContain('成功')
    await screenshot('operations')

    await page.locator('.app-header .language-switch').click()
    await page.locator('.el-dropdown-menu [data-locale="en"]').click()
    await menu.getByText('Operation records').waitFor()
    await menu.getByText('Users').waitFor()
    expect(await page.locator('html').getAttribute('lang')).toBe('en')
    await screenshot('operations-en')

    await page.locator('.user-menu').click()
    await page.locator('.el-dropdown-menu [data-command="logout"]').click()
    await page.waitForURL(/\/login/)
    await page.getByText('IoT SIM management').waitFor()
    await screenshot('login')
  })
})
