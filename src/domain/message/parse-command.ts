/**
 * Turns what someone typed in WeChat into a command name and its arguments. Pure and table-tested.
 *
 * WeChat text arrives in many shapes: full-width `／登记`, `：` for `:`, the full-width space, the
 * `@连心桥\u2005` mention the client inserts, zero-width characters pasted from documents. NFKC folds the
 * width variants to ASCII; mentions of the bot and invisible characters are stripped. Chinese command
 * names may be glued to their arguments (`/登记王大爷…`), so names are matched as the longest known
 * prefix. Never `\w` on Chinese: Unicode property classes only.
 */
export type ParsedMessage =
  | { kind: 'command'; name: string; known: boolean; args: string; tokens: string[] }
  | { kind: 'chat'; text: string }
  | { kind: 'empty' }

export interface ParseOptions {
  /** Command names and aliases (without `/`). */
  names: readonly string[]
  /** Display names of the bot account, whose @mentions are stripped. */
  botNames: readonly string[]
}

// Zero-width and bidi-control characters people paste without seeing them (NFKC keeps them all),
// including the soft hyphen that word processors leave in copied text and the Arabic letter mark.
const INVISIBLE = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g
// C0/C1 control characters other than tab and newline.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g

/** NFKC, invisible and control characters removed, U+2005 and other spaces made plain, lines trimmed. */
export function normalizeText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(CONTROL, '')
    .replace(/[\p{Zs}]/gu, ' ')
    .split('\n')
    .map((l) => l.trim())
    .join('\n')
    .trim()
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

export function stripBotMentions(text: string, botNames: readonly string[]): string {
  let out = text
  for (const name of botNames) {
    if (!name) continue
    out = out.replace(new RegExp(`@${escapeRe(name.normalize('NFKC'))}(?=\\s|$|/|:)`, 'gu'), ' ')
  }
  return out.replace(/ {2,}/g, ' ').trim()
}

/** Splits arguments on white space and on the Chinese list commas people use between names. */
export function tokenize(args: string): string[] {
  return args.split(/[\s,，、;；]+/u).filter(Boolean)
}

export function parseCommand(raw: string, opts: ParseOptions): ParsedMessage {
  // `@连心桥：/帮助`: a colon right after the mention is punctuation, not part of the command.
  const text = stripBotMentions(normalizeText(raw), opts.botNames).replace(/^:\s*(?=\/)/u, '')
  if (!text) return { kind: 'empty' }
  if (!text.startsWith('/')) return { kind: 'chat', text }
  const body = text.slice(1).trimStart()
  // Longest known name that the body starts with, followed by a boundary or by CJK text (glued args).
  const candidates = [...opts.names].sort((a, b) => b.length - a.length)
  const folded = body.toLowerCase() // ASCII aliases (`/HELP`) match in any case; Chinese has no case
  for (const name of candidates) {
    if (!folded.startsWith(name.toLowerCase())) continue
    const after = body.slice(name.length)
    // A Chinese name glued to Latin letters is a name and its arguments too (`/查询HP-2026-0001`); an
    // ASCII alias is not (`/helpme` is no /help).
    if (after === '' || /^[\s:]/u.test(after) || !/^[\p{L}\p{N}]/u.test(name.slice(-1)) || /^\p{Script=Han}/u.test(after) || /^[\p{N}@]/u.test(after) || (/\p{Script=Han}$/u.test(name) && /^[A-Za-z]/u.test(after))) {
      return command(name, true, after)
    }
  }
  const m = /^([^\s:/]+)(.*)$/su.exec(body)
  if (!m) return { kind: 'empty' }
  return command(m[1], false, m[2])
}

function command(name: string, known: boolean, after: string) {
  const args = after.replace(/^\s*:?\s*/u, '').trim()
  return { kind: 'command' as const, name, known, args, tokens: tokenize(args) }
}
