/**
 * The arguments of the duty-change commands as people type them in a WeChat group. Pure and table-tested.
 *
 * - A request number (`/同意 7`): `7`, `#7`, `＃7`, `7号`, `No.7`, `编号7`, `第7号`, `07`. Numbers are
 *   plain counters (state.counters), so the canonical form is the decimal without leading zeros.
 * - A replacement (`/调班 12月10日 张三→王五 [理由]`): the arrow may be `→ -> => > ⟶ ➔ ➡` or the words
 *   换成/换为/改为/改成, with or without blanks around it; `张三 王五` (two names) means the same. One side
 *   may be left empty or written 空/无: `→王五` fills an open seat, `张三→` takes 张三 off (leaving a
 *   gap). Whatever follows is the reason.
 * Input is NFKC-normalised here too; Chinese is never matched with `\w`.
 */

/** The request number in canonical form, or undefined when the text is not one. */
export function parseRequestNumber(text: string): string | undefined {
  const s = text.normalize('NFKC').replace(/\s+/gu, '')
  const m = /^(?:#|no\.?|编号|第)?([0-9]{1,9})号?$/iu.exec(s)
  if (!m) return undefined
  const n = Number(m[1])
  return n > 0 ? String(n) : undefined
}

export interface Replacement {
  /** Who comes off the session (undefined: fill an open seat). */
  out?: string
  /** Who goes on (undefined: leave the seat open). */
  in?: string
  /** Anything after the names. */
  reason?: string
}

const ARROW = '(?:→|->|=>|>|⟶|➔|➡|⇒|换成|换为|改为|改成)'
const EMPTY = new Set(['', '空', '无', '空位', '-'])
const side = (s: string | undefined): string | undefined => (s === undefined || EMPTY.has(s) ? undefined : s)

/** `张三→王五 出差`; undefined when there is no arrow and not two names, or both sides are empty. */
export function parseReplacement(text: string): Replacement | undefined {
  const s = text.normalize('NFKC').replace(/\s+/gu, ' ').trim()
  if (!s) return undefined
  const arrow = new RegExp(`^([^\\s]*?)\\s*${ARROW}\\s*([^\\s]*)(?:\\s+(.*))?$`, 'u').exec(s)
  const m = arrow ?? /^([^\s]+)\s+([^\s]+)(?:\s+(.*))?$/u.exec(s)
  if (!m) return undefined
  const out = side(m[1])
  const into = side(m[2])
  if (!out && !into) return undefined
  const reason = m[3]?.trim()
  return { ...(out ? { out } : {}), ...(into ? { in: into } : {}), ...(reason ? { reason } : {}) }
}
