/**
 * The answers the simulator gives when it refuses something. Only "0000", 1193, 9017 and 1044 are
 * known from real integrations; the gateway's own status codes and the other business codes are
 * undocumented, so these are this simulator's choices. Their messages carry the words the real
 * gateway is reported to use (token, app_id, timestamp, 频繁…), which is what the plugin classifies on.
 */
export const gatewayRefusals = {
  badRequest: { status: '1000', message: '请求报文格式错误 (malformed request body)' },
  unknownApp: { status: '1001', message: 'app_id不存在 (unknown app_id)' },
  badTimestamp: {
    status: '1002',
    message: 'timestamp格式错误或超出有效期 (timestamp malformed or more than 5 minutes off Beijing time)',
  },
  badTransId: { status: '1003', message: 'trans_id格式错误 (trans_id must be 18 to 23 digits)' },
  badToken: { status: '1004', message: 'token校验失败 (token verification failed)' },
  badOpenId: { status: '1005', message: 'openId无效 (openId does not belong to this app_id)' },
  rateLimited: { status: '1006', message: '请求过于频繁，请稍后再试 (too many requests, try again later)' },
  unknownApi: { status: '1007', message: '接口不存在 (no such API)' },
} as const
export type GatewayRefusal = (typeof gatewayRefusals)[keyof typeof gatewayRefusals]

export const businessCodes = {
  alreadyInTarget: { resultCode: '1193', resultDesc: '卡已处于目标状态 (card already in the target status)' },
  badParameter: { resultCode: '1010', resultDesc: '参数错误 (missing or malformed business field)' },
  unsupportedChange: { resultCode: '1011', resultDesc: '不支持的变更类型 (changeType not supported)' },
  tooManyIccids: { resultCode: '1012', resultDesc: 'iccids数量超过50 (more than 50 ICCIDs)' },
  unknownIccid: { resultCode: '1027', resultDesc: 'ICCID不存在 (no such ICCID in this account)' },
  transitionRefused: {
    resultCode: '1063',
    resultDesc: '当前状态不允许变更为目标状态 (the current status cannot change to the target)',
  },
  noRights: {
    resultCode: '1099',
    resultDesc: '账户无此操作权限 (the account may not retire or purge cards)',
  },
  verify9017: { resultCode: '9017', resultDesc: '处理中 (processing)' },
  verify1044: { resultCode: '1044', resultDesc: '处理中 (processing)' },
} as const
export type BusinessCode = (typeof businessCodes)[keyof typeof businessCodes]
