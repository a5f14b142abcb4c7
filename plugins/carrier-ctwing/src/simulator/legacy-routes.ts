import { keyPartsOf, strEnc } from '../legacy/str-enc.js'
import type { SimulatedCtwing } from './carrier.js'
import type { SimulatedCard } from './inventory.js'
import {
  defaultLegacyAuthCodes,
  verifyLegacyAuth,
  type LegacyAuthCodes,
  type LegacyCredentials,
} from './legacy-auth.js'
import {
  acceptedReply,
  activationReply,
  CAP_REACHED,
  failureReply,
  listReply,
  NOT_BOUND,
  notBoundReply,
  READY_CARD,
  statusReply,
  telephoneReply,
  text,
  trafficReply,
  type ReplyKind,
  type SimulatorReply,
} from './replies.js'

export interface LegacyContext {
  carrier: SimulatedCtwing
  credentials: LegacyCredentials
  authCodes?: LegacyAuthCodes
  /** Send getTelephone and getSIMList replies strEnc-encrypted as upper-case hex, as some accounts get them. */
  encryptReplies: boolean
}

export interface Route {
  kind: ReplyKind
  answer(): SimulatorReply
}

const kindOfMethod: Record<string, ReplyKind> = {
  getTelephone: 'telephone',
  queryCardMainStatus: 'status',
  requestServActive: 'activation',
  disabledNumber: 'svcCont',
  singleCutNet: 'svcCont',
  queryTraffic: 'traffic',
  getSIMList: 'list',
}

/** Refusals of a business rule; the reference gives no codes for them, so these are SimOps' own. */
const REFUSED_CODE = '9999'
const MISSING_PARAMETER_CODE = '9998'

function encrypted(reply: SimulatorReply, context: LegacyContext): SimulatorReply {
  if (!context.encryptReplies) return reply
  const body = strEnc(reply.body, ...keyPartsOf(context.credentials.secretKey))
  return { ...reply, contentType: 'text/plain;charset=UTF-8', body }
}

function answerMethod(context: LegacyContext, params: Record<string, string>): SimulatorReply {
  const { carrier } = context
  const method = params.method ?? ''
  const byIdentifier = (): SimulatedCard | undefined =>
    params.access_number !== undefined
      ? carrier.cardByAccessNumber(params.access_number, params.queryDropCard === 'true')
      : params.iccid !== undefined
        ? carrier.cardByIccid(params.iccid)
        : undefined
  switch (method) {
    case 'getTelephone': {
      const card = byIdentifier()
      return card ? encrypted(telephoneReply(card.accessNumber), context) : text(NOT_BOUND)
    }
    case 'queryCardMainStatus': {
      const card = byIdentifier()
      if (card && card.status === '7' && params.queryDropCard !== 'true') return text(NOT_BOUND)
      return card ? statusReply('legacy', card, carrier.nextTransactionId()) : text(NOT_BOUND)
    }
    case 'queryTraffic': {
      const card = byIdentifier()
      return card
        ? trafficReply(card, carrier.usageTextOf(card), carrier.nextTransactionId())
        : text(NOT_BOUND)
    }
    case 'getSIMList': {
      const page = carrier.page(Math.max(1, Number(params.pageIndex ?? '1') || 1))
      return encrypted(listReply(Number(params.pageIndex ?? '1') || 1, page.total, page.cards), context)
    }
    case 'requestServActive': {
      const outcome = carrier.requestChange(params.access_number ?? '', 'requestServActive')
      if (outcome.kind === 'accepted') return activationReply()
      if (outcome.kind === 'notBound') return text(NOT_BOUND)
      if (outcome.kind === 'capReached') return failureReply('activation', 'legacy', '-5', CAP_REACHED)
      return failureReply(
        'activation',
        'legacy',
        REFUSED_CODE,
        outcome.kind === 'refused' ? outcome.message : READY_CARD,
      )
    }
    case 'disabledNumber': {
      const order = params.orderTypeId
      if (order !== '19' && order !== '20' && order !== '21' && order !== '22')
        return failureReply('svcCont', 'legacy', MISSING_PARAMETER_CODE, '参数错误：orderTypeId')
      const outcome = carrier.requestChange(params.access_number ?? '', order)
      if (outcome.kind === 'accepted') return acceptedReply('svcCont', outcome.transactionId)
      if (outcome.kind === 'notBound') return text(NOT_BOUND)
      if (outcome.kind === 'readyCard') return failureReply('svcCont', 'legacy', '100008', READY_CARD)
      if (outcome.kind === 'capReached') return failureReply('svcCont', 'legacy', '-5', CAP_REACHED)
      return failureReply('svcCont', 'legacy', REFUSED_CODE, outcome.message)
    }
    case 'singleCutNet': {
      if (params.action !== 'ADD' && params.action !== 'DEL')
        return failureReply('svcCont', 'legacy', MISSING_PARAMETER_CODE, '参数错误：action')
      return carrier.cutNet(params.access_number ?? '', params.action)
        ? acceptedReply('svcCont', carrier.nextTransactionId())
        : notBoundReply('svcCont', 'legacy')
    }
    default:
      return text('01方法不存在或未开通')
  }
}

/** A request to …/m2m_ec/query.do or …/m2m_ec/app/serviceAccept.do (the carrier accepts both). */
export function legacyRoute(context: LegacyContext, params: Record<string, string>): Route {
  return {
    kind: kindOfMethod[params.method ?? ''] ?? 'status',
    answer() {
      const auth = verifyLegacyAuth(params, context.credentials, context.authCodes ?? defaultLegacyAuthCodes)
      // A known user with the right password who left out acctCd hears about the parameter, not the sign.
      if (
        (auth.ok || auth.failed === 'sign') &&
        params.method === 'disabledNumber' &&
        params.acctCd === undefined
      )
        return failureReply('svcCont', 'legacy', MISSING_PARAMETER_CODE, '参数错误：缺少acctCd')
      return auth.ok ? answerMethod(context, params) : text(auth.bareCode)
    },
  }
}
