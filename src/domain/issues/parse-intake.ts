/**
 * `/登记 …`: turns what a coordinator or representative types at the reception into the paper form's
 * fields. People type it two ways, and both must work without training:
 *
 * - one line: `王大爷 13812345678 和平里3号楼 楼道灯坏了半个月` — name first; the phone anywhere; an
 *   address (recognised by 号楼/小区/里/路/… markers) right after the name; the rest is the content;
 * - a pasted form: `姓名:… 电话:… 地址:… 诉求:… 类别:…` on lines or in one line, in any order, with
 *   `:` or `：`; text before the first label is read as a one-line head (so `王大爷 138…\n诉求:…` works).
 *
 * Policies: control characters, zero-width and bidi marks are stripped (not refused), since pasting from
 * other apps brings them in harmlessly; CR/LF become LF, tabs spaces. The length limit applies to the whole
 * cleaned text in characters (code points), checked before any parsing. A phone-looking number that
 * stands alone (between separators) but is not a valid number is refused (`bad_phone`); digits glued to
 * words inside the content (an order number, a date) are left alone. The text is NFKC-normalised again here
 * (idempotent), so full-width digits and `：` are accepted either way.
 */
import { err, ok, type Result } from '../result.js'
import type { Intake } from './issue.js'
import { DEFAULT_CATEGORIES, guessCategory } from './guess-category.js'
import { findPhones, type PhoneMatch } from './phone.js'
import { recoverTyped } from '../message/recover-typed.js'

export const DEFAULT_MAX_INTAKE_LENGTH = 2000
export const MAX_NAME_LENGTH = 20

/** Every refusal, with the params the catalogue may quote. */
export type IntakeCodeParams = {
  /** Nothing after `/登记` (or only @mentions). */
  empty_intake: Record<string, never>
  too_long: { max: number; length: number }
  /** `value` is the number as typed. */
  bad_phone: { value: string }
  /** The phone field holds more than one number. */
  too_many_phones: { count: number }
  missing_name: Record<string, never>
  /** A labelled name with digits or over `max` characters. */
  bad_name: { max: number }
  empty_content: Record<string, never>
  /** A stated category that matches none of the studio's; `choices` joined by `、`. */
  unknown_category: { value: string; choices: string }
  /** `当场答复:` with nothing after it. */
  empty_answer: Record<string, never>
}
export type IntakeCode = keyof IntakeCodeParams

export interface IntakeOptions {
  /** The studio's categories; the defaults of guess-category.ts when empty. */
  categories: readonly string[]
  /** Characters (code points) allowed in the whole text; default 2000. */
  maxLength?: number
  /**
   * The message as typed. Parsing works on the normalised `text`; the name, address, content and
   * on-the-spot answer are then returned as typed (full-width punctuation kept: src/domain/message/recover-typed.ts).
   */
  typed?: string
}

type Field = 'name' | 'phone' | 'address' | 'content' | 'category' | 'onTheSpot'

const LABELS: [Field, string[]][] = [
  ['name', ['姓名', '名字', '反映人', '来访人', '来访群众', '群众姓名', '联系人']],
  ['phone', ['联系电话', '电话号码', '手机号码', '联系方式', '手机号', '电话', '手机']],
  ['address', ['家庭住址', '居住地址', '详细地址', '住址', '地址']],
  ['content', ['反映问题', '反映内容', '诉求内容', '问题描述', '具体诉求', '诉求', '内容', '问题', '事项']],
  ['category', ['问题类别', '类别', '分类', '类型']],
  ['onTheSpot', ['当场答复', '当场解答', '现场答复', '现场解答']],
]
const FIELD_OF = new Map<string, Field>(LABELS.flatMap(([f, words]) => words.map((w): [string, Field] => [w, f])))
const LABEL_WORDS = [...FIELD_OF.keys()].sort((a, b) => b.length - a.length)
/** A label starts a line or follows a separator, and is followed by a colon (either width). */
const LABEL = new RegExp(`(^|[\\s,，;；。、])(${LABEL_WORDS.join('|')})[ \\t]*[:：]`, 'g')

/** Separators between the head fields of a one-line intake. */
const SEP = /[\s,，、;；。:：()（）]/
const SEP_RUN = /^[\s,，、;；。:：()（）]+/
const SEP_ANY = /[\s,，、;；。:：()（）]/
const PHONE_LABEL = /(?:联系电话|联系方式|电话|手机|tel|TEL|Tel)[:：]?$/

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g

/** Characters that occur in complaints but hardly ever in a name or an address. */
const NOT_A_NAME = /[了的坏漏没吗呢啊吧么不请]/
/** Words typed before an address (`反映家住…`, `住在…`, `家在…`), left out of it. */
const ADDRESS_LEAD_IN = /^(?:反映|反应|说)?(?:家住在?|住在|家在|现住|居住在|住址在?|地址在?)/
const ADDRESS_DIGITS = /\d+(?:号楼|号院|栋|幢|单元|室|号|楼|层)/
const ADDRESS_SUFFIX = /(?:号楼|号院|小区|社区|街道|花园|家园|公寓|大厦|新村|胡同|大街|单元|栋|幢|室|号|村|里|巷|街|路|苑|弄)[\d-]*$/

