/**
 * PIPL minimum disclosure (最小必要): in any group chat a constituent appears only as surname + 某 and
 * `138****5678`, and free texts (content, answers) have every phone and ID-card number hidden. The full
 * record is for coordinators in private chat and the exported ledger only.
 */
import { findPhones } from './phone.js'
import { maskGroupText } from '../privacy/mask-group-text.js'
import { maskHouseNumbers } from '../privacy/mask-house-numbers.js'

/** Two-character surnames (复姓), so that 欧阳修 becomes 欧阳某 and not 欧某. */
export const COMPOUND_SURNAMES: readonly string[] = [
  '欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '令狐', '宇文', '司徒',
  '夏侯', '轩辕', '端木', '独孤', '南宫', '西门', '百里', '呼延', '万俟', '闻人', '赫连', '澹台', '公冶',
  '太史', '申屠', '钟离', '濮阳', '淳于', '单于', '东郭', '拓跋', '司空', '左丘', '第五', '谷梁', '宗政',
  '羊舌', '微生', '梁丘', '公良', '乐正', '漆雕', '壤驷', '公西', '巫马', '亓官', '仲孙', '叔孙', '鲜于',
  '闾丘', '子车', '段干', '东门', '公羊', '公门', '司寇', '仉督', '夹谷', '宰父', '谷粱', '车正', '拓拔',
]

/** Names that already hide the person. */
const ANONYMOUS = new Set(['匿名', '匿名群众', '无名', '不详'])

/**
 * `王大爷` → `王某`, `欧阳娜娜` → `欧阳某`, `老李`/`小李` → `李某`. Names of two characters never keep two
 * (`欧阳` alone could be 欧 + 阳). Anything else keeps its first character.
 */
export function maskName(name: string): string {
  const n = name.trim()
  if (n === '') return ''
  if (ANONYMOUS.has(n)) return n
  const chars = [...n]
  if (chars.length >= 3 && COMPOUND_SURNAMES.includes(chars[0] + chars[1])) return `${chars[0]}${chars[1]}某`
  if (chars.length === 2 && /^[老小阿]$/.test(chars[0]) && /\p{Script=Han}/u.test(chars[1])) return `${chars[1]}某`
  return `${chars[0]}某`
}

/**
 * `13812345678` → `138****5678`; `022-12345678` → `022-****5678` (the area code names a city, not a
 * person); anything else keeps only its last 4 digits.
 */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '')
  const mobile = /^(?:86)?(1\d{2})\d{4}(\d{4})$/.exec(digits)
  if (mobile) return `${mobile[1]}****${mobile[2]}`
  const landline = /^(0\d{2,3})-/.exec(phone.trim())
  const rest = landline ? digits.slice(landline[1].length) : digits
  const kept = rest.slice(-4)
  const stars = '*'.repeat(Math.max(4, rest.length - kept.length))
  return landline ? `${landline[1]}-${stars}${kept}` : `${stars}${kept}`
}

/** 18-digit ID card (last may be X) → first 3 + 11 stars + last 4; 15–19 digit runs (old IDs, bank cards) → last 4. */
const LONG_NUMBER = /(?<!\d)(?:\d{17}[\dXx]|\d{15,19}|\d{4}(?: \d{4}){3}(?: \d{1,3})?)(?![\dXx])/g

/** Every phone (valid or typo) and every ID-card or card-like number inside free text, masked. */
export function maskText(s: string): string {
  const withoutIds = s.replace(LONG_NUMBER, (m) => {
    if (/^\d{17}[\dXx]$/.test(m)) return `${m.slice(0, 3)}${'*'.repeat(11)}${m.slice(-4)}`
    const digits = m.replace(/ /g, '')
    return `${'*'.repeat(digits.length - 4)}${digits.slice(-4)}`
  })
  const phones = findPhones(withoutIds)
  if (phones.length === 0) return withoutIds
  let out = ''
  let pos = 0
  for (const p of phones) {
    out += withoutIds.slice(pos, p.start) + maskPhone(p.phone ?? p.raw)
    pos = p.end
  }
  return out + withoutIds.slice(pos)
}

/**
 * A constituent's free text as anyone but a coordinator in private may see it: `maskText` (phones in
 * their usual forms, IDs, cards), house numbers (`成都道120号3单元501` → `成都道**`), and then the group
 * gate's rules (any 7+ digit run in any width or with any separators, e-mails). Shorten only what this
 * returned: mask first, cut after.
 */
export function maskFreeText(s: string): string {
  return maskGroupText(maskHouseNumbers(maskText(s)))
}

/** First line of a text, cut to `max` characters (code points). Callers pass text already masked. */
export function brief(s: string, max = 30): string {
  const first = s.split('\n')[0]
  const chars = [...first]
  return chars.length > max ? chars.slice(0, max).join('') + '…' : first + (s.includes('\n') ? '…' : '')
}
