import { describe, expect, it, vi } from 'vitest'
import { inDocument, jsonResponse, mountConsole, signedInAs, stubServer } from '../../../test/unit/harness'
import { eventually } from '../../../test/unit/eventually'
import {
  disabledRechargePlatform,
  makeRecharge,
  plainPlatform,
  rechargePlatform,
  rechargesApi,
} from './recharge-fixtures'

const created = makeRecharge({
  id: '00000000-0000-4000-8000-0000000000d1',
  orderNo: 'OL-NEW-1',
  amountFen: 2000,
  amount: '20.00',
  paymentMethod: 'WEIXIN_NATIVE',
  paymentUrl: 'https://pay.example.com/order/OL-NEW-1',
})

function errorUnder(selector: string): string {
  const item = inDocument(selector).element.closest('.el-form-item')
  return item?.querySelector('.el-form-item__error')?.textContent?.trim() ?? ''
}

async function openDialog(wrapper: Awaited<ReturnType<typeof mountConsole>>['wrapper']): Promise<void> {
  await eventually(() => wrapper.get('[data-test="create-recharge"]'))
  await wrapper.get('[data-test="create-recharge"]').trigger('click')
  await eventually(() => inDocument('.recharge-dialog input[name="accountId"]'))
}

async function fillForm(): Promise<void> {
  await eventually(() =>
    expect(inDocument('.recharge-dialog [data-test="recharge-platform"]').text()).toContain('充值平台'),
  )
  await inDocument('.recharge-dialog input[name="accountId"]').setValue(' acct-42 ')
  await inDocument('.recharge-dialog .el-input-number input').setValue('20')
  await inDocument(
    '.recharge-dialog [data-test="recharge-payment-method"] input[value="WEIXIN_NATIVE"]',
  ).setValue(true)
}