export function parseIntake(text: string, opts: IntakeOptions): Result<Intake, IntakeCode> {
  const max = opts.maxLength ?? DEFAULT_MAX_INTAKE_LENGTH
  const cleaned = clean(text)
  if (cleaned === '') return err('empty_intake')
  const length = codePoints(cleaned, max)
  if (length > max) return err('too_long', { max, length })

  // Labelled fields: first occurrence of each field wins; a repeated label stays text of the field before.
  const fields: Partial<Record<Field, string>> = {}
  const starts: { field: Field; labelStart: number; valueStart: number }[] = []
  for (const m of cleaned.matchAll(LABEL)) {
    const field = FIELD_OF.get(m[2])!
    if (starts.some((s) => s.field === field)) continue
    const labelStart = (m.index ?? 0) + m[1].length
    starts.push({ field, labelStart, valueStart: (m.index ?? 0) + m[0].length })
  }
  starts.forEach((s, i) => {
    const end = i + 1 < starts.length ? starts[i + 1].labelStart : cleaned.length
    fields[s.field] = trimField(cleaned.slice(s.valueStart, end))
  })
  const prefix = starts.length > 0 ? cleaned.slice(0, starts[0].labelStart) : cleaned

  const head = parseHead(prefix, {
    wantName: fields.name === undefined,
    wantPhone: fields.phone === undefined,
    wantAddress: fields.address === undefined,
  })
  if (!head.ok) return head

  let phone = head.value.phone
  if (fields.phone !== undefined) {
    const p = parsePhoneField(fields.phone)
    if (!p.ok) return p
    phone = p.value
  }

  let name = head.value.name
  if (fields.name !== undefined) {
    name = fields.name
    if (name !== '' && (/\d/.test(name) || [...name].length > MAX_NAME_LENGTH)) return err('bad_name', { max: MAX_NAME_LENGTH })
  }
  if (!name) return err('missing_name')

  const asTyped = (v: string) => recoverTyped(v, opts.typed)
  const content = [head.value.content, fields.content ?? ''].filter((c) => c !== '').map(asTyped).join('\n')
  if (content === '') return err('empty_content')

  if (fields.onTheSpot !== undefined && fields.onTheSpot === '') return err('empty_answer')

  const categories = opts.categories.length > 0 ? opts.categories : DEFAULT_CATEGORIES
  let category: string
  let categoryGuessed = false
  if (fields.category) {
    const found = resolveCategory(fields.category, categories)
    if (!found) return err('unknown_category', { value: fields.category, choices: categories.join('、') })
    category = found
  } else {
    category = guessCategory(content, categories)
    categoryGuessed = true
  }

  const address = fields.address !== undefined ? fields.address : head.value.address
  const intake: Intake = {
    constituent: { name: asTyped(name), ...(phone ? { phone } : {}), ...(address ? { address: asTyped(address) } : {}) },
    content,
    category,
    categoryGuessed,
  }
  if (fields.onTheSpot) intake.onTheSpot = asTyped(fields.onTheSpot)
  return ok(intake)
}

/** Strip controls, normalise, drop @mentions at either end and a leading colon. */
function clean(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .replace(CONTROL, '')
    .normalize('NFKC')
    .replace(/^(?:\s*@[^\s@]+)+/, '')
    .replace(/(?:\s+@[^\s@]+)+\s*$/, '')
    .replace(/^[\s:：,，]+/, '')
    .replace(/[ \u3000]+\n/g, '\n')
    .trim()
}

/** Code points, counted only as far as needed. */
function codePoints(s: string, max: number): number {
  if (s.length <= max) return [...s].length
  let n = 0
  for (const _ of s) n++
  return n
}

function trimField(v: string): string {
  return v.replace(/^[\s,，;；。、]+/, '').replace(/[\s,，;；。、]+$/, '')
}

interface Head {
  name?: string
  phone?: string
  address?: string
  content: string
}

