import type { Schemas } from '@simops/api-client'
import { describe, expect, it } from 'vitest'
import { inDocument, jsonResponse, mountConsole, signedInAs, stubServer } from '../../../test/unit/harness'
import { eventually } from '../../../test/unit/eventually'

function makeDevice(overrides: Partial<Schemas['Device']> = {}): Schemas['Device'] {
  return {
    id: 'meter-0001',
    name: '一号电表',
    product: 'smart-meter',
    state: 'online',
    registeredAt: '2025-01-02T03:04:05.000Z',
    card: { id: '42', number: '1064912345678', iccid: '89860000000000000001' },
    createdAt: '2025-01-02T03:04:05.000Z',
    updatedAt: '2025-01-02T03:04:05.000Z',
    ...overrides,
  }
}

const bound = makeDevice()
const unbound = makeDevice({
  id: 'meter-0002',
  name: '二号电表',
  state: 'disabled',
  product: null,
  card: null,
})

function devicesApi(devices: Schemas['Device'][], page: Partial<Schemas['DevicePage']> = {}) {
  return {
    'GET /api/v1/devices': () =>
      jsonResponse(200, {
        items: devices,
        total: devices.length,
        totalCapped: false,
        page: 1,
        pageSize: 20,
        ...page,
      }),
  }
}

const listUrls = (requests: Request[]) =>
  requests.filter((request) => new URL(request.url).pathname === '/api/v1/devices').map((r) => new URL(r.url))

describe('DeviceListView', () => {
  it('lists devices with state, registration and bound card, and shows a capped total as 10,000+', async () => {
    const { requests } = stubServer({
      ...signedInAs('viewer'),
      ...devicesApi([bound, unbound], { total: 10_000, totalCapped: true }),
    })
    const { wrapper } = await mountConsole('/devices?state=online&product=smart-meter')

    await eventually(() => expect(wrapper.find('.device-table').text()).toContain('meter-0002'))
    const table = wrapper.get('.device-table').text()
    for (const text of ['meter-0001', '一号电表', 'smart-meter', '在线', '禁用', '未绑定']) {
      expect(table).toContain(text)
    }
    const cardLink = wrapper.get('[data-test="device-card-link"]')
    expect(cardLink.text()).toBe('1064912345678')
    expect(cardLink.attributes('href')).toBe('/cards/42')
    expect(wrapper.get('[data-test="device-total"]').text()).toBe('共 10,000+ 条')

    const url = listUrls(requests)[0]
    expect(url?.searchParams.get('state')).toBe('online')
    expect(url?.searchParams.get('product')).toBe('smart-meter')
    expect(url?.searchParams.has('unbound')).toBe(false)
    // Viewers read only.
    expect(wrapper.find('[data-test="create-device"]').exists()).toBe(false)
    expect(wrapper.find('[data-test="device-edit"]').exists()).toBe(false)
    expect(wrapper.find('[data-test="device-delete"]').exists()).toBe(false)
  })

  it('puts the 未绑定 filter in the URL and sends unbound=true', async () => {
    const { requests } = stubServer({ ...signedInAs('operator'), ...devicesApi([unbound]) })
    const { wrapper, router } = await mountConsole('/devices?page=2')

    await eventually(() => expect(wrapper.find('.device-table').text()).toContain('meter-0002'))
    await wrapper.get('.device-filters__binding .el-select__wrapper').trigger('click')
    const option = await eventually(() => {
      const item = [...document.querySelectorAll('.el-select-dropdown__item')].find(
        (element) => element.textContent?.trim() === '未绑定',
      )
      if (!item) throw new Error('no 未绑定 option yet')
      return item as HTMLElement
    })
    option.click()

    await eventually(() => expect(router.currentRoute.value.query).toEqual({ binding: 'unbound' }))
    await eventually(() => expect(listUrls(requests).at(-1)?.searchParams.get('unbound')).toBe('true'))
    expect(listUrls(requests).at(-1)?.searchParams.get('page')).toBe('1')
  })

  it('creates a device and shows DEVICE_ID_TAKEN on the id field', async () => {
    const created: unknown[] = []
    stubServer({
      ...signedInAs('operator'),
      ...devicesApi([bound]),
      'POST /api/v1/devices': async (request) => {
        created.push(await request.json())
        return jsonResponse(409, {
          code: 'DEVICE_ID_TAKEN',
          message: 'id: device meter-0001 already exists',
          details: { fields: [{ field: 'id', message: 'already exists' }] },
        })
      },
    })
    const { wrapper } = await mountConsole('/devices')

    await eventually(() => expect(wrapper.find('.device-table').text()).toContain('meter-0001'))
    await wrapper.get('[data-test="create-device"]').trigger('click')
    await eventually(() => inDocument('.device-form-dialog input[name="id"]'))
    await inDocument('.device-form-dialog input[name="id"]').setValue('meter-0001')
    await inDocument('.device-form-dialog input[name="name"]').setValue('重复的电表')
    await inDocument('.device-form-dialog input[name="product"]').setValue('smart-meter')
    await inDocument('[data-test="device-form-submit"]').trigger('click')

    await eventually(() => expect(created).toHaveLength(1))
    expect(created[0]).toEqual({
      id: 'meter-0001',
      name: '重复的电表',
      product: 'smart-meter',
      state: 'offline',
    })
    await eventually(() => {
      const idItem = inDocument('.device-form-dialog input[name="id"]').element.closest('.el-form-item')
      expect(idItem?.querySelector('.el-form-item__error')?.textContent?.trim()).toBe('该设备ID已存在')
    })
  })

  it('edits a device, sending only what changed', async () => {
    const patches: unknown[] = []
    stubServer({
      ...signedInAs('operator'),
      ...devicesApi([bound]),
      'PATCH /api/v1/devices/meter-0001': async (request) => {
        patches.push(await request.json())
        return jsonResponse(200, { ...bound, name: '一号电表（新）', product: null })
      },
    })
    const { wrapper } = await mountConsole('/devices')

    await eventually(() => expect(wrapper.find('.device-table').text()).toContain('meter-0001'))
    await wrapper.get('.device-table .el-table__body-wrapper [data-test="device-edit"]').trigger('click')
    await eventually(() =>
      expect((inDocument('.device-form-dialog input[name="name"]').element as HTMLInputElement).value).toBe(
        '一号电表',
      ),
    )
    expect(inDocument('.device-form-dialog input[name="id"]').attributes('disabled')).toBeDefined()
    await inDocument('.device-form-dialog input[name="name"]').setValue('一号电表（新）')
    await inDocument('.device-form-dialog input[name="product"]').setValue('')
    await inDocument('[data-test="device-form-submit"]').trigger('click')

    await eventually(() => expect(patches).toEqual([{ name: '一号电表（新）', product: null }]))
  })

  it('warns that deleting a device releases its card, then deletes it', async () => {
    const deleted: string[] = []
    stubServer({
      ...signedInAs('admin'),
      ...devicesApi([bound]),
      'DELETE /api/v1/devices/meter-0001': (request) => {
        deleted.push(request.url)
        return new Response(null, { status: 204 })
      },
    })
    const { wrapper } = await mountConsole('/devices')

    await eventually(() => expect(wrapper.find('.device-table').text()).toContain('meter-0001'))
    await wrapper.get('.device-table .el-table__body-wrapper [data-test="device-delete"]').trigger('click')
    await eventually(() => expect(inDocument('.el-message-box').text()).toContain('1064912345678 将被解绑'))
    await inDocument('.el-message-box__btns .el-button--primary').trigger('click')

    await eventually(() => expect(deleted).toHaveLength(1))
  })
})
