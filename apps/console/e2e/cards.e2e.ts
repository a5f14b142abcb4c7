import { startReferenceSimulator, type ReferenceSimulator } from '@simops/carrier-testkit/reference'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { assertConsoleBuilt, haveChromium, launchBrowser, logIn, screenshot } from './browser.js'
import { adminToken, callApi, startServer, type RunningServer } from './server.js'

const ADMIN_PASSWORD = 'e2e-admin-pass-3'

describe.skipIf(!haveChromium)('card management end to end', () => {
  let server: RunningServer
  let simulator: ReferenceSimulator
  let browser: Browser
  let page: Page

  beforeAll(async () => {
    assertConsoleBuilt()
    // Changes apply at once on this simulator, so a sync right after 激活 sees the card active.
    ;[server, simulator] = await Promise.all([
      startServer(ADMIN_PASSWORD),
      startReferenceSimulator({ applyDelayMs: 0 }),
    ])
    ;({ browser, page } = await launchBrowser())
    const token = await adminToken(server, ADMIN_PASSWORD)
    await callApi(server, token, 'POST', '/platforms', {
      carrierId: 'reference',
      name: '参考平台 E2E',
      config: { baseUrl: simulator.url, apiKey: simulator.apiKey },
    })
    await callApi(server, token, 'PUT', '/devices', {
      devices: [
        { id: 'truck-e2e-001', name: '冷链车 E2E', product: 'T-BOX', state: 'online' },
        { id: 'meter-e2e-002', name: '电表 E2E', state: 'offline' },
      ],
    })
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    await simulator?.close()
  })

  async function confirmDialog(): Promise<void> {
    const box = page.locator('.el-message-box')
    await box.waitFor()
    await box.locator('.el-button--primary').click()
    await box.waitFor({ state: 'hidden' })
  }

  it('adds a card, syncs and activates it, binds a device, and finds every step in the records', async () => {
    const iccid = simulator.state.take('READY')
    const card = iccid ? simulator.state.card(iccid) : undefined
    if (!iccid || !card) throw new Error('the simulator has no ready card')

    await logIn(page, server.baseUrl, 'admin', ADMIN_PASSWORD)
    await page.waitForURL(/\/cards$/)

    // 新增: the ICCID's prefix picks the carrier and its only enabled platform.
    await page.locator('[data-test="create-card"]').click()
    const form = page.locator('.el-dialog').filter({ has: page.locator('[data-test="card-form-submit"]') })
    await form.locator('input[name="number"]').fill(card.msisdn)
    await form.locator('input[name="iccid"]').fill(iccid)
    await form.locator('input[name="iccid"]').blur()
    await form.locator('[data-test="card-form-detected"]').waitFor()
    await expect
      .poll(() => form.locator('[data-test="card-form-platform"]').innerText())
      .toContain('参考平台 E2E')
    await form.locator('[data-test="card-form-type"]').getByText('年卡').click()
    await form.locator('textarea[name="description"]').fill('端到端测试卡')
    await screenshot(page, 'card-new')
    await form.locator('[data-test="card-form-submit"]').click()
    await form.waitFor({ state: 'hidden' })

    const row = page.locator('.el-table__row').filter({ hasText: card.msisdn })
    await row.waitFor()
    expect(await row.innerText()).toContain('未同步')

    // 同步 reads the carrier's state; 激活 is offered because the carrier allows it from 待激活.
    await row.locator('[data-test="card-sync"]').click()
    await row.locator('.el-tag').getByText('待激活').waitFor()
    await row.locator('[data-test="card-activate"]').click()
    await confirmDialog()
    await row.locator('[data-test="card-sync"]').click()
    await row.locator('.el-tag').getByText('激活', { exact: true }).waitFor()
    await row.locator('[data-test="card-suspend"]').waitFor()
    expect(await row.locator('[data-test="card-activate"]').count()).toBe(0)

    // 绑定设备: only devices without a card are offered.
    await row.locator('[data-test="card-bind"]').click()
    const bind = page.locator('.el-dialog').filter({ has: page.locator('[data-test="bind-submit"]') })
    await bind.getByText('truck-e2e-001').click()
    await screenshot(page, 'card-bind')
    await bind.locator('[data-test="bind-submit"]').click()
    await bind.waitFor({ state: 'hidden' })
    await row.getByText('冷链车 E2E').waitFor()
    await screenshot(page, 'card-list')

    // The detail page: status, usage and the card's own history.
    await row.locator('[data-test="card-number"]').click()
    await page.waitForURL(/\/cards\/\d+$/)
    await page.locator('[data-test="card-sync-state"]').getByText('同步成功').waitFor()
    await screenshot(page, 'card-detail')

    // 操作记录, filtered by the card: every step, newest first, each with its result.
    await page.goto(`${server.baseUrl}/operations?card=${card.msisdn}`)
    const records = page.locator('.el-table__body-wrapper .el-table__row')
    await expect.poll(() => records.count()).toBeGreaterThanOrEqual(5)
    const text = await page.locator('.el-table__body-wrapper').innerText()
    for (const action of ['新增物联卡', '同步', '激活', '绑定设备']) expect(text).toContain(action)
    expect(text).toContain('成功')
    await screenshot(page, 'card-records')
  })
})
