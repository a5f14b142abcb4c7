import { startOneLinkSimulator, type OneLinkSimulator } from '@simops/carrier-onelink/simulator'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { assertConsoleBuilt, haveChromium, launchBrowser, logIn, screenshot } from './browser.js'
import { startServer, type RunningServer } from './server.js'

const ADMIN_PASSWORD = 'e2e-admin-pass-4'

describe.skipIf(!haveChromium)('recharge end to end', () => {
  let server: RunningServer
  let simulator: OneLinkSimulator
  let browser: Browser
  let page: Page

  beforeAll(async () => {
    assertConsoleBuilt()
    // The server loads the OneLink plugin by default; its simulator (with its payment page) runs here.
    ;[server, simulator] = await Promise.all([
      startServer(ADMIN_PASSWORD),
      startOneLinkSimulator({ cards: 5 }),
    ])
    ;({ browser, page } = await launchBrowser())
    const login = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
    })
    const { token } = (await login.json()) as { token: string }
    const created = await fetch(`${server.baseUrl}/api/v1/platforms`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        carrierId: 'onelink',
        name: 'OneLink 充值 E2E',
        config: simulator.handle().config,
      }),
    })
    if (created.status !== 201) throw new Error(await created.text())
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    await simulator?.close()
  })

  it('recharges a OneLink account: payment page in a new tab, paid there, status followed in the list', async () => {
    await logIn(page, server.baseUrl, 'admin', ADMIN_PASSWORD)
    await page.locator('.side-menu').getByText('充值管理').click()
    await page.waitForURL(/\/recharges$/)
    expect(await page.locator('[data-test="recharge-banner"]').innerText()).toContain('以运营商为准')

    await page.locator('[data-test="create-recharge"]').click()
    const dialog = page.locator('.el-dialog').filter({ has: page.locator('[data-test="recharge-submit"]') })
    await expect
      .poll(() => dialog.locator('[data-test="recharge-platform"]').innerText())
      .toContain('OneLink 充值 E2E')
    await dialog.locator('input[name="accountId"]').fill('acct-1')
    await dialog.locator('input[name="amount"]').fill('12.5')
    await dialog.locator('[data-test="recharge-payment-method"]').getByText('微信扫码支付').click()
    await screenshot(page, 'recharge-new')

    // The payment URL opens in a new tab: the simulator's payment page, where the payer pays.
    const [payment] = await Promise.all([
      page.context().waitForEvent('page'),
      dialog.locator('[data-test="recharge-submit"]').click(),
    ])
    await payment.waitForLoadState()
    expect(await payment.locator('body').innerText()).toContain('12.50')
    await payment.getByText('支付成功').click()
    await payment.getByText('状态：支付成功').waitFor()
    await payment.close()

    const row = page.locator('.el-table__row').filter({ hasText: 'acct-1' })
    await row.getByText('待支付').waitFor()
    expect(await row.innerText()).toContain('12.50')
    await row.locator('[data-test="recharge-refresh"]').click()
    await row.getByText('已支付').waitFor()
    await screenshot(page, 'recharge-list')

    // Both the order and its settlement are in the records.
    await page.goto(`${server.baseUrl}/operations`)
    const records = page.locator('.el-table__body-wrapper')
    await records.getByText('充值状态更新').waitFor()
    expect(await records.innerText()).toContain('充值订单')
  })
})
