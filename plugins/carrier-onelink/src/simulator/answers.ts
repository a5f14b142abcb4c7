/**
 * What the simulated OneLink answers. `0`, `12021` and `71` are OneLink's own; `12098` comes from a
 * reseller's OneLink-style document. OneLink's codes for the other refusals are not public: the ones
 * marked "simulator" are this simulator's choice, with OneLink-style Chinese messages.
 */
export const answers = {
  ok: { status: '0', message: '正确' },
  tokenInvalid: { status: '12021', message: 'TOKEN不存在或已过期，请重新获取' },
  flowControl: { status: '71', message: '已超出API最大流控限制' },
  resumeRefused: { status: '12098', message: '非主动停机的号码不允许复机' },
  /** simulator */
  badCredentials: { status: '12001', message: 'appid或password错误' },
  /** simulator */
  badParameters: { status: '12002', message: '请求参数错误' },
  /** simulator */
  badTransid: { status: '12003', message: 'transid格式错误，须以appid开头' },
  /** simulator */
  cardUnknown: { status: '12006', message: '号码不存在或不属于该集团客户' },
  /** simulator */
  invalidTransition: { status: '12007', message: '当前号码状态不允许办理该业务' },
  /** simulator */
  unsupportedOperType: { status: '12008', message: '不支持该操作类型' },
  /** simulator; the message cites the window, as OneLink's does */
  locked: (minutes: number) => ({ status: '12009', message: `同一号码${minutes}分钟内不能重复办理该业务` }),
  /** simulator */
  batchTooLarge: { status: '12010', message: '批量号码数量不能超过100个' },
  /** simulator */
  orderUnknown: { status: '12011', message: '充值订单不存在' },
  /** simulator */
  accountUnknown: { status: '12012', message: '账户不存在' },
  /** simulator */
  noSuchApi: { status: '12020', message: '接口不存在' },
} as const

export type Answer = { status: string; message: string }

/** The envelope OneLink answers with: always HTTP 200, every value a string, `result` always a list. */
export interface WireEnvelope {
  status: string
  message: string
  result: Array<Record<string, unknown>>
}

export function envelope(answer: Answer, result: Array<Record<string, unknown>> = []): WireEnvelope {
  return { status: answer.status, message: answer.message, result }
}

/** Thrown by endpoint code to answer with a refusal envelope. */
export class Refusal extends Error {
  constructor(readonly answer: Answer) {
    super(`${answer.status} ${answer.message}`)
  }
}
