/**
 * The acceptance walk of issue #15 as a new user types it into `npm start` in December 2026 (the demo:
 * mock WeChat gateway, the bot over gRPC): `/值班表 2027年1月` and `2月` follow the provisional calendar
 * (no session on 1 January or 5–8 February, the year called provisional); then, on 8 February 2027 with the
 * 10 February sessions announced, the admin pastes the 2027 notice after a bare `/放假安排` (blank lines
 * and all), confirms, and the groups get their 更正 posts and the roster follows the notice.
 * The notice is the made-up one in test/fixtures/holiday-notices/2027-hypothetical.txt.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { startMain } from '../support/spawn.js'

const NOTICE = readFileSync(fileURLToPath(new URL('../fixtures/holiday-notices/2027-hypothetical.txt', import.meta.url)), 'utf8')
  .split('\n')
  .filter((l) => !l.startsWith('#'))
  .join('\n')

test('December 2026: provisional 2027 in /值班表; paste the notice, confirm, 更正 posts and the roster follows', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lxq-demo-holidays-'))
  const stdin = [
    ':in 七一社区工作室',
    '/值班表 2027年1月',
    ':in 和平里工作室',
    '/值班表 2027年2月',
    ':time 2027-02-08 10:00',
    ':as 钱敏',
    ':in 私聊',
    '/放假安排',
    NOTICE,
    '/确认放假安排',
    ':as 张明华',
    ':in 和平里工作室',
    '/值班表 2027年2月',
    '',
  ].join('\n')
  const run = startMain({ LXQ_DATA: dir, WECHATY_PUPPET_SERVICE_TOKEN: '', LXQ_FAKE_NOW: '2026-12-06T08:00:00+08:00' }, stdin)
  const code = await run.done
  rmSync(dir, { recursive: true, force: true })
  const out = run.output()
  const first = out.indexOf('七一社区工作室 · 2027年1月值班表')
  const second = out.indexOf('和平里工作室 · 2027年2月值班表')
  expect(first).toBeGreaterThan(-1)
  expect(second).toBeGreaterThan(first)
  const jan = out.slice(first, second)
  expect(jan).not.toContain('1月1日')
  expect(jan).toContain('1月4日（周一）')
  expect(jan).toContain('2027年的国务院放假安排还没有载入，暂按临时日历推算')
  const febBefore = out.slice(second, out.indexOf('日期可能还会调整', second))
  expect(febBefore).toContain('2月10日（周三）')
  expect(febBefore).not.toMatch(/2月[5-8]日/)
  expect(febBefore).toContain('临时日历')
  // The paste is read in full (blank lines and all), shown back, confirmed.
  expect(out).toContain('读到 2027 年的放假安排：放假 28 天，调休上班 5 天。')
  expect(out).toContain('已保存并启用 2027 年国务院放假安排')
  expect(out).toContain('【更正】和平里工作室 原定2027年2月10日（周三）的党代表接待日，按国务院放假安排该日放假，顺延到2027年2月15日（周一） 18:00–20:00。')
  expect(out).toContain('【更正】小白楼工作室 原定2027年2月10日（周三）的党代表接待日')
  const after = out.slice(out.lastIndexOf('和平里工作室 · 2027年2月值班表'))
  expect(after).toContain('2月15日（周一）')
  expect(after).not.toContain('临时日历')
  expect(code).toBe(0)
}, 90_000)