describe('RechargeDialog', () => {
  it('offers recharge-capable enabled platforms only, posts with an Idempotency-Key and opens the payment page', async () => {
    const posts: { body: unknown; key: string | null }[] = []
    const open = vi.spyOn(window, 'open').mockImplementation(() => null)
    stubServer({
      ...signedInAs('operator'),
      ...rechargesApi([]),
      'POST /api/v1/recharges': async (request) => {
        posts.push({ body: await request.json(), key: request.headers.get('idempotency-key') })
        if (posts.length === 1)
          return jsonResponse(400, {
            code: 'AMOUNT_INVALID',
            message: 'amount: must be 1.00–500.00 元',
            details: { fields: [{ field: 'amount', message: 'must be 1.00–500.00 元' }] },
          })
        return jsonResponse(201, created)
      },
    })
    const { wrapper } = await mountConsole('/recharges')
    await openDialog(wrapper)

    // The only enabled platform whose carrier declares recharge is chosen; the others are not offered.
    await eventually(() =>
      expect(inDocument('.recharge-dialog [data-test="recharge-platform"]').text()).toContain('充值平台'),
    )
    const options = [
      ...document.querySelectorAll('.recharge-dialog__platforms .el-select-dropdown__item'),
    ].map((option) => option.textContent?.trim() ?? '')
    expect(options).toHaveLength(1)
    expect(options[0]).toContain(rechargePlatform.name)
    expect(options.join()).not.toContain(disabledRechargePlatform.name)
    expect(options.join()).not.toContain(plainPlatform.name)
    // The carrier's payment methods and amount range.
    const methods = inDocument('.recharge-dialog [data-test="recharge-payment-method"]').text()
    for (const label of ['支付宝手机网站支付', '支付宝网页及时到账支付', '微信公众号支付', '微信扫码支付'])
      expect(methods).toContain(label)
    expect(inDocument('.recharge-dialog .el-input-number input').attributes('placeholder')).toBe(
      '1.00–500.00',
    )

    await fillForm()
    await inDocument('[data-test="recharge-submit"]').trigger('click')
    await eventually(() => expect(posts).toHaveLength(1))
    expect(posts[0]?.body).toEqual({
      platformId: rechargePlatform.id,
      accountId: 'acct-42',
      amount: '20.00',
      paymentMethod: 'WEIXIN_NATIVE',
    })
    expect(posts[0]?.key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    await eventually(() =>
      expect(errorUnder('.recharge-dialog .el-input-number input')).toBe(
        '充值金额须在 1.00–500.00 元之间，最多两位小数',
      ),
    )
    expect(open).not.toHaveBeenCalled()

    // A retry from the same dialog carries the same key, so the server can never place two orders.
    await inDocument('[data-test="recharge-submit"]').trigger('click')
    await eventually(() => expect(open).toHaveBeenCalledWith(created.paymentUrl, '_blank', 'noopener'))
    expect(posts[1]?.key).toBe(posts[0]?.key)
    await eventually(() => expect(document.body.textContent).toContain('已在新标签页打开支付页面'))

    // The next order gets a new key, in a clean form.
    await openDialog(wrapper)
    await eventually(() =>
      expect(inDocument('.recharge-dialog [data-test="recharge-platform"]').text()).toContain('充值平台'),
    )
    expect(inDocument('.recharge-dialog input[name="accountId"]').element).toHaveProperty('value', '')
    // (Element Plus shows a cleared message for another 100 ms.)
    await eventually(() =>
      expect(document.querySelectorAll('.recharge-dialog .el-form-item__error')).toHaveLength(0),
    )
    await fillForm()
    await inDocument('[data-test="recharge-submit"]').trigger('click')
    await eventually(() => expect(posts).toHaveLength(3))
    expect(posts[2]?.key).not.toBe(posts[0]?.key)
  })

  it('sends one request for a double click and explains a carrier rate limit', async () => {
    let answer: (response: Response) => void = () => {}
    const posts: Request[] = []
    stubServer({
      ...signedInAs('admin'),
      ...rechargesApi([]),
      'POST /api/v1/recharges': (request) => {
        posts.push(request)
        return new Promise<Response>((resolve) => (answer = resolve))
      },
    })
    const { wrapper } = await mountConsole('/recharges')
    await openDialog(wrapper)
    await fillForm()

    // Two clicks before Vue re-renders, i.e. before the button shows its loading state.
    const submit = inDocument('[data-test="recharge-submit"]').element
    submit.dispatchEvent(new MouseEvent('click', { bubbles: true }))
    submit.dispatchEvent(new MouseEvent('click', { bubbles: true }))
    await eventually(() => expect(posts).toHaveLength(1))
    await eventually(() =>
      expect(inDocument('[data-test="recharge-submit"]').attributes('disabled')).toBeDefined(),
    )
    answer(
      jsonResponse(429, { code: 'CARRIER_RATE_LIMITED', message: 'Platform "x" (onelink): rate limited' }),
    )

    await eventually(() => expect(document.body.textContent).toContain('操作过于频繁，请稍后再试！'))
    expect(posts).toHaveLength(1)
    expect(inDocument('[data-test="recharge-submit"]').attributes('disabled')).toBeUndefined()
  })

  it('puts a disabled-platform refusal under the platform field', async () => {
    stubServer({
      ...signedInAs('operator'),
      ...rechargesApi([]),
      'POST /api/v1/recharges': () =>
        jsonResponse(409, {
          code: 'PLATFORM_DISABLED',
          message: 'Platform "充值平台" is disabled',
          details: { fields: [{ field: 'platformId', message: 'is disabled' }] },
        }),
    })
    const { wrapper } = await mountConsole('/recharges')
    await openDialog(wrapper)
    await fillForm()
    await inDocument('[data-test="recharge-submit"]').trigger('click')

    await eventually(() =>
      expect(errorUnder('.recharge-dialog [data-test="recharge-platform"]')).toBe('该平台已禁用，不能充值'),
    )
  })

  it('explains that no platform can take recharges, and links to 平台接入', async () => {
    stubServer({ ...signedInAs('operator'), ...rechargesApi([], [disabledRechargePlatform, plainPlatform]) })
    const { wrapper, router } = await mountConsole('/recharges')
    await wrapper.get('[data-test="create-recharge"]').trigger('click')

    await eventually(() =>
      expect(inDocument('[data-test="recharge-no-platforms"]').text()).toContain(
        '暂无支持充值的平台（目前仅移动OneLink）',
      ),
    )
    expect(inDocument('[data-test="recharge-submit"]').attributes('disabled')).toBeDefined()
    await inDocument('[data-test="recharge-no-platforms"] button').trigger('click')
    await eventually(() => expect(router.currentRoute.value.name).toBe('platforms'))
  })
})
