import { describe, expect, it } from 'vitest'
import { inDocument, jsonResponse, mountConsole, signedInAs, stubServer } from '../../../test/unit/harness'
import { eventually } from '../../../test/unit/eventually'
import {
  expired,
  failed,
  lastQuery,
  paid,
  pending,
  rechargePlatform,
  rechargesApi,
} from './recharge-fixtures'

const TAGS = { pending: 'warning', paid: 'success', failed: 'danger', expired: 'info' }

function rowOf(wrapper: Awaited<ReturnType<typeof mountConsole>>['wrapper'], orderNo: string) {
  const row = wrapper
    .findAll('.recharge-table .el-table__body-wrapper tr')
    .find((candidate) => candidate.text().includes(orderNo))
  if (!row) throw new Error(`No row for ${orderNo}`)
  return row
}

describe('RechargeListView', () => {
  it('shows the banner and each order with amount, method and a status badge with its source', async () => {
    const { requests } = stubServer({
      ...signedInAs('viewer'),
      ...rechargesApi([pending, paid, failed, expired]),
    })
    const { wrapper } = await mountConsole(
      `/recharges?status=pending&platformId=${rechargePlatform.id}&amount=12.5&paymentMethod=ALIPAY_WAP&orderNo=OL1&accountId=acct-001&from=2025-01-01T00:00:00.000Z&to=2025-02-01T00:00:00.000Z`,
    )

    await eventually(() => expect(wrapper.find('.recharge-table').text()).toContain('OL202501020004'))
    expect(wrapper.get('[data-test="recharge-banner"]').text()).toContain(
      '本平台仅提供充值入口，充值结果以运营商为准',
    )
    // Warning, and not closable.
    expect(wrapper.find('[data-test="recharge-banner"] .el-alert--warning').exists()).toBe(true)
    expect(wrapper.find('[data-test="recharge-banner"] .el-alert__close-btn').exists()).toBe(false)

    const first = rowOf(wrapper, pending.orderNo)
    expect(first.text()).toContain('充值平台')
    expect(first.text()).toContain('acct-001')
    expect(first.text()).toContain('¥12.50')
    expect(first.text()).toContain('支付宝手机网站支付')
    expect(first.text()).toContain('admin')
    expect(first.get('.recharge-status .el-tag').classes()).toContain('el-tag--warning')
    expect(first.get('.recharge-status').text()).toBe('待支付')
    expect(first.find('.recharge-status__source').exists()).toBe(false)

    const badges = [paid, failed, expired].map((recharge) => {
      const status = rowOf(wrapper, recharge.orderNo).get('.recharge-status')
      const tag = status.get('.el-tag')
      return [
        tag.text(),
        status.get('.recharge-status__source').text(),
        tag.classes('el-tag--' + TAGS[recharge.status]),
      ]
    })
    expect(badges).toEqual([
      ['已支付', '运营商', true],
      ['支付失败', '手工确认', true],
      ['已过期', '链接过期', true],
    ])
    expect(rowOf(wrapper, paid.orderNo).text()).toContain('微信扫码支付')

    const query = lastQuery(requests, '/api/v1/recharges')
    expect(Object.fromEntries(query)).toEqual({
      status: 'pending',
      platformId: rechargePlatform.id,
      amount: '12.5',
      paymentMethod: 'ALIPAY_WAP',
      orderNo: 'OL1',
      accountId: 'acct-001',
      from: '2025-01-01T00:00:00.000Z',
      to: '2025-02-01T00:00:00.000Z',
      page: '1',
      pageSize: '20',
    })
    // A viewer reads only.
    expect(wrapper.find('[data-test="create-recharge"]').exists()).toBe(false)
    expect(wrapper.find('[data-test="recharge-refresh"]').exists()).toBe(false)
    expect(wrapper.find('[data-test="recharge-confirm"]').exists()).toBe(false)
  })

  it('writes typed filters to the URL and the request, refusing a malformed amount', async () => {
    const { requests } = stubServer({ ...signedInAs('viewer'), ...rechargesApi([pending]) })
    const { wrapper, router } = await mountConsole('/recharges?page=3')

    await eventually(() => expect(wrapper.find('.recharge-table').text()).toContain(pending.orderNo))
    await wrapper.get('.recharge-filters input[name="accountId"]').setValue(' acct-9 ')
    await wrapper.get('.recharge-filters input[name="orderNo"]').setValue('OL777')
    await wrapper.get('.recharge-filters input[name="amount"]').setValue('12.345')
    await wrapper.get('[data-test="filter-search"]').trigger('click')
    await eventually(() =>
      expect(wrapper.get('.recharge-filters').text()).toContain('请输入金额（元），最多两位小数'),
    )
    expect(router.currentRoute.value.query).toEqual({ page: '3' })

    await wrapper.get('.recharge-filters input[name="amount"]').setValue('12.50')
    await wrapper.get('.recharge-filters input[name="amount"]').trigger('keyup', { key: 'Enter' })
    // A new filter starts again at page 1.
    await eventually(() =>
      expect(router.currentRoute.value.query).toEqual({
        accountId: 'acct-9',
        orderNo: 'OL777',
        amount: '12.50',
      }),
    )
    await eventually(() => expect(lastQuery(requests, '/api/v1/recharges').get('amount')).toBe('12.50'))
    const query = lastQuery(requests, '/api/v1/recharges')
    expect(query.get('accountId')).toBe('acct-9')
    expect(query.get('orderNo')).toBe('OL777')
    expect(query.get('page')).toBe('1')

    await wrapper.get('[data-test="filter-reset"]').trigger('click')
    await eventually(() => expect(router.currentRoute.value.query).toEqual({}))
  })

  it('offers 手工确认 to admins only, on pending and expired orders', async () => {
    stubServer({ ...signedInAs('admin'), ...rechargesApi([pending, paid, failed, expired]) })
    const { wrapper } = await mountConsole('/recharges')

    await eventually(() => expect(wrapper.find('.recharge-table').text()).toContain(expired.orderNo))
    const confirmable = [pending, paid, failed, expired].map((recharge) =>
      rowOf(wrapper, recharge.orderNo).find('[data-test="recharge-confirm"]').exists(),
    )
    expect(confirmable).toEqual([true, false, false, true])
    expect(wrapper.find('[data-test="create-recharge"]').exists()).toBe(true)
  })

  it('lets an operator recharge and refresh, but not confirm', async () => {
    const { requests } = stubServer({
      ...signedInAs('operator'),
      ...rechargesApi([pending, expired]),
      'POST /api/v1/recharges/00000000-0000-4000-8000-0000000000c1/refresh': () =>
        jsonResponse(200, { ...pending, status: 'paid', statusSource: 'carrier', paidAt: pending.createdAt }),
    })
    const { wrapper } = await mountConsole('/recharges')

    await eventually(() => expect(wrapper.find('.recharge-table').text()).toContain(expired.orderNo))
    expect(wrapper.find('[data-test="create-recharge"]').exists()).toBe(true)
    expect(wrapper.find('[data-test="recharge-confirm"]').exists()).toBe(false)
    // Only the pending order can be asked about or paid.
    expect(wrapper.findAll('[data-test="recharge-refresh"]')).toHaveLength(1)
    expect(wrapper.findAll('[data-test="recharge-pay"]')).toHaveLength(1)

    await rowOf(wrapper, pending.orderNo).get('[data-test="recharge-refresh"]').trigger('click')
    await eventually(() => expect(rowOf(wrapper, pending.orderNo).text()).toContain('已支付'))
    expect(requests.some((request) => request.url.endsWith(`/${pending.id}/refresh`))).toBe(true)
    await eventually(() => expect(document.body.textContent).toContain('订单状态已更新：已支付'))
  })

  it('records an admin confirmation with its note', async () => {
    const posted: unknown[] = []
    stubServer({
      ...signedInAs('admin'),
      ...rechargesApi([expired]),
      [`POST /api/v1/recharges/${expired.id}/confirm`]: async (request) => {
        posted.push(await request.json())
        return jsonResponse(200, { ...expired, status: 'paid', statusSource: 'manual', note: '已到账' })
      },
    })
    const { wrapper } = await mountConsole('/recharges')

    await eventually(() => expect(wrapper.find('.recharge-table').text()).toContain(expired.orderNo))
    await wrapper.get('[data-test="recharge-confirm"]').trigger('click')
    await eventually(() => inDocument('.confirm-recharge-dialog textarea[name="note"]'))
    expect(inDocument('.confirm-recharge-dialog').text()).toContain(expired.orderNo)

    // The note is required.
    await inDocument('[data-test="confirm-submit"]').trigger('click')
    await eventually(() => expect(inDocument('.confirm-recharge-dialog').text()).toContain('请填写备注'))
    expect(posted).toHaveLength(0)

    await inDocument('.confirm-recharge-dialog textarea[name="note"]').setValue('  已到账  ')
    await inDocument('[data-test="confirm-submit"]').trigger('click')
    await eventually(() => expect(posted).toEqual([{ status: 'paid', note: '已到账' }]))
    await eventually(() => expect(rowOf(wrapper, expired.orderNo).text()).toContain('已支付'))
    expect(rowOf(wrapper, expired.orderNo).text()).toContain('手工确认')
  })

  it('shows every field of an order in its details', async () => {
    const confirmed = { ...failed, checkedAt: '2025-01-02T03:20:00.000Z' }
    stubServer({
      ...signedInAs('viewer'),
      ...rechargesApi([confirmed]),
      [`GET /api/v1/recharges/${failed.id}`]: () => jsonResponse(200, confirmed),
    })
    const { wrapper } = await mountConsole('/recharges')

    await eventually(() => expect(wrapper.find('.recharge-table').text()).toContain(failed.orderNo))
    await wrapper.get('[data-test="recharge-detail"]').trigger('click')
    await eventually(() => inDocument('.recharge-detail-dialog .el-descriptions'))
    const detail = inDocument('.recharge-detail-dialog').text()
    for (const text of [failed.orderNo, '支付失败', '手工确认', 'acct-001', '¥12.50', '支付宝手机网站支付']) {
      expect(detail).toContain(text)
    }
    expect(detail).toContain('运营商平台显示支付失败')
    expect(detail).toContain(failed.id)
    const link = inDocument('[data-test="detail-payment-url"]')
    expect(link.attributes('href')).toBe(failed.paymentUrl)
    expect(link.attributes('target')).toBe('_blank')
  })
})
