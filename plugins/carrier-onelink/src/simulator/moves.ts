import { STOP_BITS } from './inventory.js'

/** A status change: from one raw `cardStatus` to another, with the stop reason it leaves. */
export interface Move {
  from: string
  to: string
  stopBits: string
  /** Resuming: OneLink refuses it when a carrier reason stopped the card. */
  resumes?: true
}

const move = (from: string, to: string, stopBits: string = STOP_BITS.none, resumes = false): Move =>
  resumes ? { from, to, stopBits, resumes: true } : { from, to, stopBits }

type MoveTable = Readonly<Record<string, { ct?: Move; pb?: Move; unsupported?: true; reasonRequired?: true }>>

/**
 * Single-card `operType` of 23S03 [H]: 0 已激活→停机 · 1 停机→已激活 · 2 库存→已激活 · 3 可测试→库存 ·
 * 4 可测试→待激活 · 5 可测试→已激活 · 6 待激活→已激活 · 8 待激活→库存 · 9 库存→待激活. Whether PB cards take
 * the same codes is unconfirmed; the simulator lets PB cards stop, resume and activate with them.
 */
export const singleMoves: MoveTable = {
  '0': { ct: move('2', '4', STOP_BITS.customer), pb: move('00', '02', STOP_BITS.customer) },
  '1': { ct: move('4', '2', STOP_BITS.none, true), pb: move('02', '00', STOP_BITS.none, true) },
  '2': { ct: move('7', '2') },
  '3': { ct: move('6', '7') },
  '4': { ct: move('6', '1') },
  '5': { ct: move('6', '2') },
  '6': { ct: move('1', '2'), pb: move('07', '00') },
  '8': { ct: move('1', '7') },
  '9': { ct: move('7', '1') },
}

/**
 * Batch `operType` of 23S06 [M] — numbered differently: 1 可测试→库存 · 2 可测试→待激活 · 3 可测试→已激活 ·
 * 4 库存→待激活 · 5 库存→已激活 · 6 待激活→库存 · 7 待激活→已激活 · 8 待激活→已停机 (not supported) ·
 * 9 已激活→已停机 · 10 已停机→待激活 (not supported) · 11 已停机→已激活. 9 and 11 need `reason`.
 */
export const batchMoves: MoveTable = {
  '1': { ct: move('6', '7') },
  '2': { ct: move('6', '1') },
  '3': { ct: move('6', '2') },
  '4': { ct: move('7', '1') },
  '5': { ct: move('7', '2') },
  '6': { ct: move('1', '7') },
  '7': { ct: move('1', '2'), pb: move('07', '00') },
  '8': { unsupported: true },
  '9': {
    ct: move('2', '4', STOP_BITS.customer),
    pb: move('00', '02', STOP_BITS.customer),
    reasonRequired: true,
  },
  '10': { unsupported: true },
  '11': {
    ct: move('4', '2', STOP_BITS.none, true),
    pb: move('02', '00', STOP_BITS.none, true),
    reasonRequired: true,
  },
}

/** Any stop reason other than the customer's own. */
export function stoppedByCarrier(stopBits: string): boolean {
  return [...stopBits].some((bit, position) => bit === '2' && position !== STOP_BITS.customer.indexOf('2'))
}
