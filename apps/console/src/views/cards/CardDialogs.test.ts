import type { Schemas } from '@simops/api-client'
import { describe, expect, it } from 'vitest'
import { inDocument, jsonResponse, mountConsole, signedInAs, stubServer } from '../../../test/unit/harness'
import { eventually } from '../../../test/unit/eventually'
import { cardsApi, enabledPlatform, lastQuery, makeCard } from './card-fixtures'

const TAKEN = '1440123456789'
const NUMBER = '1440123456791'
const ICCID = '8999000000000000001'

/** What `GET /cards/validate` answers: the taken number refused, the 19-digit ICCID noted. */
function validation(query: URLSearchParams): Schemas['CardIdentityCheck'] {
  const notes: Schemas['CardIdentityCheck']['notes'] = []
  const number = query.get('number')
  if (number === TAKEN)
    notes.push({ field: 'number', code: 'NUMBER_TAKEN', level: 'error', message: 'already registered' })
  const iccid = query.get('iccid')
  if (iccid) {
    notes.push(
      { field: 'iccid', code: 'ICCID_DUPLICATE_19', level: 'warning', message: 'shares the first 19 digits' },
      { field: 'iccid', code: 'ICCID_NO_CHECK_DIGIT', level: 'info', message: 'No check digit' },
    )
  }
  return {
    ok: number !== TAKEN,
    number,
    iccid: iccid
      ? {
          input: iccid,
          iccid,
          iccid19: iccid,
          fullForm: `${iccid}3`,
          luhn: 'absent',
          carrier: { prefix: '8999', carrierId: 'reference', carrierName: null, confidence: 'declared' },
          notes: [],
        }
      : null,
    notes,
  }
}

function formItem(selector: string): Element | null {
  return inDocument(selector).element.closest('.el-form-item')
}

