/**
 * House numbers inside a constituent's free text, for anyone but a coordinator in private: a complaint
 * often says where the person lives (`住在滨江道8号楼3门201`), and a constituent's address never shows
 * in a group. A chain of numbers with the words that count houses, buildings, units, floors and flats —
 * `120号3单元501`, `8号楼3门201`, `三号楼二单元`, `5栋302室`, `3-2-501` — becomes `**`; the street or
 * community before it stays (`成都道**`), so readers still know where the problem is. A date's `12月3号`
 * is not a house, nor a floor alone (`服务中心一楼`); a lone `3号` elsewhere is masked (better one number
 * too many than a home address). A number already masked (`…1234` after `*`) is left as it is.
 */

/** Chinese numerals as people write house, unit and flat numbers (`三号楼`, `二单元`). Shared with maskAddress. */
export const CHINESE_NUMERAL = '[一二三四五六七八九十百零〇两]+'
/** The words that count houses, buildings, units, floors and flats. Shared with maskAddress. */
export const HOUSE_UNIT = '(?:号楼|号院|号|栋|幢|座|单元|门|室|层|楼|户|排|巷|弄)'
const NUM = `(?:[0-9０-９]+|${CHINESE_NUMERAL})`
/** One or more `number + unit`, then maybe a bare flat number (`3单元501`). */
const CHAIN = new RegExp(`(?<![月0-9０-９*])${NUM}\\s*${HOUSE_UNIT}(?:\\s*${NUM}\\s*${HOUSE_UNIT})*(?:\\s*[0-9０-９]+)?`, 'gu')
/** What makes a chain a home: a floor alone (`一楼`, `2楼`, `3层`: where a service desk is) is not one. */
const HOME_UNIT = /号|栋|幢|座|单元|门|室|户|排|巷|弄/u
/** `3-2-501` numbering (building-unit-flat); a date (`2026-12-10`) and an issue id (`HP-2026-0001`) are not. */
const DASHED = /(?<![\dA-Za-z-])(?!(?:19|20)\d\d-)\d{1,4}-\d{1,4}-\d{1,5}(?![\d-])/gu

export function maskHouseNumbers(text: string): string {
  return text.replace(CHAIN, (m) => (HOME_UNIT.test(m) ? '**' : m)).replace(DASHED, '**')
}
