import { readFile, writeFile, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startReferenceSimulator, type ReferenceSimulator } from '@simops/carrier-testkit/reference'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { assertConsoleBuilt, haveChromium, launchBrowser, logIn, screenshot } from './browser.js'
import { adminToken, callApi, startServer, type RunningServer } from './server.js'

const ADMIN_PASSWORD = 'e2e-admin-pass-bulk'
const PLATFORM_NAME = '参考平台 批量 E2E'
const TAG = 'e2e-bulk'
const CARD_COUNT = 3

/** Retries a reading until it matches; pages load slowly on a busy machine, so longer than Vitest's 1 s. */
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 30_000, interval: 200 })

describe.skipIf(!haveChromium)('bulk operations end to end', () => {
  let server: RunningServer
  let simulator: ReferenceSimulator
  let browser: Browser
  let page: Page
  let workDir: string

  beforeAll(async () => {
    assertConsoleBuilt()
    // Changes apply at once on this simulator, so a sync right after a change sees it.
    ;[server, simulator] = await Promise.all([
      startServer(ADMIN_PASSWORD),
      startReferenceSimulator({ applyDelayMs: 0 }),
    ])
    ;({ browser, page } = await launchBrowser())
    workDir = await mkdtemp(join(tmpdir(), 'simops-bulk-e2e-'))
    const token = await adminToken(server, ADMIN_PASSWORD)
    await callApi(server, token, 'POST', '/platforms', {
      carrierId: 'reference',
      name: PLATFORM_NAME,
      config: { baseUrl: simulator.url, apiKey: simulator.apiKey },
    })
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    await simulator?.close()
    if (workDir) await rm(workDir, { recursive: true, force: true })
  })

  /** Active cards the simulator holds: their numbers and ICCIDs, for the import file. */
  function activeCards(): { number: string; iccid: string }[] {
    return Array.from({ length: CARD_COUNT }, () => {
      const iccid = simulator.state.take('ACTIVE')
      const card = iccid ? simulator.state.card(iccid) : undefined
      if (!iccid || !card) throw new Error('the simulator has no more active cards')
      return { number: card.msisdn, iccid }
    })
  }

  async function pickBulk(item: string, shot?: string): Promise<void> {
    await page.locator('[data-test="bulk-menu"]').click()
    const entry = page.locator(`.card-bulk__menu [data-test="${item}"]`)
    await entry.waitFor()
    if (shot) await screenshot(page, shot)
    await entry.click()
  }

  /** Lets the progress bar's width transition finish, so a screenshot shows where it ends. */
  const barSettled = () => page.waitForTimeout(800)

  /** Confirms the bulk action's question (which must contain `expected`) and waits for its job to end. */
  async function confirmAndFinish(expected: string): Promise<string> {
    const box = page.locator('.el-message-box')
    await box.waitFor()
    expect(await box.innerText()).toContain(expected)
    await box.locator('.el-message-box__btns .el-button--primary').click()
    const dialog = page.locator('.job-progress-dialog')
    await dialog.locator('.job-progress[data-state="completed"]').waitFor({ timeout: 60_000 })
    expect(await dialog.locator('.el-progress').getAttribute('aria-valuenow')).toBe('100')
    return dialog.locator('.job-progress__counts').innerText()
  }

  async function closeProgress(): Promise<void> {
    const dialog = page.locator('.job-progress-dialog')
    await dialog.locator('[data-test="job-dialog-close"]').click()
    await dialog.waitFor({ state: 'hidden' })
  }

  it('imports a CSV, syncs and suspends the cards in bulk, exports them, and lists the jobs', async () => {
    const cards = activeCards()
    const file = join(workDir, 'cards.csv')
    const rows = cards.map(({ number, iccid }) => `${number},${iccid},月卡,${TAG},批量端到端测试`)
    await writeFile(
      file,
      ['卡号/number,ICCID,类型/type,标签/tags,说明/description', ...rows].join('\n') + '\n',
    )

    await logIn(page, server.baseUrl, 'admin', ADMIN_PASSWORD)
    await page.waitForURL(/\/cards$/)

    // 导入: the platform is chosen for the whole file; the job runs and the summary counts the rows.
    await pickBulk('bulk-import')
    const importDialog = page.locator('.card-import-dialog')
    await importDialog.locator('[data-test="import-platform"]').click()
    await page
      .locator('.card-import-form__platforms .el-select-dropdown__item')
      .filter({ hasText: PLATFORM_NAME })
      .click()
    await importDialog.locator('input[type="file"]').setInputFiles(file)
    await importDialog.locator('[data-test="import-file"]').getByText('cards.csv').waitFor()
    await screenshot(page, 'bulk-import')
    await importDialog.locator('[data-test="import-submit"]').click()
    const summary = importDialog.locator('[data-test="import-summary"]')
    await summary.waitFor({ timeout: 60_000 })
    expect(await summary.innerText()).toContain(`导入完成：成功 ${CARD_COUNT} 行，失败 0 行`)
    await barSettled()
    await screenshot(page, 'bulk-import-done')
    await importDialog.locator('[data-test="import-close"]').click()
    await importDialog.waitFor({ state: 'hidden' })

    // The imported cards, found by their tag through the list's URL filters.
    await page.goto(`${server.baseUrl}/cards?tag=${TAG}`)
    const tableRows = page.locator('.card-table .el-table__body-wrapper .el-table__row')
    await poll(() => tableRows.count()).toBe(CARD_COUNT)
    for (const { number } of cards) await tableRows.filter({ hasText: number }).waitFor()

    // 同步状态 with nothing selected: the whole filter, counted exactly by the server.
    expect(await page.locator('[data-test="bulk-scope"]').innerText()).toContain('全部筛选结果')
    await pickBulk('bulk-sync', 'bulk-menu')
    const synced = await confirmAndFinish(`全部 ${CARD_COUNT} 张卡执行「同步状态」`)
    expect(synced).toContain(`成功 ${CARD_COUNT}`)
    await closeProgress()
    await poll(() => page.locator('.card-table [data-lifecycle="active"]').count()).toBe(CARD_COUNT)

    // 批量停机 on the selection.
    await page.locator('.card-table .el-table__header .el-checkbox').click()
    await poll(() => page.locator('[data-test="bulk-scope"]').innerText()).toContain(`已选 ${CARD_COUNT} 张`)
    await pickBulk('bulk-suspend')
    const suspended = await confirmAndFinish(`选中的 ${CARD_COUNT} 张卡执行「批量停机」`)
    expect(suspended).toContain(`成功 ${CARD_COUNT}`)
    expect(suspended).toContain('失败 0')
    await barSettled()
    await screenshot(page, 'bulk-suspend-done')
    await closeProgress()

    // 导出 CSV of the selection: the downloaded file has every card.
    const [download] = await Promise.all([page.waitForEvent('download'), pickBulk('bulk-export-csv')])
    expect(download.suggestedFilename()).toMatch(/\.csv$/)
    const saved = join(workDir, download.suggestedFilename())
    await download.saveAs(saved)
    const exported = await readFile(saved, 'utf8')
    for (const { number, iccid } of cards) {
      expect(exported).toContain(number)
      expect(exported).toContain(iccid)
    }

    // 任务: the three jobs, newest first; the suspend job's items are all ok.
    await page.locator('.side-menu').getByText('任务', { exact: true }).click()
    await page.waitForURL(/\/jobs$/)
    const jobRows = page.locator('.job-table .el-table__body-wrapper .el-table__row')
    await poll(() => jobRows.count()).toBe(3)
    const jobs = await page.locator('.job-table .el-table__body-wrapper').innerText()
    for (const action of ['批量停机', '同步状态', '导入']) expect(jobs).toContain(action)
    await screenshot(page, 'bulk-jobs')
    await jobRows.first().locator('[data-test="job-open"]').click()
    await page.waitForURL(/\/jobs\/[0-9a-f-]{36}$/)
    await poll(() => page.locator('.job-items .el-table__row').count()).toBe(CARD_COUNT)
    expect(await page.locator('.job-items').innerText()).not.toContain('失败')
    await screenshot(page, 'bulk-job-detail')
  })
})
