/**
 * `npm run check-config [-- FILE]`: checks a configuration without starting the bot (FILE, else
 * LXQ_CONFIG, else config/district.yaml). Prints every error with its path and line, exactly as start-up
 * would, or a one-line summary; then reminders about things that are valid but wrong for production
 * (demo ids, fast pacing, the template's district name). Exit code 0 when valid, 1 when not.
 */
import { readFileSync } from 'node:fs'
import { ConfigError, formatPath, lineOf, parseConfigText } from '../config/load-config.js'
import { productionWarnings } from '../config/production-warnings.js'
import { runCli } from './cli-common.js'
import { zh } from '../text/zh-CN.js'

export function checkConfig(file: string): { code: number; out: string[] } {
  const t = zh.config.check
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    return { code: 1, out: [zh.config.notFound(file)] }
  }
  let config
  try {
    config = parseConfigText(text, file)
  } catch (e) {
    if (e instanceof ConfigError) return { code: 1, out: [t.invalidHeader(file, e.problems.length), ...e.problems] }
    throw e
  }
  const people = config.people.filter((p) => p.active)
  const count = (r: string) => people.filter((p) => p.roles.includes(r as never)).length
  const out = [t.ok(file, config.district.name, config.studios.length, people.length, count('representative'), count('coordinator'), count('admin'))]
  const warnings = productionWarnings(config).map((w) => {
    const line = lineOf(text, w.path)
    if (w.code === 'demo-id') return t.demoId(formatPath(w.path), line, w.value)
    if (w.code === 'fast-pacing') return t.fastPacing(line, w.min, w.max)
    return t.templateName(line, w.value)
  })
  if (warnings.length) out.push(t.warningsHeader(warnings.length), ...warnings)
  return { code: 0, out }
}

if (process.argv[1] && /check-config\.ts$/.test(process.argv[1])) {
  runCli(async (args) => {
    const file = args[0] ?? process.env.LXQ_CONFIG ?? 'config/district.yaml'
    const { code, out } = checkConfig(file)
    ;(code === 0 ? process.stdout : process.stderr).write(out.join('\n') + '\n')
    return code
  })
}
