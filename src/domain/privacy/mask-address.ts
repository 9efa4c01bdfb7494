/**
 * A constituent's address as a group may see it: the street or community it is in, never a number in it
 * (a constituent's address never shows in a group; the road or 小区 still says where the problem is).
 * `和平里3号楼2单元501` → `和平里**`, `解放路12号` → `解放路**`, `幸福小区五栋` → `幸福小区**`,
 * `西康路赛顿中心B座1502` → `西康路赛顿中心**`; an address with no number (`幸福小区`) stays.
 * Phones or ID numbers typed into the address are hidden by the caller's `maskText` as well.
 */

import { CHINESE_NUMERAL, HOUSE_UNIT } from './mask-house-numbers.js'

/**
 * Where the personal part starts: the first digit (ASCII or full-width), a Chinese numeral that counts a
 * house, building, unit, floor or flat (`三号楼`, `五栋`, `二单元`; `七一社区` is a name), or a lettered
 * building (`B座`).
 */
const NUMBERED = new RegExp(`[0-9０-９]|${CHINESE_NUMERAL}\\s*${HOUSE_UNIT}|[A-Za-zＡ-Ｚａ-ｚ]\\s*(?:座|栋|幢|号楼)`, 'u')

export function maskAddress(address: string): string {
  const a = address.trim()
  const at = NUMBERED.exec(a)
  if (!at) return a
  return `${a.slice(0, at.index).trimEnd()}**`
}
