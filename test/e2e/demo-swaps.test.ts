/**
 * The acceptance walk of issue #5 as a new user types it into `npm start` (the demo: mock WeChat gateway,
 * the bot over gRPC), on the day the demo clock starts (2026-11-22, a Sunday, 10:00): 和平里工作室's
 * 11月25日 session was announced this morning (it shows as 补发). A representative on it asks for leave:
 * the roster, a correction and a call for a volunteer show it; a minute later the gap guard alerts (the
 * seat is open inside the 7-day window, past 09:30). Another representative volunteers (a second
 * correction), and a proposed substitute for 12月10日 is accepted; /接待日 shows the new duty.
 *   printf ':as 张明华\n/请假 11月25日 临时出差\n:time +1m\n…' | LXQ_FAKE_NOW=2026-11-22T10:00:00+08:00 npm start
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startMain } from '../support/spawn.js'
import { Harness } from '../support/harness.js'

const NOW = '2026-11-22T10:00:00+08:00'

/** Who the (deterministic) planner puts on 11月25日 and 12月10日 when the demo starts at NOW. */
async function cast() {
  const h = await Harness.start({ now: NOW })
  const name = (id: string) => h.config.people.find((p) => p.id === id)!.name
  const reps = h.config.people.filter((p) => p.studio === 'hpl' && p.roles.includes('representative')).map((p) => p.id)
  const n25 = (await h.app.deps.roster.sessionOn('hpl', '2026-11-25'))!.duty
  const d10 = (await h.app.deps.roster.sessionOn('hpl', '2026-12-10'))!.duty
  await h.close()
  const volunteer = reps.find((p) => !n25.includes(p))!
  const substitute = reps.find((p) => !d10.includes(p))!
  return {
    leaver: name(n25[0]),
    stays: name(n25[1]),
    volunteer: name(volunteer),
    asker: name(d10[0]),
    partner: name(d10[1]),
    substitute: name(substitute),
  }
}

test('a leave, the correction and the call for a volunteer, the gap alert, a volunteer, an accepted substitute: all in the demo', async () => {
  const c = await cast()
  const script = [
    `:as ${c.leaver}`,
    '/请假 11月25日 临时出差',
    ':time +1m',
    `:as ${c.volunteer}`,
    '/顶班 11月25日',
    `:as ${c.asker}`,
    `/代班 12月10日 @${c.substitute}`,
    `:as ${c.substitute}`,
    '/同意 2',
    '/接待日',
  ]
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lxq-demo-swaps-'))
  const run = startMain({ LXQ_DATA: dir, WECHATY_PUPPET_SERVICE_TOKEN: '', LXQ_FAKE_NOW: NOW }, script.join('\n') + '\n')
  const code = await run.done
  rmSync(dir, { recursive: true, force: true })
  const out = run.output()

  // The leave: recorded, corrected in the group, and a call for a volunteer.
  expect(out).toContain(`已记下 ${c.leaver} 请假：11月25日（周三） 18:00–20:00（#1）。现值班：${c.stays}（尚缺 1 人）。`)
  expect(out).toContain(`原公告：${c.leaver}、${c.stays}\n现改为：${c.stays}（尚缺 1 人）\n不再值班：${c.leaver}\n说明：${c.leaver} 请假（临时出差），请求 #1`)
  expect(out).toContain('【征集顶班】和平里工作室 11月25日（周三） 18:00–20:00')
  expect(out).toContain('能来的代表请回复：/顶班 11月25日')

  // The gap guard, in the group, @mentioning the coordinator, once.
  const alerts = out.split('\n').filter((l) => l.includes('【缺岗提醒】和平里工作室'))
  expect(alerts).toHaveLength(1)
  expect(alerts[0].startsWith('[和平里工作室] 连心桥: @')).toBe(true)
  expect(alerts[0]).toContain('@刘芳')
  expect(out).toContain(`· 11月25日（周三） 18:00–20:00 现值班：${c.stays}，尚缺 1 人\n  请假：${c.leaver}`)

  // The volunteer fills the seat: a second correction.
  expect(out).toContain(`谢谢 ${c.volunteer}！已顶上 11月25日（周三） 的班。现值班：${c.stays}、${c.volunteer}。`)
  expect(out).toContain(`现改为：${c.stays}、${c.volunteer}\n新增：${c.volunteer}\n说明：${c.volunteer} 顶班`)

  // The proposed substitute, accepted.
  expect(out).toContain(`#2 ${c.asker} 请 ${c.substitute} 代值 12月10日（周四） 18:00–20:00 的班。`)
  expect(out).toContain(`已同意 #2，值班已调整：\n· 12月10日（周四）：${c.substitute}、${c.partner}`)

  // The roster shows both.
  const roster = out.slice(out.lastIndexOf('和平里工作室 · 接下来的接待日：'))
  expect(roster).toContain(`11月25日（周三） 18:00–20:00\n  值班：${c.stays}、${c.volunteer}`)
  expect(roster).toContain(`12月10日（周四） 18:00–20:00\n  值班：${c.substitute}、${c.partner}`)
  expect(code).toBe(0)
}, 90_000)
