/**
 * The last gate before a group (PIPL minimum disclosure): every text the bot posts to a group passes
 * `maskGroupText` in the sender, whatever command or job wrote it. Command-level masking (maskText,
 * maskName, maskAddress) stays; this is the defence behind it, for the forms that slip past it.
 *
 * Hidden: any run of 7 or more digits, in any width (full-width `１３８`, circled, Chinese numerals
 * `一三八…`) and with any separators between them (spaces of every kind, zero-width marks, `.` `/` `-` `—`
 * `_` `~` `，` `、` `:` parentheses …, up to three in a row); an 18-digit (or 17 + X) ID number keeps its
 * first 3 and last 4, a mobile `138****5678`, anything else its last 4; e-mail addresses keep the first
 * character of the local part and the domain (`z***@qq.com`).
 *
 * Left as they are (the bot's own words, never a constituent's number): issue ids `HP-2026-0001`, dates
 * `2026-12-10` / `2026/12/10` / `2026.12.10`, times `18:00`, `09:30:00`, the rate fractions of the
 * figures `95.2%（2345/2463）`, and the catalogue's example phone 13800138000 (a public service number).
 * Masked digits are replaced by `*`, which never joins a run, so masking twice changes nothing.
 */

/** One code point of the input, with its width-folded form (NFKC per code point). */
interface Unit {
  raw: string
  norm: string
  /** Part of a protected token or an already-masked span: breaks runs, never rewritten. */
  locked: boolean
}

