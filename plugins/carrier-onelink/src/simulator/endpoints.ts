import {
  chinaDay,
  chinaMidnightOf,
  chinaMonth,
  chinaMonthOf,
  chinaTimestamp,
  DAY_MS,
  parseChinaTime,
} from '../china-time.js'
import { answers, Refusal } from './answers.js'
import type { SimCard } from './inventory.js'
import type { SimulatedOneLink } from './state.js'
import { batchSelector, singleSelector } from './selectors.js'
import { kbFigure, kbText, reportedCentiKb } from './usage-ledger.js'

type Params = Record<string, string>
type Row = Record<string, unknown>
/** One business endpoint: parameters in, result rows out (or a Refusal thrown). */
type Endpoint = (sim: SimulatedOneLink, params: Params, context: { baseUrl: string }) => Row[]

const time = (at: number | null) => (at === null ? ' ' : chinaTimestamp(at))

function oneCard(sim: SimulatedOneLink, params: Params): SimCard {
  const selector = singleSelector(params)
  sim.noteSelectorSize(1)
  const card = sim.find(selector)
  if (!card) throw new Refusal(answers.cardUnknown)
  return card
}

function manyCards(sim: SimulatedOneLink, params: Params) {
  const { key, values } = batchSelector(params)
  sim.noteSelectorSize(values.length)
  return values.map((value) => ({ key, value, card: sim.find({ key, value }) }))
}

const unknownRow = (key: string, value: string): Row => ({ ...answers.cardUnknown, [key]: value })

/** A day (yyyyMMdd) inside OneLink's daily window: the last 7 days up to yesterday. */
function checkDailyDate(sim: SimulatedOneLink, queryDate: string): void {
  const day = parseChinaTime(queryDate)
  const today = chinaMidnightOf(sim.now())
  if (!/^\d{8}$/.test(queryDate) || !day || day.getTime() >= today || day.getTime() < today - 7 * DAY_MS)
    throw new Refusal({
      status: answers.badParameters.status,
      message: 'queryDate仅支持近7天中某一天，截止前一天',
    })
}

/** A month (yyyyMM) inside OneLink's monthly window: this month and the 5 before it. */
function checkMonthlyDate(sim: SimulatedOneLink, queryDate: string): void {
  const months: string[] = []
  let at = sim.now()
  for (let index = 0; index < 6; index++) {
    months.push(chinaMonth(at))
    at = chinaMonthOf(at).start - 1
  }
  if (!months.includes(queryDate))
    throw new Refusal({ status: answers.badParameters.status, message: 'queryDate仅支持近6个月' })
}

