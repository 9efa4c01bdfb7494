/**
 * `npm run check-config`: the template config/example.yaml is valid and carries nothing of the demo;
 * a broken file gets every error with its line, exactly as start-up reports them; a valid file copied
 * from the demo gets reminders about its demo ids and its fast pacing, each with its line.
 */
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { spawnSync } from 'node:child_process'
import { checkConfig } from '../../src/cli/check-config.js'
import { loadConfig, ConfigError } from '../../src/config/load-config.js'

const dir = mkdtempSync(path.join(os.tmpdir(), 'lxq-check-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

test('config/example.yaml is valid, production-paced and has no demo ids; only its template district name is flagged', () => {
  const r = checkConfig('config/example.yaml')
  expect(r.code).toBe(0)
  expect(r.out[0]).toContain('检查通过：某某区，2 个工作室，7 人')
  expect(r.out.slice(1)).toEqual(['另有 1 条提醒（不妨碍启动）：', '  district.name（第 10 行）: “某某区”还是模板里的名字，请改成本区区名'])
  const c = loadConfig('config/example.yaml')
  expect(c.bot.sendGapMs).toEqual([1000, 2000])
  expect(readFileSync('config/example.yaml', 'utf8')).not.toContain('demo-')
})

test('a broken copy gets every error with its line, the same lines start-up prints', () => {
  const text = readFileSync('config/example.yaml', 'utf8').replace('prefix: YB', 'prefix: yb').replace('studio: studio-b, roles: [coordinator]', 'studio: studio-x, roles: [coordinator]')
  const file = path.join(dir, 'broken.yaml')
  writeFileSync(file, text)
  const r = checkConfig(file)
  expect(r.code).toBe(1)
  expect(r.out[0]).toBe(`配置文件 ${file} 有 3 处错误：`)
  const lineOf = (s: string) => text.split('\n').findIndex((l) => l.includes(s)) + 1
  expect(r.out).toContain(`  studios[1].prefix（第 ${lineOf('prefix: yb')} 行）: 编号前缀 yb 应为 2–3 个大写字母`)
  expect(r.out).toContain(`  people[5].studio（第 ${lineOf('studio-x')} 行）: 没有 id 为 studio-x 的工作室`)
  // studio-b has no coordinator left
  expect(r.out.some((l) => l.includes('studios[1]') && l.includes('没有联络员'))).toBe(true)
  let startUp: string[] = []
  try {
    loadConfig(file)
  } catch (e) {
    startUp = (e as ConfigError).problems
  }
  expect(r.out.slice(1)).toEqual(startUp)
})

test('a valid file copied from the demo: reminders for its demo ids and its pacing, with lines', () => {
  const r = checkConfig('config/demo.yaml')
  expect(r.code).toBe(0)
  expect(r.out).toContain('  bot.sendGapMs（第 12 行）: [300, 600] 比正式使用建议的 [1000, 2000] 快，容易触发微信风控')
  // The line of the first studio's roomId in the demo file as it stands (the file grows with new settings).
  const line = readFileSync('config/demo.yaml', 'utf8').split('\n').findIndex((l) => l.includes('roomId: demo-hpl@chatroom')) + 1
  expect(line).toBeGreaterThan(1)
  expect(r.out).toContain(`  studios[0].roomId（第 ${line} 行）: demo-hpl@chatroom 是演示网关的 id，正式环境里没有这个群或联系人；不知道时留空`)
  expect(r.out.filter((l) => l.includes('是演示网关的 id'))).toHaveLength(22)
})

test('npm run check-config: exit 1 and the template named when the file is missing; exit 0 on the template', () => {
  const tsx = path.join(process.cwd(), 'node_modules', '.bin', 'tsx')
  const missing = spawnSync(tsx, ['src/cli/check-config.ts', path.join(dir, 'none.yaml')], { encoding: 'utf8' })
  expect(missing.status).toBe(1)
  expect(missing.stderr).toContain('config/example.yaml')
  const ok = spawnSync(tsx, ['src/cli/check-config.ts', 'config/example.yaml'], { encoding: 'utf8' })
  expect(ok.status).toBe(0)
  expect(ok.stdout).toContain('检查通过')
}, 60_000)
