import type { SimulatedCtwing } from './carrier.js'
import { cmp5gAuthRefusal, verifyCmp5gAuth, type Cmp5gCredentials } from './cmp5g-auth.js'
import type { SimulatedCard } from './inventory.js'
import type { Route } from './legacy-routes.js'
import {
  acceptedReply,
  activationReply,
  CAP_REACHED,
  failureReply,
  json,
  notBoundReply,
  READY_CARD,
  statusReply,
  telephoneReply,
  trafficReply,
  type ReplyKind,
  type SimulatorReply,
} from './replies.js'

export interface Cmp5gContext {
  carrier: SimulatedCtwing
  credentials: Cmp5gCredentials
  maxSkewSeconds: number
}

export interface Cmp5gRequest {
  path: string
  query: URLSearchParams
  rawBody: string
  headers: Readonly<Record<string, string | undefined>>
}

const REFUSED_CODE = '9999'
const MISSING_PARAMETER_CODE = '9998'

type Handler = (carrier: SimulatedCtwing, params: Record<string, string>) => SimulatorReply

function cardOf(carrier: SimulatedCtwing, params: Record<string, string>): SimulatedCard | undefined {
  if (params.access_number !== undefined)
    return carrier.cardByAccessNumber(params.access_number, params.queryDropCard === 'true')
  return params.iccid !== undefined ? carrier.cardByIccid(params.iccid) : undefined
}

/** The 5G endpoints the simulator serves (reference §3.2), with the reply kind each answers in. */
const endpoints: Record<string, { kind: ReplyKind; handle: Handler }> = {
  '/openapi/v1/prodinst/getTelephone': {
    kind: 'telephone',
    handle: (carrier, params) => {
      const card = cardOf(carrier, params)
      return card ? telephoneReply(card.accessNumber) : notBoundReply('telephone', 'cmp5g')
    },
  },
  '/openapi/v1/prodinst/queryCardMainStatus': {
    kind: 'status',
    handle: (carrier, params) => {
      const card = cardOf(carrier, params)
      return card ? statusReply('cmp5g', card, carrier.nextTransactionId()) : notBoundReply('status', 'cmp5g')
    },
  },
  '/api/v1/openbill/queryTraffic': {
    kind: 'traffic',
    handle: (carrier, params) => {
      const card = cardOf(carrier, params)
      return card
        ? trafficReply(card, carrier.usageTextOf(card), carrier.nextTransactionId())
        : notBoundReply('traffic', 'cmp5g')
    },
  },
  '/5gcmp/openapi/v1/common/requestServActive': {
    kind: 'activation',
    handle: (carrier, params) => {
      const outcome = carrier.requestChange(params.access_number ?? '', 'requestServActive')
      if (outcome.kind === 'accepted') return activationReply()
      if (outcome.kind === 'notBound') return notBoundReply('activation', 'cmp5g')
      if (outcome.kind === 'capReached') return failureReply('activation', 'cmp5g', '-5', CAP_REACHED)
      return failureReply(
        'activation',
        'cmp5g',
        REFUSED_CODE,
        outcome.kind === 'refused' ? outcome.message : READY_CARD,
      )
    },
  },
  '/5gcmp/openapi/v1/common/disabledNumberService': {
    kind: 'numberService',
    handle: (carrier, params) => {
      const order = params.orderTypeId
      if (
        params.acctCd === undefined ||
        (order !== '19' && order !== '20' && order !== '21' && order !== '22')
      )
        return failureReply(
          'numberService',
          'cmp5g',
          MISSING_PARAMETER_CODE,
          '参数错误：acctCd 与 orderTypeId 必填',
        )
      const outcome = carrier.requestChange(params.access_number ?? '', order)
      if (outcome.kind === 'accepted') return acceptedReply('numberService', outcome.transactionId)
      if (outcome.kind === 'notBound') return notBoundReply('numberService', 'cmp5g')
      if (outcome.kind === 'readyCard') return failureReply('numberService', 'cmp5g', '100008', READY_CARD)
      if (outcome.kind === 'capReached') return failureReply('numberService', 'cmp5g', '-5', CAP_REACHED)
      return failureReply('numberService', 'cmp5g', REFUSED_CODE, outcome.message)
    },
  },
  '/5gcmp/openapi/v1/common/singleCutNet': {
    kind: 'svcCont',
    handle: (carrier, params) => {
      if (params.action !== 'ADD' && params.action !== 'DEL')
        return failureReply('svcCont', 'cmp5g', MISSING_PARAMETER_CODE, '参数错误：action')
      return carrier.cutNet(params.access_number ?? '', params.action)
        ? acceptedReply('svcCont', carrier.nextTransactionId())
        : notBoundReply('svcCont', 'cmp5g')
    },
  },
}

export function isCmp5gPath(path: string): boolean {
  return Object.hasOwn(endpoints, path)
}

/** Query parameters, plus the fields of a JSON object body (some endpoints take GET or POST). */
function paramsOf(request: Cmp5gRequest): Record<string, string> {
  const params = Object.fromEntries(request.query)
  if (request.rawBody.trim().startsWith('{')) {
    try {
      const body = JSON.parse(request.rawBody) as Record<string, unknown>
      for (const [name, value] of Object.entries(body)) if (typeof value === 'string') params[name] = value
    } catch {
      // A body that is not JSON carries no parameters; the sign still covers its text.
    }
  }
  return params
}

export function cmp5gRoute(context: Cmp5gContext, request: Cmp5gRequest): Route | undefined {
  const endpoint = endpoints[request.path]
  if (!endpoint) return undefined
  return {
    kind: endpoint.kind,
    answer() {
      const { carrier } = context
      const auth = verifyCmp5gAuth(
        request.headers,
        request.query,
        request.rawBody,
        context.credentials,
        carrier.clock.now(),
        context.maxSkewSeconds,
      )
      if (!auth.ok) return json(cmp5gAuthRefusal(auth.code, auth.message))
      return endpoint.handle(carrier, paramsOf(request))
    },
  }
}