export const endpoints: Readonly<Record<string, Endpoint>> = {
  '/query/sim-basic-info': (sim, params) => {
    const card = oneCard(sim, params)
    return [
      {
        msisdn: card.msisdn,
        imsi: card.imsi,
        iccid: card.iccid,
        activeDate: time(card.activatedAt),
        openDate: time(card.openedAt),
        remark: ' ',
      },
    ]
  },
  '/query/sim-card-info/batch': (sim, params) =>
    manyCards(sim, params).map(({ key, value, card }) =>
      card
        ? { ...answers.ok, msisdn: card.msisdn, iccid: card.iccid, imsi: card.imsi }
        : unknownRow(key, value),
    ),
  '/query/sim-platform/batch': (sim, params) =>
    manyCards(sim, params).map(({ key, value, card }) =>
      card ? { ...answers.ok, platformType: card.platformType, msisdn: card.msisdn } : unknownRow(key, value),
    ),
  '/query/sim-status': (sim, params) => {
    const card = oneCard(sim, params)
    return [{ cardStatus: card.status, lastChangeDate: chinaTimestamp(card.lastChangeAt) }]
  },
  '/query/sim-stop-reason': (sim, params) => {
    const card = oneCard(sim, params)
    return [{ platformType: card.platformType, stopReason: card.stopBits }]
  },
  '/query/sim-imei': (sim, params) => [{ imei: oneCard(sim, params).imei }],
  '/query/sim-data-usage': (sim, params) => {
    const card = oneCard(sim, params)
    const used = kbText(reportedCentiKb(card))
    return [
      {
        dataAmount: used,
        apnUseAmountList:
          used === ' ' ? [] : [{ apnName: 'CMIOT', apnUseAmount: used, pccCodeUseAmountList: [] }],
      },
    ]
  },
  '/query/sim-data-margin': (sim, params) => {
    const card = oneCard(sim, params)
    if (card.packageKb === null) return [{ accmMarginList: [] }]
    const usedCentiKb = Math.min(reportedCentiKb(card), card.packageKb * 100)
    return [
      {
        accmMarginList: [
          {
            offeringId: `1000${card.packageKb}`,
            offeringName: card.offeringName ?? ' ',
            apnName: 'CMIOT',
            totalAmount: kbFigure(card.packageKb * 100),
            useAmount: kbFigure(usedCentiKb),
            remainAmount: kbFigure(card.packageKb * 100 - usedCentiKb),
            pccCode: ' ',
          },
        ],
      },
    ]
  },
  '/query/sim-data-usage-daily/batch': (sim, params) => {
    const queryDate = params.queryDate ?? ''
    checkDailyDate(sim, queryDate)
    const list = manyCards(sim, params).flatMap(({ key, value, card }) =>
      card
        ? [{ [key]: value, dataAmount: kbText(card.dailyCentiKb.get(queryDate) ?? 0), apnDataAmountList: [] }]
        : [],
    )
    return [{ dataAmountList: list }]
  },
  '/query/sim-data-usage-monthly/batch': (sim, params) => {
    const queryDate = params.queryDate ?? ''
    checkMonthlyDate(sim, queryDate)
    const current = queryDate === chinaMonth(sim.now())
    const list = manyCards(sim, params).flatMap(({ key, value, card }) => {
      if (!card) return []
      // This month's figure runs to the previous midnight.
      const centiKb = current ? card.usedAtMidnightCentiKb : (card.monthlyCentiKb.get(queryDate) ?? 0)
      return [{ [key]: value, dataAmount: kbText(centiKb), apnDataAmountList: [] }]
    })
    return [{ deadLine: chinaDay(chinaMidnightOf(sim.now()) - 1), dataAmountList: list }]
  },
  '/change/sim-status': (sim, params) => {
    const card = oneCard(sim, params)
    const orderNum = sim.changeSingle(card, (params.operType ?? '').trim())
    const selector = singleSelector(params)
    return [{ orderNum, msisdn: card.msisdn, [selector.key]: selector.value }]
  },
  '/change/sim-status/batch': (sim, params) => {
    const { key, values } = batchSelector(params)
    // The batch change takes MSISDNs only.
    if (key !== 'msisdn') throw new Refusal(answers.badParameters)
    sim.noteSelectorSize(values.length)
    const cards = values.map((msisdn) => ({ msisdn, card: sim.find({ key, value: msisdn }) }))
    return [{ jobId: sim.changeBatch(cards, (params.operType ?? '').trim(), (params.reason ?? '').trim()) }]
  },
  '/query/sim-batch-result': (sim, params) => {
    const result = sim.changeResult(params.jobId ?? params.orderNum ?? '')
    if (!result) throw new Refusal(answers.orderUnknown)
    return [result]
  },
  '/recharge/sim-account': (sim, params, { baseUrl }) => {
    const order = sim.orders.create(params, sim.now())
    return [{ orderNo: order.orderNo, payUrl: `${new URL(baseUrl).origin}/pay/${order.orderNo}` }]
  },
  '/query/sim-account-recharge-result': (sim, params) => {
    const startNum = Number(params.startNum ?? '')
    const pageSize = Number(params.pageSize ?? '')
    if (
      !Number.isInteger(startNum) ||
      startNum < 1 ||
      !Number.isInteger(pageSize) ||
      pageSize < 1 ||
      pageSize > 50
    )
      throw new Refusal(answers.badParameters)
    let orders
    if (params.orderNo) {
      const order = sim.orders.get(params.orderNo)
      if (!order) throw new Refusal(answers.orderUnknown)
      orders = [order]
    } else {
      const start = parseChinaTime(params.startTime ?? '')
      const end = parseChinaTime(params.endTime ?? '')
      if (!start || !end) throw new Refusal(answers.badParameters)
      orders = sim.orders.between(start.getTime(), end.getTime())
    }
    return orders.slice((startNum - 1) * pageSize, startNum * pageSize).map((order) => ({
      orderNo: order.orderNo,
      entityType: order.entityType,
      entityId: order.entityId,
      chargeMoney: order.chargeMoney,
      paymentType: order.paymentType,
      orderStatus: order.status,
      createTime: chinaTimestamp(order.createdAt),
      payTime: time(order.paidAt),
    }))
  },
}
