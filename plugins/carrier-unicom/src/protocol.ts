/**
 * The China Unicom IoT gateway's wire format, shared by the plugin (which never trusts an answer
 * without checking it) and the simulator (which produces them).
 *
 *   POST {baseUrl}{apiName}/v{apiVersion}     e.g. …/api/wsGetTerminalDetails/V1/1Main/vV1.1
 *   Content-Type: application/json;charset=UTF-8
 *   { app_id, timestamp, trans_id, token, data: { messageId, openId, version, …business fields } }
 *
 * Answers carry two success layers: the gateway's `status` and the business `data.resultCode`,
 * both "0000" on success.
 */

export const apiNames = {
  terminalDetails: 'wsGetTerminalDetails/V1/1Main',
  editTerminal: 'wsEditTerminal/V1/1Main',
} as const
export type ApiName = (typeof apiNames)[keyof typeof apiNames]

export const SUCCESS = '0000'

/** Most ICCIDs one wsGetTerminalDetails call takes. */
export const MAX_DETAILS_ICCIDS = 50

/** wsEditTerminal changeType for the SIM status; the others (rate plan, device id…) are not used here. */
export const CHANGE_TYPE_SIM_STATUS = '3'

/** `simStatus` codes (Jasper-derived: TEST_READY, ACTIVATION_READY, ACTIVATED, …). */
export const simStatuses = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] as const
export type SimStatus = (typeof simStatuses)[number]

/** Target statuses wsEditTerminal changeType 3 is used with: 2 activates or resumes, 3 suspends. */
export const TARGET_ACTIVATED: SimStatus = '2'
export const TARGET_DEACTIVATED: SimStatus = '3'

export interface RequestEnvelope {
  app_id: string
  timestamp: string
  trans_id: string
  token: string
  data: RequestData
}

export interface RequestData {
  messageId: string
  openId: string
  version: string
  [field: string]: unknown
}

export interface ReplyEnvelope {
  status: string
  message: string
  /** Absent when the gateway itself refused the request. */
  data?: ReplyData
}

export interface ReplyData {
  messageId: string
  version: string
  resultCode: string
  /** Beijing time, `yyyy-MM-dd HH:mm:ss SSS`. */
  timestamp: string
  resultDesc?: string
  [field: string]: unknown
}

/**
 * One terminal of a wsGetTerminalDetails answer. Every field is an optional string on the wire;
 * the names are the gateway's own, `provinceCusutom1..5` misspelling included.
 */
export interface WireTerminal {
  iccid: string
  imsi?: string
  msisdn?: string
  imei?: string
  simStatus?: string
  ratePlan?: string
  dateActivated?: string
  dateAdded?: string
  dateShipped?: string
  dateModified?: string
  monthToDateUsage?: string
  /** Cycle-to-date data in MB, as text. */
  monthToDateDataUsage?: string
  monthToDateSMSUsage?: string
  monthToDateSMSUsageMO?: string
  monthToDateVoiceUsage?: string
  monthToDateVoiceUsageMO?: string
  /** 0 not required/not done · 1 required/not done · 2 required/done · 3 not required/done. */
  realNameStatus?: string
  lockStatus?: string
  networkType?: string
  ctdSessionCount?: string
  overageLimitReached?: string
  overageLimitOverride?: string
  [field: string]: string | undefined
}
