/**
 * WeChat sends a quoted reply ("引用") as one text: the quoted message in 「…」 (with its sender's
 * display name and a colon first), a line of spaced dashes, then what the person wrote:
 *
 *   「张明华：王大爷说楼道灯坏了半个月」
 *   - - - - - - - - - - - - - - -
 *   /转办 HP-2026-0001 区房管局
 *
 * The text after the separator is the message; the quoted part is context (a `/登记` with no content
 * takes it). Without both the 「 opening and a separator line this is an ordinary message and comes back
 * unchanged. Pure; the full-width colon and the ASCII one both split the name off.
 */
export interface SplitQuote {
  text: string
  quote?: { who?: string; text: string }
}

// A line of at least three dashes separated by spaces (WeChat uses 15 "- "), nothing else on it.
const SEPARATOR = /^\s*(?:[-－—]\s*){3,}$/u

export function splitQuote(raw: string): SplitQuote {
  const lines = raw.replace(/\r\n?/g, '\n').split('\n')
  if (!/^\s*「/u.test(lines[0] ?? '')) return { text: raw }
  const sep = lines.findIndex((l) => SEPARATOR.test(l))
  if (sep < 1) return { text: raw }
  const quoted = lines.slice(0, sep).join('\n').trim()
  const m = /^「([\s\S]*)」$/u.exec(quoted)
  if (!m) return { text: raw }
  const body = m[1].trim()
  const text = lines.slice(sep + 1).join('\n').trim()
  const colon = /^([^\n：:]{1,32})[：:]\s*([\s\S]*)$/u.exec(body)
  const quote = colon ? { who: colon[1].trim(), text: colon[2].trim() } : { text: body }
  return { text, quote }
}