const CHINESE_DIGITS: Record<string, string> = { 〇: '0', 零: '0', 一: '1', 幺: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' }

/** Characters people put between the digits of a number (after NFKC). */
const SEPARATOR = /^[\s\p{Zs}.,/\\\-‐‑‒–—―−_~〜、，。·・:;|+#'"()[\]{}（）【】〔〕<>]$/u
/** Invisible marks pasted between digits; NFKC keeps them. */
const INVISIBLE = /^[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]$/u
const MAX_SEPARATORS = 3
const MIN_DIGITS = 7

/** The bot's own numbers (matched on the folded text). Anchored so a longer digit run is never half-protected. */
const PROTECTED: RegExp[] = [
  // Issue ids.
  /(?<![A-Za-z0-9])[A-Z]{1,4}-20\d{2}-\d{4,6}(?![\d])/g,
  // Dates with separators, optionally followed by a time (handled by the next rule).
  /(?<!\d)(?:19|20)\d{2}([-/.])(?:0?[1-9]|1[0-2])\1(?:0?[1-9]|[12]\d|3[01])(?![\d])/g,
  // Times of day.
  /(?<![\d:])(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?![\d])/g,
  // The catalogue's example phone (China Mobile's public service number), never a constituent's.
  /(?<![\d])13800138000(?![\d])/g,
  // Rate fractions of the figures: `95.2%（2345/2463）`, `—（0/0）`.
  /(?<=%|—)\(\d{1,6}\/\d{1,6}\)/g,
]

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g

export function maskGroupText(text: string): string {
  if (text === '') return text
  let units = toUnits(text)
  units = replaceMatches(units, EMAIL, maskEmail)
  for (const re of PROTECTED) lockMatches(units, re)
  return maskDigitRuns(units)
}

/** ASCII and the CJK Unified Ideographs (U+4E00–U+9FFF) are their own NFKC form: most of any text, folded without a call. */
const nfkcStable = (c: number) => c < 0x80 || (c >= 0x4e00 && c <= 0x9fff)

function toUnits(text: string): Unit[] {
  const out: Unit[] = []
  for (const ch of text) {
    const norm = CHINESE_DIGITS[ch] ?? (nfkcStable(ch.codePointAt(0)!) ? ch : ch.normalize('NFKC'))
    out.push({ raw: ch, norm, locked: false })
  }
  return out
}

/** The folded text, and for each of its UTF-16 positions the unit it came from. */
function folded(units: Unit[]): { s: string; at: number[] } {
  const parts: string[] = new Array(units.length)
  const at: number[] = []
  for (let i = 0; i < units.length; i++) {
    const u = units[i]
    // A locked unit folds to one neutral character, so no pattern runs through it.
    const n = u.locked ? '\u0000' : u.norm
    parts[i] = n
    for (let k = 0; k < n.length; k++) at.push(i)
  }
  return { s: parts.join(''), at }
}

function lockMatches(units: Unit[], re: RegExp): void {
  const { s, at } = folded(units)
  for (const m of s.matchAll(re)) {
    const from = at[m.index ?? 0]
    const to = at[(m.index ?? 0) + m[0].length - 1]
    for (let i = from; i <= to; i++) units[i].locked = true
  }
}

function replaceMatches(units: Unit[], re: RegExp, mask: (m: string) => string): Unit[] {
  const { s, at } = folded(units)
  const hits = [...s.matchAll(re)].map((m) => ({ from: at[m.index ?? 0], to: at[(m.index ?? 0) + m[0].length - 1], text: m[0] }))
  if (hits.length === 0) return units
  const out: Unit[] = []
  let pos = 0
  for (const h of hits) {
    out.push(...units.slice(pos, h.from))
    const masked = mask(h.text)
    out.push({ raw: masked, norm: masked, locked: true })
    pos = h.to + 1
  }
  out.push(...units.slice(pos))
  return out
}

function maskEmail(email: string): string {
  const at = email.indexOf('@')
  return `${email[0]}***${email.slice(at)}`
}

const ALL_DIGITS = /^\d+$/
const isDigit = (u: Unit) => {
  if (u.locked) return false
  const n = u.norm
  if (n.length === 1) return n >= '0' && n <= '9'
  return ALL_DIGITS.test(n) // ⑩ folds to 10
}
const isSeparator = (u: Unit) => !u.locked && (SEPARATOR.test(u.norm) || INVISIBLE.test(u.raw) || u.norm === '')
const isX = (u: Unit) => !u.locked && (u.norm === 'X' || u.norm === 'x')

function maskDigitRuns(units: Unit[]): string {
  let out = ''
  let i = 0
  while (i < units.length) {
    if (!isDigit(units[i])) {
      out += units[i].raw
      i++
      continue
    }
    // A run: digits, joined by at most MAX_SEPARATORS separators between two digits.
    let end = i + 1 // exclusive
    let digits = units[i].norm
    for (;;) {
      let j = end
      while (j < units.length && j - end < MAX_SEPARATORS && isSeparator(units[j])) j++
      if (j < units.length && isDigit(units[j])) {
        digits += units[j].norm
        end = j + 1
      } else break
    }
    // An ID number's check character.
    if (digits.length === 17 && end < units.length && isX(units[end])) {
      digits += 'X'
      end++
    }
    if (digits.length >= MIN_DIGITS) out += maskNumber(digits)
    else out += units.slice(i, end).map((u) => u.raw).join('')
    i = end
  }
  return out
}

/**
 * `13812345678` → `138****5678`; an ID → first 3 and last 4; anything else → its last 4, behind at most
 * 11 stars (a list of numbers joined by `、` is one long run: its length says nothing worth showing).
 */
export function maskNumber(digits: string): string {
  const mobile = /^(?:86)?(1[3-9]\d)\d{4}(\d{4})$/.exec(digits)
  if (mobile) return `${mobile[1]}****${mobile[2]}`
  if (/^\d{17}[\dX]$/.test(digits)) return `${digits.slice(0, 3)}${'*'.repeat(11)}${digits.slice(-4)}`
  return `${'*'.repeat(Math.min(11, digits.length - 4))}${digits.slice(-4)}`
}

/** Whether `text` still shows 7 or more digits of `number` in a row (tests and the property check). */
export function showsDigitsOf(text: string, number: string, min = MIN_DIGITS): boolean {
  const want = number.replace(/\D/g, '')
  const have = digitsOnly(text)
  for (let k = 0; k + min <= want.length; k++) if (have.includes(want.slice(k, k + min))) return true
  return false
}

/**
 * The text's digits with separators between them dropped, runs joined by `|` (width-folded): what a
 * reader could piece together from one run.
 */
export function digitsOnly(text: string): string {
  const units = toUnits(text)
  let s = ''
  let gap = 0
  for (const u of units) {
    if (isDigit(u)) {
      s += u.norm
      gap = 0
    } else if (isSeparator(u) && gap < MAX_SEPARATORS) gap++
    else {
      if (!s.endsWith('|')) s += '|'
      gap = 0
    }
  }
  return s
}
