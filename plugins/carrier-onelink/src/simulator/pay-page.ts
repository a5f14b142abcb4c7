import type { RechargeOrder } from './recharge-orders.js'

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`)
}

const statusText: Record<RechargeOrder['status'], string> = {
  '1': '待支付',
  '2': '支付成功',
  '3': '支付失败',
}

/** The payer's page behind a payment URL: the order, and buttons that decide it. */
export function payPage(order: RechargeOrder | undefined): { status: number; html: string } {
  if (!order)
    return {
      status: 404,
      html: '<!doctype html><meta charset="utf-8"><title>订单不存在</title><p>订单不存在</p>',
    }
  const orderNo = escapeHtml(order.orderNo)
  const buttons =
    order.status === '1'
      ? `<form method="post"><button name="result" value="success" type="submit">支付成功</button> ` +
        `<button name="result" value="failure" type="submit">支付失败</button></form>`
      : ''
  const back =
    order.status === '2' && order.returnUrl
      ? `<p><a href="${escapeHtml(order.returnUrl)}">返回商户</a></p>`
      : ''
  return {
    status: 200,
    html:
      `<!doctype html><meta charset="utf-8"><title>充值订单 ${orderNo}</title>` +
      `<h1>OneLink 模拟支付</h1><p>订单 ${orderNo}：¥${escapeHtml(order.chargeMoney)}（${escapeHtml(order.paymentType)}）</p>` +
      `<p>状态：<strong>${statusText[order.status]}</strong></p>${buttons}${back}`,
  }
}
