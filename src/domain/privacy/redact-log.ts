/**
 * What a log line may hold of a constituent (PIPL: logs are read by operators, shipped, kept): at every
 * level, fields named like a person's details (text, content, name, address, phone, comment, note …)
 * are replaced by their length, and every other string passes the group gate's masker (7+ digit runs in
 * any width, ID numbers, e-mails). Ids (`id`, `msgId`, `roomId` …, and `to`) are kept as they are: they
 * are WeChat's or the bot's own, and an operator needs them to trace a message.
 */
import { maskGroupText } from './mask-group-text.js'

const SENSITIVE = new Set([
  'text', 'content', 'body', 'raw', 'name', 'displayname', 'talkername', 'who', 'constituent', 'address',
  'phone', 'idcard', 'comment', 'note', 'reason', 'answer', 'value', 'args',
])
const ID_KEY = /^(?:id|to|[a-z]+Id|[a-z]+Ids)$/
const MAX_DEPTH = 6

export function redactForLog(value: unknown, key = '', depth = 0): unknown {
  if (key && SENSITIVE.has(key.toLowerCase())) return redacted(value)
  if (key && ID_KEY.test(key)) return value
  if (typeof value === 'string') return maskGroupText(value)
  if (value === null || typeof value !== 'object') return value
  if (depth >= MAX_DEPTH) return '[…]'
  if (value instanceof Error) {
    return { message: maskGroupText(value.message), ...(value.stack ? { stack: maskGroupText(value.stack) } : {}) }
  }
  if (Array.isArray(value)) return value.map((v) => redactForLog(v, '', depth + 1))
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) out[k] = redactForLog(v, k, depth + 1)
  return out
}

function redacted(value: unknown): string {
  const n = typeof value === 'string' ? [...value].length : value === undefined || value === null ? 0 : JSON.stringify(value)?.length ?? 0
  return `[${n} chars withheld]`
}

/** The log message itself (a literal in code, but masked all the same). */
export function redactLogMessage(msg: string): string {
  // A gateway address (`127.0.0.1:8788`, `10.20.30.40:8788`) is the operator's to see: kept as it is.
  const hosts: string[] = []
  const held = msg.replace(HOST_PORT, (m) => `\u0000${hosts.push(m) - 1}\u0000`)
  return maskGroupText(held).replace(/\u0000(\d+)\u0000/g, (_, i: string) => hosts[Number(i)])
}

/** An IPv4 address with a port: four dotted groups of 1–3 digits, then `:port`. */
const HOST_PORT = /(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}:\d{1,5}(?![\d.])/g
