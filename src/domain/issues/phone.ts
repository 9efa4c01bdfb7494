/**
 * Finding Chinese phone numbers in typed text, shared by the intake parser (which must tell a phone from a
 * typo) and the masker (which must hide every phone, typos included, before a text reaches a group).
 *
 * Accepted: mobile `1[3-9]x` + 8 digits, written `13812345678`, `138-1234-5678`, `138 1234 5678`,
 * `138.1234.5678`, `+86 138…`; landline with area code `022-12345678`, `(022)23456789`, `0531-1234567` (3-digit codes 010/02x take 8
 * digits, 4-digit codes 03xx–09xx take 7 or 8). Local numbers without area code (`23456789`) only where
 * the text is known to be a phone (a 电话: field). Digits must already be ASCII (NFKC).
 */

export interface PhoneMatch {
  start: number
  end: number
  /** Normalised number; undefined when the text only looks like a phone (wrong length or prefix). */
  phone?: string
  raw: string
}

/** Digit groups joined by `-`, `.` or a space; an area code may stand in parentheses: `(022)23456789`. */
const RUN = /(\+86[- ]?)?(\()?\d+(?:\)[- ]?\d+|[-. ]\d+)*/g

/** Normalised form of a digit string, or undefined. `allowLocal` admits 7–8 digit numbers without area code. */
export function phoneFromDigits(digits: string, allowLocal = false): string | undefined {
  if (/^1[3-9]\d{9}$/.test(digits)) return digits
  if (/^861[3-9]\d{9}$/.test(digits)) return digits.slice(2)
  let m = /^(0(?:10|2\d))(\d{8})$/.exec(digits)
  if (m) return `${m[1]}-${m[2]}`
  m = /^(0[3-9]\d{2})(\d{7,8})$/.exec(digits)
  if (m) return `${m[1]}-${m[2]}`
  if (allowLocal && /^[2-9]\d{6,7}$/.test(digits)) return digits
  return undefined
}

/** Long enough and shaped enough that a reader would take it for a phone number. */
function looksLikePhone(digits: string, plus86: boolean): boolean {
  if (plus86) return digits.length >= 5
  return /^[01]\d{9,11}$/.test(digits)
}

/** Every phone-like number in `text`, in order, valid ones with `phone` set. Never spans more than 3 digit groups. */
export function findPhones(text: string, allowLocal = false): PhoneMatch[] {
  const out: PhoneMatch[] = []
  for (const m of text.matchAll(RUN)) {
    const base = m.index ?? 0
    // Glued to a preceding digit means part of a longer number, not a phone.
    if (base > 0 && /\d/.test(text[base - 1])) continue
    const prefix = m[1] ?? ''
    const lead = prefix.length + (m[2] ?? '').length
    const groups: { s: number; e: number; d: string }[] = []
    for (const g of m[0].slice(lead).matchAll(/\d+/g)) {
      const s = base + lead + (g.index ?? 0)
      groups.push({ s, e: s + g[0].length, d: g[0] })
    }
    let i = 0
    while (i < groups.length) {
      const withPrefix = i === 0 && prefix !== ''
      const from = i === 0 && lead > 0 ? base : groups[i].s
      let hit: PhoneMatch | undefined
      let next = i + 1
      const last = Math.min(groups.length, i + 3)
      for (let j = last; j > i && !hit; j--) {
        const digits = groups.slice(i, j).map((g) => g.d).join('')
        const phone = phoneFromDigits(digits, allowLocal && groups.length <= 3)
        if (phone) {
          hit = { start: from, end: groups[j - 1].e, phone, raw: text.slice(from, groups[j - 1].e) }
          next = j
        }
      }
      for (let j = last; j > i && !hit; j--) {
        const digits = groups.slice(i, j).map((g) => g.d).join('')
        if (looksLikePhone(digits, withPrefix)) {
          hit = { start: from, end: groups[j - 1].e, raw: text.slice(from, groups[j - 1].e) }
          next = j
        }
      }
      if (hit) out.push(hit)
      i = next
    }
  }
  return out
}