/** The unlabelled part: name first, phone anywhere, optional address after the name, the rest content. */
function parseHead(
  text: string,
  want: { wantName: boolean; wantPhone: boolean; wantAddress: boolean },
): Result<Head, IntakeCode> {
  let s = text
  let phone: string | undefined
  if (want.wantPhone) {
    const found = findPhones(s).map((p) => ({ p, alone: standalone(s, p) }))
    const bad = found.find((f) => f.alone && !f.p.phone)
    if (bad) return err('bad_phone', { value: bad.p.raw })
    const chosen = found.find((f) => f.alone && f.p.phone) ?? found.find((f) => f.p.phone)
    if (chosen) {
      phone = chosen.p.phone
      if (chosen.alone) s = removePhone(s, chosen.p)
    }
  }

  let pos = skipSep(s, 0)
  let name: string | undefined
  if (want.wantName) {
    const seg = segmentAt(s, pos)
    if (isName(seg)) {
      name = seg
      pos = skipSep(s, pos + seg.length)
    }
  }
  // A number right after the name that starts like a mobile but is too short (`王大爷 138123`) is a
  // phone with digits missing, not the start of the complaint.
  if (want.wantPhone && !phone) {
    const seg = segmentAt(s, pos)
    if (/^1\d{4,8}$/.test(seg)) return err('bad_phone', { value: seg })
  }

  const addressParts: string[] = []
  if (want.wantAddress) {
    for (;;) {
      const seg = segmentAt(s, pos)
      const after = skipSep(s, pos + seg.length)
      const continues = addressParts.length > 0 && /^\d[\d-]{2,}$/.test(seg)
      // `住在 和平里3号楼`: the lead-in word on its own, then the address.
      const leadAlone = addressParts.length === 0 && seg !== '' && ADDRESS_LEAD_IN.exec(seg)?.[0] === seg
      const next = leadAlone ? segmentAt(s, after) : ''
      if (leadAlone && looksLikeAddress(next) && skipSep(s, after + next.length) < s.length) {
        pos = after
        continue
      }
      if (seg === '' || after >= s.length || !(looksLikeAddress(seg) || continues)) break
      // `反映家住营口道3号楼…`: the words before the place are not part of the address.
      const lead = addressParts.length === 0 ? ADDRESS_LEAD_IN.exec(seg) : null
      addressParts.push(lead && looksLikeAddress(seg.slice(lead[0].length)) ? seg.slice(lead[0].length) : seg)
      pos = after
    }
  }

  const content = s
    .slice(pos)
    .replace(/[ ]{2,}/g, ' ')
    .trim()
  return ok({
    ...(name ? { name } : {}),
    ...(phone ? { phone } : {}),
    ...(addressParts.length > 0 ? { address: addressParts.join(' ') } : {}),
    content,
  })
}

/**
 * Between separators, or after a 电话/手机 word that follows a separator or is glued to the name
 * (`王大爷电话138…`). A number glued to words later in the content stays part of the content.
 */
function standalone(s: string, p: PhoneMatch): boolean {
  const before = s.slice(0, p.start)
  const label = PHONE_LABEL.exec(before)
  const left = label ? before.slice(0, label.index) : before
  const gluedToName = label !== null && !SEP_ANY.test(left)
  const leftOk = left === '' || SEP.test(left[left.length - 1]) || gluedToName
  const rightOk = p.end >= s.length || SEP.test(s[p.end])
  return leftOk && rightOk
}

/** Cut the phone (and its 电话 word, and the separators after it) out of the text. */
function removePhone(s: string, p: PhoneMatch): string {
  const before = s.slice(0, p.start)
  const label = PHONE_LABEL.exec(before)
  const start = label ? label.index : p.start
  const rest = s.slice(p.end)
  const tail = start === 0 || SEP.test(s[start - 1]) ? rest.replace(SEP_RUN, '') : rest
  const joiner = start > 0 && tail !== '' && !SEP.test(s[start - 1]) ? ' ' : ''
  return s.slice(0, start) + joiner + tail
}

function skipSep(s: string, pos: number): number {
  const m = SEP_RUN.exec(s.slice(pos))
  return m ? pos + m[0].length : pos
}

function segmentAt(s: string, pos: number): string {
  let end = pos
  while (end < s.length && !SEP.test(s[end])) end++
  return s.slice(pos, end)
}

function isName(seg: string): boolean {
  const n = [...seg].length
  return (
    n >= 1 &&
    n <= 12 &&
    /^[\p{Script=Han}A-Za-z·•.]+$/u.test(seg) &&
    !NOT_A_NAME.test(seg) &&
    !looksLikeAddress(seg)
  )
}

function looksLikeAddress(seg: string): boolean {
  if ([...seg].length > 40 || NOT_A_NAME.test(seg)) return false
  return ADDRESS_DIGITS.test(seg) || ([...seg].length >= 3 && ADDRESS_SUFFIX.test(seg))
}

function parsePhoneField(value: string): Result<string | undefined, IntakeCode> {
  if (!/\d/.test(value)) return ok(undefined) // 无 / 不愿提供
  const found = findPhones(value, true)
  const bad = found.find((p) => !p.phone)
  if (bad) return err('bad_phone', { value: bad.raw })
  if (found.length === 0) return err('bad_phone', { value })
  if (found.length > 1) return err('too_many_phones', { count: found.length })
  return ok(found[0].phone)
}

/** Exact, then case-insensitive, then the one category that contains or starts the stated word. */
function resolveCategory(stated: string, categories: readonly string[]): string | undefined {
  const exact = categories.find((c) => c === stated || c.toLowerCase() === stated.toLowerCase())
  if (exact) return exact
  if ([...stated].length < 2) return undefined
  const near = categories.filter((c) => c.includes(stated) || stated.includes(c))
  return near.length === 1 ? near[0] : undefined
}
