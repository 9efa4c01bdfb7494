/**
 * Every user-facing Chinese string lives in src/text/. The layers that talk to people (commands,
 * schedules, app, platform, demo, cli) may hold Chinese only in comments; the pure domain parsers are
 * exempt (they *read* Chinese input: 月, 日, 周三 …).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { commands } from '../../src/commands/index.js'

// Command names and aliases are identifiers (what people type), not prose: they may appear as literals.
const commandNames = new Set(commands.flatMap((c) => [c.name, ...(c.aliases ?? [])]))

/** A line's Chinese outside comments, with string literals that are exactly a command name removed. */
function chineseIn(line: string): boolean {
  const stripped = line.replace(/(['"`])((?:(?!\1).)*)\1/gu, (lit, _q, body: string) => (commandNames.has(body) ? "''" : lit))
  return /\p{Script=Han}/u.test(stripped)
}

const folders = ['src/commands', 'src/schedules', 'src/app', 'src/platform', 'src/demo', 'src/cli', 'src/web', 'src/main.ts']

function files(p: string): string[] {
  if (!statSync(p).isDirectory()) return [p]
  return readdirSync(p).flatMap((n) => files(path.join(p, n)))
}

/** Source with comments removed (block, line and JSDoc), strings kept. */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1')
}

test('no Chinese outside comments in the user-facing layers', () => {
  const offenders: string[] = []
  for (const f of folders.flatMap((x) => files(x)).filter((f) => f.endsWith('.ts'))) {
    code(readFileSync(f, 'utf8'))
      .split('\n')
      .forEach((line, i) => {
        if (chineseIn(line)) offenders.push(`${f}:${i + 1}: ${line.trim()}`)
      })
  }
  expect(offenders).toEqual([])
})

test('the check itself catches a Chinese string in code but not in a comment or a command name', () => {
  expect(chineseIn(code("const a = '你好' // 注释"))).toBe(true)
  expect(chineseIn(code('const a = 1 // 注释\n/* 说明 */'))).toBe(false)
  expect(chineseIn("name: '帮助',")).toBe(false)
  expect(chineseIn("name: '帮助你',")).toBe(true)
})
