/**
 * The acceptance walk of issue #4 as a new user types it into `npm start` (the demo: mock WeChat gateway,
 * the bot over gRPC): `/接待日` and `/值班表` answer for the sample studios, and moving the demo clock to
 * three days before 和平里工作室's 12月10日 session shows its announcement exactly once.
 *   printf ':time 2026-12-07 09:00\n' | LXQ_FAKE_NOW=2026-12-06T08:00:00+08:00 npm start
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startMain } from '../support/spawn.js'
import { demoConfig } from '../support/harness.js'

const ANNOUNCEMENT = '【党代表接待日公告】和平里工作室\n时间：2026年12月10日（周四） 18:00–20:00'

async function demo(stdin: string): Promise<{ out: string; code: number | null }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lxq-demo-roster-'))
  const run = startMain({ LXQ_DATA: dir, WECHATY_PUPPET_SERVICE_TOKEN: '', LXQ_FAKE_NOW: '2026-12-06T08:00:00+08:00' }, stdin)
  const code = await run.done
  rmSync(dir, { recursive: true, force: true })
  return { out: run.output(), code }
}

test('printf ":time 2026-12-07 09:00\\n" | npm start shows exactly one announcement for 和平里工作室 12月10日', async () => {
  const { out, code } = await demo(':time 2026-12-07 09:00\n')
  expect(out.split(ANNOUNCEMENT)).toHaveLength(2)
  const at = out.indexOf(ANNOUNCEMENT)
  // In the group, with the duty representatives' names, units and positions, @mentioned.
  const line = out.slice(out.lastIndexOf('\n[', at) + 1, out.indexOf('欢迎党员群众前来反映意见建议。', at))
  expect(line.startsWith('[和平里工作室] 连心桥: @')).toBe(true)
  const hpl = demoConfig().people.filter((p) => p.studio === 'hpl' && p.roles.includes('representative'))
  const named = hpl.filter((p) => line.includes(`· ${p.name}　${p.unit} ${p.position}`))
  expect(named).toHaveLength(2)
  for (const p of named) expect(line).toContain(`@${p.name}`)
  expect(line).not.toContain('【补发】')
  expect(code).toBe(0)
}, 60_000)

test('/接待日 and /值班表 answer for the sample studios in the demo', async () => {
  const { out, code } = await demo('/接待日\n/值班表 2026年12月\n:in 七一社区工作室\n/接待日\n:in 小白楼工作室\n/值班表\n')
  expect(out).toContain('和平里工作室 · 接下来的接待日：')
  expect(out).toContain('和平里工作室 · 2026年12月值班表：')
  expect(out).toContain('七一社区工作室 · 接下来的接待日：')
  expect(out).toContain('小白楼工作室 · 2026年12月值班表：')
  expect(out).toContain('12月9日（周三） 14:30–16:30') // 小白楼: the second Wednesday
  expect(code).toBe(0)
}, 60_000)
