import { describe, expect, it } from 'vitest'
import {
  inDocument,
  jsonResponse,
  makePlatform,
  mountConsole,
  platformsApi,
  signedInAs,
  stubServer,
} from '../../../test/unit/harness'
import { eventually } from '../../../test/unit/eventually'
import { formatDateTime } from '@/utils/date'

const platform = makePlatform({
  description: '主账号',
  config: { baseUrl: 'http://old.example', apiKey: '******' },
})
const detailPath = `GET /api/v1/platforms/${platform.id}`
const updatePath = `PATCH /api/v1/platforms/${platform.id}`

function formItem(selector: string): Element | null {
  return inDocument(selector).element.closest('.el-form-item')
}

describe('PlatformDetailView', () => {
  it('sends only the changed fields on edit, and puts INVALID_PLATFORM_CONFIG on the config field', async () => {
    const patches: unknown[] = []
    stubServer({
      ...signedInAs('admin'),
      ...platformsApi([platform]),
      [detailPath]: () => jsonResponse(200, platform),
      [updatePath]: async (request) => {
        patches.push(await request.json())
        return jsonResponse(400, {
          code: 'INVALID_PLATFORM_CONFIG',
          message: 'config.baseUrl: must be an http(s) URL',
          details: { fields: [{ field: 'config.baseUrl', message: 'must be an http(s) URL' }] },
        })
      },
    })
    const { wrapper } = await mountConsole(`/platforms/${platform.id}`)

    await eventually(() => inDocument('input[name="config.baseUrl"]'))
    const apiKey = inDocument('input[name="config.apiKey"]')
    expect(apiKey.attributes('type')).toBe('password')
    expect((apiKey.element as HTMLInputElement).value).toBe('')
    expect(apiKey.attributes('placeholder')).toBe('已设置，留空则保持不变')
    expect(wrapper.text()).toContain('模拟器给出的密钥')

    await inDocument('input[name="config.baseUrl"]').setValue('http://new.example')
    await inDocument('[data-test="platform-save"]').trigger('click')

    await eventually(() => expect(patches).toHaveLength(1))
    expect(patches[0]).toEqual({ config: { baseUrl: 'http://new.example' } })
    await eventually(() =>
      expect(
        formItem('input[name="config.baseUrl"]')?.querySelector('.el-form-item__error')?.textContent,
      ).toContain('must be an http(s) URL'),
    )
  })

  it('sends a newly typed secret, and shows PLATFORM_NAME_TAKEN on the name', async () => {
    const patches: unknown[] = []
    stubServer({
      ...signedInAs('admin'),
      ...platformsApi([platform]),
      [detailPath]: () => jsonResponse(200, platform),
      [updatePath]: async (request) => {
        patches.push(await request.json())
        return jsonResponse(409, {
          code: 'PLATFORM_NAME_TAKEN',
          message: 'taken',
          details: { field: 'name' },
        })
      },
    })
    await mountConsole(`/platforms/${platform.id}`)

    await eventually(() => inDocument('input[name="config.apiKey"]'))
    await inDocument('input[name="name"]').setValue('另一个平台')
    await inDocument('input[name="config.apiKey"]').setValue('new-key')
    await inDocument('[data-test="platform-save"]').trigger('click')

    await eventually(() => expect(patches).toHaveLength(1))
    expect(patches[0]).toEqual({ name: '另一个平台', config: { apiKey: 'new-key' } })
    await eventually(() =>
      expect(formItem('input[name="name"]')?.querySelector('.el-form-item__error')?.textContent?.trim()).toBe(
        '平台名称已被占用',
      ),
    )
  })

  it('creates a platform after picking its carrier', async () => {
    const created: unknown[] = []
    stubServer({
      ...signedInAs('admin'),
      ...platformsApi([]),
      'POST /api/v1/platforms': async (request) => {
        created.push(await request.json())
        return jsonResponse(201, platform)
      },
      [detailPath]: () => jsonResponse(200, platform),
    })
    const { router } = await mountConsole('/platforms/new')

    await eventually(() => inDocument('.carrier-option[data-carrier="reference"]'))
    expect(inDocument('.carrier-option').text()).toContain('状态变更')
    await inDocument('.carrier-option[data-carrier="reference"]').trigger('click')
    await eventually(() => inDocument('input[name="config.baseUrl"]'))
    await inDocument('input[name="name"]').setValue('测试平台')
    await inDocument('input[name="config.baseUrl"]').setValue('http://127.0.0.1:9000')
    await inDocument('input[name="config.apiKey"]').setValue('secret-key')
    await inDocument('[data-test="platform-save"]').trigger('click')

    await eventually(() => expect(created).toHaveLength(1))
    expect(created[0]).toEqual({
      carrierId: 'reference',
      name: '测试平台',
      config: { baseUrl: 'http://127.0.0.1:9000', apiKey: 'secret-key' },
      syncSchedule: { enabled: true, intervalMinutes: 360 },
    })
    await eventually(() => expect(router.currentRoute.value.path).toBe(`/platforms/${platform.id}`))
    await eventually(() => inDocument('[data-test="platform-offer-test"]'))
  })

  it('shows the sync schedule with its next run, and saves a changed interval', async () => {
    const scheduled = makePlatform({
      state: 'enabled',
      syncSchedule: { enabled: true, intervalMinutes: 60, nextSyncAt: '2025-03-01T04:00:00.000Z' },
    })
    const patches: unknown[] = []
    stubServer({
      ...signedInAs('admin'),
      ...platformsApi([scheduled]),
      [detailPath]: () => jsonResponse(200, scheduled),
      [updatePath]: async (request) => {
        patches.push(await request.json())
        return jsonResponse(200, {
          ...scheduled,
          syncSchedule: { ...scheduled.syncSchedule, intervalMinutes: 360 },
        })
      },
    })
    await mountConsole(`/platforms/${platform.id}`)

    await eventually(() => expect(inDocument('[data-test="schedule-next"]').text()).toContain('下次同步'))
    expect(inDocument('[data-test="schedule-next"]').text()).toContain(
      formatDateTime('2025-03-01T04:00:00.000Z'),
    )
    expect((inDocument('input[name="intervalMinutes"]').element as HTMLInputElement).value).toBe('60')
    const preset = [...document.querySelectorAll('.platform-schedule__presets .el-button')].find(
      (button) => button.textContent?.trim() === '6 小时',
    )
    preset?.dispatchEvent(new MouseEvent('click', { bubbles: true }))
    await eventually(() =>
      expect((inDocument('input[name="intervalMinutes"]').element as HTMLInputElement).value).toBe('360'),
    )
    await inDocument('[data-test="platform-save"]').trigger('click')

    await eventually(() =>
      expect(patches).toEqual([{ syncSchedule: { enabled: true, intervalMinutes: 360 } }]),
    )
  })

  it('shows a viewer the settings read-only, without actions', async () => {
    stubServer({
      ...signedInAs('viewer'),
      ...platformsApi([platform]),
      [detailPath]: () => jsonResponse(200, platform),
    })
    const { wrapper } = await mountConsole(`/platforms/${platform.id}`)

    await eventually(() => inDocument('input[name="config.baseUrl"]'))
    expect(inDocument('input[name="config.baseUrl"]').attributes('disabled')).toBeDefined()
    expect(wrapper.find('[data-test="platform-save"]').exists()).toBe(false)
    expect(wrapper.find('[data-test="platform-test"]').exists()).toBe(false)
  })
})
