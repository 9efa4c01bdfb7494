/**
 * A small structured logger on stderr (stdout belongs to the demo's chat view). Levels: debug, info,
 * warn, error, silent (`LXQ_LOG_LEVEL`). Constituents' details are never logged, at any level: callers
 * pass ids rather than texts, and every line passes `redactForLog` (src/domain/privacy/redact-log.ts)
 * whatever the caller passed: person-detail fields are withheld, digit runs, ID numbers and e-mails masked
 * in any width.
 */
import { redactForLog, redactLogMessage } from '../domain/privacy/redact-log.js'
import { beijingStamp } from '../domain/time/local-date.js'

export type Level = 'debug' | 'info' | 'warn' | 'error' | 'silent'
const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 }

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void
  info(msg: string, fields?: Record<string, unknown>): void
  warn(msg: string, fields?: Record<string, unknown>): void
  error(msg: string, fields?: Record<string, unknown>): void
  /** Runs `fn` the first time `key` is seen by this logger (a line per missed post, not one per minute). */
  once(key: string, fn: () => void): void
}

export function createLogger(level: Level = 'info', write: (line: string) => void = (l) => process.stderr.write(l + '\n')): Logger {
  const at = (l: Level) => (msg: string, fields?: Record<string, unknown>) => {
    if (order[l] < order[level]) return
    const extra = fields ? ' ' + JSON.stringify(redactForLog(fields)) : ''
    write(`${beijingStamp(Date.now())} ${l.toUpperCase()} ${redactLogMessage(msg)}${extra}`)
  }
  const seen = new Set<string>()
  const once = (key: string, fn: () => void) => {
    if (seen.has(key)) return
    seen.add(key)
    fn()
  }
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), once }
}

/** Collects log lines in memory (tests assert on them). */
export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = []
  return { lines, ...createLogger('debug', (l) => lines.push(l)) }
}