describe('card dialogs', () => {
  it('checks the new card live, pre-selects its carrier and platform, and posts it', async () => {
    const created: unknown[] = []
    const { requests } = stubServer({
      ...signedInAs('operator'),
      ...cardsApi([]),
      'GET /api/v1/cards/validate': (request) =>
        jsonResponse(200, validation(new URL(request.url).searchParams)),
      'POST /api/v1/cards': async (request) => {
        created.push(await request.json())
        return jsonResponse(201, makeCard({ number: NUMBER }))
      },
    })
    const { wrapper } = await mountConsole('/cards')

    await eventually(() => wrapper.get('[data-test="create-card"]'))
    await wrapper.get('[data-test="create-card"]').trigger('click')
    await eventually(() => inDocument('.card-form-dialog input[name="number"]'))

    const number = inDocument('.card-form-dialog input[name="number"]')
    await number.setValue(TAKEN)
    await number.trigger('blur')
    await eventually(() =>
      expect(formItem('input[name="number"]')?.querySelector('.el-form-item__error')?.textContent).toContain(
        '该卡号已登记',
      ),
    )

    await number.setValue(NUMBER)
    const iccid = inDocument('.card-form-dialog input[name="iccid"]')
    await iccid.setValue(ICCID)
    await iccid.trigger('blur')
    await eventually(() =>
      expect(inDocument('[data-note="ICCID_NO_CHECK_DIGIT"]').text()).toBe(
        `未含校验位，完整形式为 ${ICCID}3`,
      ),
    )
    expect(inDocument('[data-note="ICCID_NO_CHECK_DIGIT"]').classes()).toContain('is-info')
    expect(inDocument('[data-note="ICCID_DUPLICATE_19"]').classes()).toContain('is-warning')
    const numberError = () => formItem('input[name="number"]')?.querySelector('.el-form-item__error')
    await eventually(() => expect(numberError()?.textContent?.trim() ?? '').toBe(''))

    // The ICCID's prefix names the reference carrier; its only enabled platform is taken.
    await eventually(() => expect(inDocument('[data-test="card-form-detected"]').text()).toContain('8999'))
    expect(inDocument('[data-test="card-form-carrier"]').text()).toContain('参考运营商（测试）')
    await eventually(() =>
      expect(inDocument('[data-test="card-form-platform"]').text()).toContain('参考平台'),
    )
    const platformQuery = lastQuery(requests, '/api/v1/platforms')
    expect(platformQuery.get('carrierId')).toBe('reference')
    expect(platformQuery.get('state')).toBe('enabled')
    await eventually(() =>
      expect(lastQuery(requests, '/api/v1/cards/validate').get('platformId')).toBe(enabledPlatform.id),
    )

    await inDocument('.card-form-dialog [data-test="card-form-type"] input[value="month"]').setValue(true)
    await inDocument('.card-form-dialog textarea[name="description"]').setValue('  仓库 A  ')
    await inDocument('[data-test="card-form-submit"]').trigger('click')

    await eventually(() => expect(created).toHaveLength(1))
    expect(created[0]).toEqual({
      number: NUMBER,
      iccid: ICCID,
      platformId: enabledPlatform.id,
      type: 'month',
      description: '仓库 A',
    })
  })

  it('binds a chosen unbound device, asking for a choice first', async () => {
    const card = makeCard()
    const device: Schemas['Device'] = {
      id: 'dev-7',
      name: '水表 7',
      product: '智能水表',
      state: 'offline',
      registeredAt: '2025-01-02T03:04:05.000Z',
      card: null,
      createdAt: '2025-01-02T03:04:05.000Z',
      updatedAt: '2025-01-02T03:04:05.000Z',
    }
    const binds: unknown[] = []
    const { requests } = stubServer({
      ...signedInAs('operator'),
      ...cardsApi([card]),
      'GET /api/v1/devices': () =>
        jsonResponse(200, { items: [device], total: 1, totalCapped: false, page: 1, pageSize: 10 }),
      [`PUT /api/v1/cards/${card.id}/device`]: async (request) => {
        binds.push(await request.json())
        return jsonResponse(200, {
          ...card,
          device: { id: device.id, name: device.name, state: device.state },
        })
      },
    })
    const { wrapper } = await mountConsole('/cards')

    await eventually(() => wrapper.get('.card-table .el-table__body-wrapper [data-test="card-bind"]'))
    await wrapper.get('.card-table .el-table__body-wrapper [data-test="card-bind"]').trigger('click')
    await eventually(() => expect(inDocument('.bind-device__table').text()).toContain('水表 7'))
    expect(inDocument('.bind-device__table').text()).toContain('智能水表')
    expect(inDocument('.bind-device__table').text()).toContain('离线')
    expect(lastQuery(requests, '/api/v1/devices').get('unbound')).toBe('true')

    await inDocument('[data-test="bind-submit"]').trigger('click')
    await eventually(() => expect(inDocument('[data-test="bind-required"]').text()).toBe('请选择设备'))
    expect(binds).toHaveLength(0)

    await inDocument('.bind-device__table .el-table__body .el-table__row').trigger('click')
    await inDocument('[data-test="bind-submit"]').trigger('click')
    await eventually(() => expect(binds).toEqual([{ deviceId: 'dev-7' }]))
    await eventually(() => expect(wrapper.get('.card-table').text()).toContain('水表 7'))
  })
})

describe('card edit dialog', () => {
  it('locks the identity and sends only what changed', async () => {
    const card = makeCard({ description: '旧说明', type: 'month' })
    const patches: unknown[] = []
    stubServer({
      ...signedInAs('operator'),
      ...cardsApi([card]),
      [`PATCH /api/v1/cards/${card.id}`]: async (request) => {
        patches.push(await request.json())
        return jsonResponse(200, { ...card, description: '新说明', type: 'year' })
      },
    })
    const { wrapper } = await mountConsole('/cards')

    await eventually(() => wrapper.get('.card-table .el-table__body-wrapper [data-test="card-edit"]'))
    await wrapper.get('.card-table .el-table__body-wrapper [data-test="card-edit"]').trigger('click')
    await eventually(() => inDocument('.card-form-dialog input[name="number"]'))
    expect(inDocument('.card-form-dialog input[name="number"]').attributes('disabled')).toBeDefined()
    expect(inDocument('.card-form-dialog input[name="iccid"]').attributes('disabled')).toBeDefined()
    expect(
      (inDocument('.card-form-dialog textarea[name="description"]').element as HTMLTextAreaElement).value,
    ).toBe('旧说明')

    await inDocument('.card-form-dialog textarea[name="description"]').setValue('新说明')
    await inDocument('.card-form-dialog [data-test="card-form-type"] input[value="year"]').setValue(true)
    await inDocument('[data-test="card-form-submit"]').trigger('click')

    await eventually(() => expect(patches).toEqual([{ description: '新说明', type: 'year' }]))
    await eventually(() => expect(wrapper.get('.card-table').text()).toContain('年卡'))
  })
})
