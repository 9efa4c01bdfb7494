/**
 * Reads the YAML configuration and validates it. An invalid file stops start-up with *every* error, each
 * naming its path and line: `studios[1].reception.days[0]（第 23 行）: 32 不是有效日期`.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import { LineCounter, parseDocument, isNode } from 'yaml'
import { z } from 'zod'
import { configSchema, type Config } from './schema.js'
import { zh } from '../text/zh-CN.js'

export class ConfigError extends Error {
  constructor(readonly problems: string[], file: string) {
    super([zh.config.invalidHeader(file, problems.length), ...problems].join('\n'))
    this.name = 'ConfigError'
  }
}

/** `studios[1].reception.days[0]` */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : acc ? `${acc}.${String(k)}` : String(k)), '')
}

const zhCN = z.locales.zhCN().localeError

/** The schema's own messages come from the catalogue; zod's generic ones (a wrong type, a number out of range) in zod's Chinese wording, and a missing key reads 必填. */
const validate = (raw: unknown) => configSchema.safeParse(raw, { error: (iss) => (iss.code === 'invalid_type' && iss.input === undefined ? zh.config.required : zhCN(iss)) })

export function parseConfigText(text: string, file = 'config.yaml', onParsed?: (raw: unknown) => void): Config {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, prettyErrors: false })
  if (doc.errors.length) {
    // linePos is filled in only with prettyErrors; the offset `pos` always is.
    throw new ConfigError(doc.errors.map((e) => zh.config.line('', e.linePos?.[0]?.line ?? lineCounter.linePos(e.pos[0]).line, zh.config.yamlSyntax(e.message))), file)
  }
  const raw = doc.toJS()
  const parsed = validate(raw)
  if (parsed.success) {
    onParsed?.(raw)
    return parsed.data
  }
  const problems = parsed.error.issues.map((issue) => {
    // The line of the deepest node that exists on the path (a missing key points at its parent).
    let line: number | undefined
    for (let n = issue.path.length; n >= 0 && line === undefined; n--) {
      const node = doc.getIn(issue.path.slice(0, n) as unknown[], true)
      if (isNode(node) && node.range) line = lineCounter.linePos(node.range[0]).line
    }
    return zh.config.line(formatPath(issue.path), line, issue.message)
  })
  throw new ConfigError(problems, file)
}

/** The line (1-based) of the YAML node at `path`, or of its deepest existing parent. */
export function lineOf(text: string, path: readonly (string | number)[]): number | undefined {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, prettyErrors: false })
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n) as unknown[], true)
    if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line
  }
  return undefined
}

/**
 * The parsed YAML of a valid configuration, keyed by the file's SHA-256 (`<cacheDir>/config.json`):
 * parsing a city's file (230 studios, 1,400 people, 390 KB) takes 0.5–0.7 s of every start-up, reading
 * this takes milliseconds. Derived data only: the schema still validates what it holds, and a cache that
 * is missing, damaged or of another file's text is ignored and rewritten.
 */
interface ConfigCache {
  version: 1
  sha256: string
  raw: unknown
}
const CACHE_FILE = 'config.json'

function readCache(cacheDir: string, sha256: string): unknown {
  try {
    const c = JSON.parse(readFileSync(path.join(cacheDir, CACHE_FILE), 'utf8')) as Partial<ConfigCache>
    return c.version === 1 && c.sha256 === sha256 ? c.raw : undefined
  } catch {
    return undefined
  }
}

function writeCache(cacheDir: string, sha256: string, raw: unknown): void {
  const text = JSON.stringify({ version: 1, sha256, raw } satisfies ConfigCache)
  // Only what JSON carries unchanged (YAML's .inf or a date would not come back the same).
  if (!isDeepStrictEqual(JSON.parse(text).raw, raw)) return
  try {
    mkdirSync(cacheDir, { recursive: true, mode: 0o700 })
    const tmp = path.join(cacheDir, `${CACHE_FILE}.${process.pid}.tmp`)
    writeFileSync(tmp, text, { mode: 0o600 })
    renameSync(tmp, path.join(cacheDir, CACHE_FILE))
  } catch {
    // A cache that cannot be written only costs the next start-up its parse.
  }
}

/**
 * Reads and validates the configuration; with `cacheDir`, a file unchanged since the last start is not
 * parsed again. `readOnly` (the command-line tools, which may run beside the bot): the cache is used but
 * never written.
 */
export function loadConfig(file: string, o: { cacheDir?: string; readOnly?: boolean } = {}): Config {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    throw new ConfigError([zh.config.notFound(file)], file)
  }
  if (!o.cacheDir) return parseConfigText(text, file)
  const cacheDir = o.cacheDir
  const sha256 = createHash('sha256').update(text).digest('hex')
  const cached = readCache(cacheDir, sha256)
  if (cached !== undefined) {
    const parsed = validate(cached)
    if (parsed.success) return parsed.data
  }
  // Not cached, or the schema changed since: parse the file (errors name their lines) and remember it.
  return parseConfigText(text, file, o.readOnly ? undefined : (raw) => writeCache(cacheDir, sha256, raw))
}
