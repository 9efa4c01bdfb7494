/**
 * Reads the YAML configuration and validates it. An invalid file stops start-up with *every* error, each
 * naming its path and line: `studios[1].reception.days[0]（第 23 行）: 32 不是有效日期`.
 */
import { readFileSync } from 'node:fs'
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

export function parseConfigText(text: string, file = 'config.yaml'): Config {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, prettyErrors: false })
  if (doc.errors.length) {
    // linePos is filled in only with prettyErrors; the offset `pos` always is.
    throw new ConfigError(doc.errors.map((e) => zh.config.line('', e.linePos?.[0]?.line ?? lineCounter.linePos(e.pos[0]).line, zh.config.yamlSyntax(e.message))), file)
  }
  // The schema's own messages come from the catalogue; zod's generic ones (a wrong type, a number out
  // of range) in zod's Chinese wording, and a missing key reads 必填.
  const parsed = configSchema.safeParse(doc.toJS(), { error: (iss) => (iss.code === 'invalid_type' && iss.input === undefined ? zh.config.required : zhCN(iss)) })
  if (parsed.success) return parsed.data
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

export function loadConfig(file: string): Config {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    throw new ConfigError([zh.config.notFound(file)], file)
  }
  return parseConfigText(text, file)
}
