import { isCarrierError } from '@simops/carrier-sdk'
import { describe, expect, it } from 'vitest'
import { parseLegacyReply } from '../src/legacy/parse.js'
import { keyPartsOf, strEnc } from '../src/legacy/str-enc.js'
import { envelopeOf, fieldOf } from '../src/wire/envelope.js'
import { parseReply } from '../src/wire/reply.js'
import { parseXml, textOf, XmlSyntaxError } from '../src/wire/xml.js'

const TRAFFIC_XML =
  '<?xml version="1.0" encoding="UTF-8"?><root><web:NEW_DATA_TICKET_QRsp xmlns:web="urn:x">' +
  '<IRESULT>0</IRESULT><GROUP_TRANSACTIONID>1000000190</GROUP_TRANSACTIONID>' +
  '<TOTAL_BYTES_CNT>12.50MB</TOTAL_BYTES_CNT><CHARGE_CNT_CH>0元</CHARGE_CNT_CH><number>14912345678</number>' +
  '</web:NEW_DATA_TICKET_QRsp></root>'

const SVC_CONT =
  '<SvcCont><Response><RspType>0</RspType><RspCode>0000</RspCode><RspDesc>成功接收消息</RspDesc></Response>' +
  '<GROUP_TRANSACTIONID>1000000190202406</GROUP_TRANSACTIONID></SvcCont>'

const protocolError = (run: () => unknown) => {
  try {
    run()
  } catch (error) {
    return isCarrierError(error) ? error.code : `not a CarrierError: ${String(error)}`
  }
  return 'did not throw'
}

describe('XML reader', () => {
  it('reads elements by local name, dropping namespace prefixes and decoding entities', () => {
    const root = parseXml('<a:root x="1"><b>&lt;1&gt; &amp; &#20320;</b><c/><![CDATA[<raw>]]></a:root>')
    expect(root.name).toBe('root')
    expect(textOf(root, 'b')).toBe('<1> & 你')
    expect(textOf(root, 'c')).toBe('')
    expect(root.text).toBe('<raw>')
  })

  it.each([
    ['<root><IRESULT>0</IRESULT><TOTAL_BYTES_CNT>12.5', 'never closed'],
    ['<root><a></b></root>', 'does not close'],
    ['<a/><b/>', 'more than one root'],
    ['hello <a/>', 'text outside'],
    ['<root attr=unquoted></root>', 'unexpected markup'],
  ])('refuses %s', (source, reason) => {
    expect(() => parseXml(source)).toThrow(XmlSyntaxError)
    expect(() => parseXml(source)).toThrow(reason)
  })
})

describe('reply formats', () => {
  it('reads JSON, XML and plain text', () => {
    expect(parseReply('{"resultCode":"0"}')).toEqual({ format: 'json', value: { resultCode: '0' } })
    expect(parseReply(TRAFFIC_XML).format).toBe('xml')
    expect(parseReply('  -1 \n')).toEqual({ format: 'text', text: '-1' })
    expect(parseReply('该号码和用户没有绑定！')).toEqual({ format: 'text', text: '该号码和用户没有绑定！' })
  })

  it('refuses empty bodies and broken JSON or XML as protocol errors', () => {
    expect(protocolError(() => parseReply(''))).toBe('protocol')
    expect(protocolError(() => parseReply('{"resultCode":"0","productInfo":[{"productMain'))).toBe('protocol')
    expect(protocolError(() => parseReply('<root><IRESULT>0</IRESULT><TOTAL_BYTES_CNT>12.5'))).toBe(
      'protocol',
    )
  })

  it('decrypts legacy DES-hex bodies before reading them', () => {
    const keys = keyPartsOf('ABC123xyz')
    const body = strEnc('{"RESULT":"0","SMSG":"14912345678"}', ...keys)
    expect(parseLegacyReply(body, keys)).toEqual({
      format: 'json',
      value: { RESULT: '0', SMSG: '14912345678' },
    })
  })

  it('leaves hex that does not decrypt to text as it came', () => {
    const keys = keyPartsOf('ABC123xyz')
    const reply = parseLegacyReply('0123456789ABCDEF', keys)
    expect(reply.format).toBe('text')
  })
})

describe('envelope normalisation (reference §4)', () => {
  const envelope = (body: string) => {
    const { ok, code, message } = envelopeOf(parseReply(body))
    return { ok, code, message }
  }

  it.each([
    ['{"resultCode":"0","resultMsg":"处理成功！"}', { ok: true, code: '0', message: '处理成功！' }],
    ['{"resultCode":"0000","resultMsg":"ok"}', { ok: true, code: '0000', message: 'ok' }],
    ['{"result":"0","resultMsg":"成功"}', { ok: true, code: '0', message: '成功' }],
    [
      '{"result":"1","resultMsg":"该号码和用户没有绑定！"}',
      { ok: false, code: '1', message: '该号码和用户没有绑定！' },
    ],
    ['{"RESULT":"0","SMSG":"14912345678"}', { ok: true, code: '0', message: '14912345678' }],
    ['{"code":0,"msg":"查询成功","data":[]}', { ok: true, code: '0', message: '查询成功' }],
    ['{"code":"10003","msg":"签名校验失败"}', { ok: false, code: '10003', message: '签名校验失败' }],
    ['{"code":"0","message":"OK"}', { ok: true, code: '0', message: 'OK' }],
    [TRAFFIC_XML, { ok: true, code: '0', message: '' }],
    ['<root><IRESULT>1</IRESULT><SMSG>失败</SMSG></root>', { ok: false, code: '1', message: '失败' }],
    [SVC_CONT, { ok: true, code: '0000', message: '成功接收消息' }],
    [
      '<SvcCont><Response><RspType>1</RspType><RspCode>-5</RspCode><RspDesc>业务校验失败（单卡本月调用次数已超过限定次数！）</RspDesc></Response></SvcCont>',
      { ok: false, code: '-5', message: '业务校验失败（单卡本月调用次数已超过限定次数！）' },
    ],
    [
      '<root><result>100008</result><rspcode>100008</rspcode><rspdesc>可激活</rspdesc></root>',
      { ok: false, code: '100008', message: '可激活' },
    ],
    [
      '<root><result>0</result><rspcode>0000</rspcode><rspdesc>成功接收消息</rspdesc></root>',
      { ok: true, code: '0', message: '成功接收消息' },
    ],
    ['-3', { ok: false, code: '-3', message: '-3' }],
    ['99系统繁忙', { ok: false, code: '99', message: '99系统繁忙' }],
    ['该号码和用户没有绑定！', { ok: false, code: '', message: '该号码和用户没有绑定！' }],
  ])('%s', (body, expected) => {
    expect(envelope(body)).toEqual(expected)
  })

  it('refuses JSON and XML without any result code', () => {
    expect(protocolError(() => envelopeOf(parseReply('{"hello":"world"}')))).toBe('protocol')
    expect(protocolError(() => envelopeOf(parseReply('<html><body>gateway</body></html>')))).toBe('protocol')
  })

  it('gives payload fields of JSON and XML replies alike', () => {
    expect(fieldOf(parseReply(TRAFFIC_XML), 'TOTAL_BYTES_CNT')).toBe('12.50MB')
    expect(fieldOf(parseReply('{"SMSG":"149"}'), 'SMSG')).toBe('149')
    expect(fieldOf(parseReply('-1'), 'SMSG')).toBeUndefined()
  })
})
