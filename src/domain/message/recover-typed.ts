/**
 * Stored text is what was typed. Commands parse a normalised copy (NFKC, invisible marks dropped,
 * spaces made plain: src/domain/message/parse-command.ts), so a value they cut out of it has `，` turned
 * into `,` and `！` into `!`. `recoverTyped` finds the same value in the message as it was typed (its
 * characters compared width-folded, white space ignored) and returns that span, with only the invisible
 * and control characters removed; when the value is not one span of the typed text (the parser removed
 * something from its middle), each white-space-separated piece is recovered in order and the pieces are
 * joined by one space; a piece not found stays as parsed.
 */
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/gu
const SPACE = /^[\s\p{Zs}]$/u

const fold = (ch: string): string => ch.normalize('NFKC').replace(INVISIBLE, '')

interface Folded {
  units: string[]
  /** Folded, white space dropped. */
  key: string
  /** For each UTF-16 position of `key`, the index in `units` it came from. */
  at: number[]
}

function foldTyped(typed: string): Folded {
  const units = [...typed.replace(/\r\n?/g, '\n')]
  let key = ''
  const at: number[] = []
  units.forEach((u, i) => {
    for (const ch of fold(u)) {
      if (SPACE.test(ch)) continue
      key += ch
      for (let k = 0; k < ch.length; k++) at.push(i)
    }
  })
  return { units, key, at }
}

const keyOf = (s: string): string => [...s].map(fold).join('').replace(/[\s\p{Zs}]+/gu, '')

/** The span of the typed text that folds to `piece`, searching from key position `from`. */
function find(f: Folded, piece: string, from: number): { text: string; next: number } | undefined {
  const k = keyOf(piece)
  if (k === '') return undefined
  const pos = f.key.indexOf(k, from)
  if (pos < 0) return undefined
  const start = f.at[pos]
  const end = f.at[pos + k.length - 1]
  return { text: f.units.slice(start, end + 1).join('').replace(INVISIBLE, ''), next: pos + k.length }
}

export function recoverTyped(value: string, typed: string | undefined): string {
  if (!typed || value.trim() === '') return value
  const f = foldTyped(typed)
  const whole = find(f, value, 0)
  if (whole) return whole.text
  let from = 0
  const out: string[] = []
  for (const piece of value.split(/[\s\p{Zs}]+/u).filter(Boolean)) {
    const hit = find(f, piece, from)
    if (hit) {
      out.push(hit.text)
      from = hit.next
    } else out.push(piece)
  }
  return out.join(' ')
}
