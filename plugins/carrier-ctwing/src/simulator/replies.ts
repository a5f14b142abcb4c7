import type { SimulatedCard } from './inventory.js'
import { statusNames } from './inventory.js'

/** One HTTP answer of the simulator. */
export interface SimulatorReply {
  status: number
  contentType: string
  body: string
}

/**
 * The reply formats China Telecom uses, one per kind of endpoint (reference §2.6, §3.2). Failures of
 * an endpoint come in that endpoint's own envelope, as the carrier's do.
 */
export type ReplyKind =
  'status' | 'telephone' | 'activation' | 'traffic' | 'svcCont' | 'numberService' | 'list'
export type Generation = 'legacy' | 'cmp5g'

export const NOT_BOUND = '该号码和用户没有绑定！'
export const ACCEPTED = '成功接收消息'
export const CAP_REACHED = '业务校验失败（单卡本月调用次数已超过限定次数！）'
/** disabledNumber 20 on a 可激活 card. */
export const READY_CARD = '号码为可激活状态，请使用活卡激活接口'

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (character) => `&#${character.charCodeAt(0)};`)

export const json = (value: unknown): SimulatorReply => ({
  status: 200,
  contentType: 'application/json;charset=UTF-8',
  body: JSON.stringify(value),
})
export const xml = (body: string): SimulatorReply => ({
  status: 200,
  contentType: 'text/xml;charset=UTF-8',
  body: `<?xml version="1.0" encoding="UTF-8"?>${body}`,
})
export const text = (body: string): SimulatorReply => ({
  status: 200,
  contentType: 'text/plain;charset=UTF-8',
  body,
})

export function statusReply(
  generation: Generation,
  card: SimulatedCard,
  transactionId: string,
): SimulatorReply {
  const product = { productMainStatusCd: card.status, productMainStatusName: statusNames[card.status] }
  if (generation === 'legacy')
    return json({
      resultCode: '0',
      resultMsg: '处理成功！',
      groupTransactionId: transactionId,
      productInfo: [product],
    })
  return json({
    result: '0',
    resultMsg: '成功',
    netBlockStatusName: card.dataCut ? '已断网' : '未断网',
    authStatus: '1',
    productInfo: [{ ...product, operatorDefinitionStatusName: statusNames[card.status] }],
  })
}

export const telephoneReply = (accessNumber: string) => json({ RESULT: '0', SMSG: accessNumber })

export const activationReply = () => json({ RESULT: '0', SMSG: '成功' })

export function trafficReply(card: SimulatedCard, usage: string, transactionId: string): SimulatorReply {
  return xml(
    '<root><web:NEW_DATA_TICKET_QRsp>' +
      `<IRESULT>0</IRESULT><GROUP_TRANSACTIONID>${transactionId}</GROUP_TRANSACTIONID>` +
      `<TOTAL_BYTES_CNT>${usage}</TOTAL_BYTES_CNT><CHARGE_CNT_CH>0元</CHARGE_CNT_CH>` +
      `<number>${card.accessNumber}</number></web:NEW_DATA_TICKET_QRsp></root>`,
  )
}

export function acceptedReply(kind: 'svcCont' | 'numberService', transactionId: string): SimulatorReply {
  if (kind === 'numberService')
    return xml(
      `<root><result>0</result><rspcode>0000</rspcode><rspdesc>${ACCEPTED}</rspdesc>` +
        `<GROUP_TRANSACTIONID>${transactionId}</GROUP_TRANSACTIONID></root>`,
    )
  return xml(
    `<SvcCont><Response><RspType>0</RspType><RspCode>0000</RspCode><RspDesc>${ACCEPTED}</RspDesc></Response>` +
      `<GROUP_TRANSACTIONID>${transactionId}</GROUP_TRANSACTIONID></SvcCont>`,
  )
}

export function listReply(pageIndex: number, total: number, cards: readonly SimulatedCard[]): SimulatorReply {
  return json({
    resultCode: '0',
    resultMsg: '处理成功！',
    description: {
      pageIndex: String(pageIndex),
      totalCount: String(total),
      simList: cards.map((card) => ({
        accNumber: card.accessNumber,
        iccid: card.iccid19,
        simStatus: card.status,
      })),
    },
  })
}

/** A failure in the envelope of the endpoint's kind. */
export function failureReply(
  kind: ReplyKind,
  generation: Generation,
  code: string,
  message: string,
): SimulatorReply {
  const desc = escapeXml(message)
  switch (kind) {
    case 'status':
      return json(
        generation === 'legacy'
          ? { resultCode: code, resultMsg: message }
          : { result: code, resultMsg: message },
      )
    case 'list':
      return json({ resultCode: code, resultMsg: message })
    case 'telephone':
    case 'activation':
      return json({ RESULT: code, SMSG: message })
    case 'traffic':
      return xml(
        `<root><web:NEW_DATA_TICKET_QRsp><IRESULT>${code}</IRESULT><SMSG>${desc}</SMSG></web:NEW_DATA_TICKET_QRsp></root>`,
      )
    case 'svcCont':
      return xml(
        `<SvcCont><Response><RspType>1</RspType><RspCode>${code}</RspCode><RspDesc>${desc}</RspDesc></Response></SvcCont>`,
      )
    case 'numberService':
      return xml(`<root><result>${code}</result><rspcode>${code}</rspcode><rspdesc>${desc}</rspdesc></root>`)
  }
}

/** The legacy API answers an unbound card in plain text, whatever the method; the 5G gateway in its envelope. */
export function notBoundReply(kind: ReplyKind, generation: Generation): SimulatorReply {
  return generation === 'legacy' ? text(NOT_BOUND) : failureReply(kind, generation, '1', NOT_BOUND)
}

/** A success reply cut off half way: what a dropped proxy connection or a broken gateway gives. */
export function truncatedReply(kind: ReplyKind, generation: Generation): SimulatorReply {
  const whole = failureReply(kind, generation, '0', '处理成功！处理成功！处理成功！')
  return { ...whole, body: whole.body.slice(0, Math.ceil(whole.body.length / 2)) }
}
