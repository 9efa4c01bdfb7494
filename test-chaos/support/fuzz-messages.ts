/**
 * Seeded generator of hostile chat messages: random Unicode from every corner (CJK, RTL scripts, emoji
 * with ZWJ sequences and skin tones, combining marks, zero-width and bidi controls, C0/C1 controls, lone
 * surrogates, full-width forms, odd spaces), huge messages, and command-like messages — every command
 * name and alias of the registry, in ASCII or full-width slash, after @mentions, glued or spaced —
 * followed by junk arguments (fake ids, phones that are not phones, ratings, numbers, dates, markup).
 */
import { seededRandom } from '../../bench/synthetic.js'

export type Rand = () => number

const RANGES: [number, number][] = [
  [0x20, 0x7e], // ASCII
  [0x4e00, 0x9fff], // CJK
  [0x3000, 0x303f], // CJK punctuation (incl. U+3000 ideographic space)
  [0xff01, 0xff5e], // full-width forms
  [0x0590, 0x05ff], // Hebrew (RTL)
  [0x0600, 0x06ff], // Arabic (RTL)
  [0x0300, 0x036f], // combining marks
  [0x1f300, 0x1faff], // emoji
  [0x2000, 0x206f], // general punctuation: odd spaces, zero-width, bidi controls, U+2005
  [0x0000, 0x001f], // C0 controls
  [0x007f, 0x009f], // DEL and C1 controls
  [0xe000, 0xe0ff], // private use
  [0xfe00, 0xfe0f], // variation selectors
  [0x10000, 0x1000f], // astral, rarely seen
]
const SPECIALS = ['\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\ufeff', '\u2005', '\u3000', '\u00a0', '\u00ad', '\u061c', '\r\n', '\n', '\t', '\0', '\ud800', '\udfff', '👨‍👩‍👧‍👦', '👍🏽', '🇨🇳', 'e\u0301', '﷽', '𠮷', '\u0000\u0000']

const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1))
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]

export function randomText(r: Rand, length: number): string {
  let s = ''
  while (s.length < length) {
    if (r() < 0.12) {
      s += pick(r, SPECIALS)
      continue
    }
    const [lo, hi] = pick(r, RANGES)
    s += String.fromCodePoint(int(r, lo, hi))
  }
  return s
}

/** Full-width variant of ASCII text (what a Chinese IME produces). */
export function fullWidth(s: string): string {
  return [...s].map((c) => (c >= '!' && c <= '~' ? String.fromCodePoint(c.codePointAt(0)! + 0xfee0) : c === ' ' ? '\u3000' : c)).join('')
}

const JUNK_ARGS = (r: Rand, ids: readonly string[]): string => {
  const parts: string[] = []
  const n = int(r, 0, 5)
  for (let i = 0; i < n; i++) {
    parts.push(
      pick(r, [
        () => (ids.length && r() < 0.7 ? pick(r, ids) : `${pick(r, ['HP', 'QY', 'XB', 'ZZ', 'hp', 'H'])}-${int(r, 1990, 2100)}-${int(r, 0, 99999)}`),
        () => String(int(r, 0, 10 ** int(r, 1, 12))),
        () => pick(r, ['12345678901', '1381234567', '138123456789', '00000000000', '+86 138 0000', '022-', '120101']),
        () => pick(r, ['满意', '基本满意', '不满意', '满 意', '非常满意', '']),
        () => pick(r, ['区教育局', '区教育', '教育局局', 'DROP TABLE', '<script>', '${x}', '%s%n', '../../etc/passwd', '\\u0000']),
        () => pick(r, ['姓名：', '电话:', '诉求：', '类别：不存在', '当场答复：', '地址：']),
        () => pick(r, ['刘芳', '张伟', '@刘芳', '@连心桥', '和平里工作室', '联络室', '2026-13-45', '明天', '下周三', '第0个周八']),
        () => randomText(r, int(r, 1, 40)),
        () => String(int(r, -50, 50)),
      ])(),
    )
  }
  return parts.join(pick(r, [' ', '  ', '\u3000', '，', '、', '\n', '\t', '']))
}

export interface FuzzOptions {
  /** Command names and aliases of the registry (without `/`). */
  names: readonly string[]
  /** Display names of the bot (for @mentions). */
  botNames: readonly string[]
  /** Issue ids that exist, to aim junk at real records sometimes. */
  ids: () => readonly string[]
}

export type FuzzKind = 'random' | 'huge' | 'command' | 'mention' | 'near-valid'

/** One hostile message, and what kind it is. */
export function fuzzMessage(r: Rand, o: FuzzOptions): { kind: FuzzKind; text: string } {
  const x = r()
  if (x < 0.25) return { kind: 'random', text: randomText(r, int(r, 0, 300)) }
  if (x < 0.27) return { kind: 'huge', text: (r() < 0.5 ? '/登记 ' : '') + randomText(r, int(r, 20_001, 120_000)) }
  if (x < 0.36) {
    // Close to a valid registration or step (some succeed): the store fills with records for the junk
    // aimed at real ids, and the accounting of acknowledged changes is exercised.
    const ids = o.ids()
    const text =
      ids.length && r() < 0.5
        ? `/${pick(r, ['答复', '反馈', '转办', '延期', '归档', '撤销', '更正', '联系', '查询'])} ${pick(r, ids)} ${JUNK_ARGS(r, ids)}`
        : `/登记 ${pick(r, ['王大爷', '李阿姨', '张三', '赵女士'])} ${r() < 0.5 ? `13${int(r, 0, 9)}${String(int(r, 0, 99_999_999)).padStart(8, '0')} ` : ''}${randomText(r, int(r, 1, 60))}`
    return { kind: 'near-valid', text }
  }
  if (x < 0.4) return { kind: 'mention', text: `@${pick(r, o.botNames)}${pick(r, ['\u2005', ' ', '', '\u3000'])}${randomText(r, int(r, 0, 30))}` }
  let name = pick(r, o.names)
  const variant = r()
  if (variant < 0.15) name = fullWidth(name)
  else if (variant < 0.25) name = name.slice(0, Math.max(1, name.length - 1)) // a near miss
  else if (variant < 0.3) name = name + randomText(r, 1)
  const slash = pick(r, ['/', '/', '/', '／', ' /', '//', '/ ', '\u200b/', '\u202e/'])
  const mention = r() < 0.15 ? `@${pick(r, o.botNames)}${pick(r, ['\u2005', ' ', ':'])}` : ''
  const sep = pick(r, [' ', ' ', '', '\u3000', '：', ':', '\n', '\t'])
  const args = JUNK_ARGS(r, o.ids())
  let text = `${mention}${slash}${name}${sep}${args}`
  if (r() < 0.1) text = fullWidth(text)
  if (r() < 0.05) text = text + randomText(r, int(r, 1000, 5000))
  return { kind: 'command', text }
}

export { seededRandom }
