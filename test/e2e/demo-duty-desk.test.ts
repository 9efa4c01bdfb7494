/**
 * The acceptance walk of issue 17 as a new user types it into `npm start` (the demo: mock WeChat gateway,
 * the bot over gRPC), from 2026-12-06 08:00: the announcement of 和平里工作室's 12月10日 session asks the
 * duty representatives (张明华, 李秀兰) to confirm; 张明华 confirms; at 18:00 the day before both get their
 * private reminder; at 20:00 the coordinator 刘芳 is told privately that 李秀兰 has not confirmed.
 *   printf ':time 2026-12-07 09:00\n:as 张明华\n/确认值班\n:time 2026-12-09 18:00\n:time 2026-12-09 20:00\n' | LXQ_FAKE_NOW=2026-12-06T08:00:00+08:00 npm start
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startMain } from '../support/spawn.js'

async function demo(script: string[]): Promise<{ out: string; code: number | null }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lxq-demo-duty-'))
  const run = startMain({ LXQ_DATA: dir, WECHATY_PUPPET_SERVICE_TOKEN: '', LXQ_FAKE_NOW: '2026-12-06T08:00:00+08:00' }, script.join('\n') + '\n')
  const code = await run.done
  rmSync(dir, { recursive: true, force: true })
  return { out: run.output(), code }
}

test('an announcement, /确认值班 from one representative, the evening reminder, the coordinator told about the other one', async () => {
  const { out, code } = await demo([':time 2026-12-07 09:00', ':as 张明华', '/确认值班', ':time 2026-12-09 18:00', ':time 2026-12-09 20:00'])
  const ann = out.indexOf('【党代表接待日公告】和平里工作室\n时间：2026年12月10日（周四）')
  expect(ann).toBeGreaterThan(0)
  expect(out.slice(ann)).toContain('请值班代表回复 /确认值班（或引用本条回复“收到”）确认到岗。')
  expect(out).toContain('[和平里工作室] 连心桥: 已确认：张明华 12月10日（周四） 18:00–20:00 在和平里工作室值班。谢谢！\n同班：李秀兰（未确认）')
  expect(out).toContain('[私聊 张明华] 连心桥: 【值班提醒】明天12月10日（周四） 18:00–20:00 您在和平里工作室值班（驻室接访）。\n地点：和平里社区党群服务中心二楼党代表工作室\n同班：李秀兰（未确认）\n您已确认到岗，谢谢！')
  expect(out).toContain('[私聊 李秀兰] 连心桥: 【值班提醒】明天12月10日（周四） 18:00–20:00 您在和平里工作室值班（驻室接访）。\n地点：和平里社区党群服务中心二楼党代表工作室\n同班：张明华（已确认）\n您还没有确认，请回复：/确认值班 12月10日。')
  const told = out.split('\n').filter((l) => l.startsWith('[私聊 刘芳] 连心桥: 【值班未确认】'))
  expect(told).toEqual(['[私聊 刘芳] 连心桥: 【值班未确认】和平里工作室 12月10日（周四） 18:00–20:00：李秀兰 到 12月9日（周三） 20:00 还没有确认值班。'])
  // The reminders come before the coordinator's notice, each once.
  expect(out.indexOf('[私聊 李秀兰] 连心桥: 【值班提醒】')).toBeLessThan(out.indexOf('[私聊 刘芳] 连心桥: 【值班未确认】'))
  expect(out.split('【值班提醒】')).toHaveLength(3)
  expect(code).toBe(0)
}, 90_000)

test('a 花名册 with 所属工作室, no 角色 and a 合计 row, sent by the admin as a file and confirmed: nobody demoted, used at once', async () => {
  const { demoConfig } = await import('../support/harness.js')
  const ExcelJS = (await import('exceljs')).default
  const config = demoConfig()
  const reps = config.people.filter((p) => p.roles.includes('representative'))
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('代表名册')
  ws.addRow(['和平区党代表花名册'])
  ws.addRow(['序号', '姓名', '工作单位', '职务', '代表层级', '手机号码', '所属工作室'])
  reps.forEach((p, i) => ws.addRow([i + 1, p.name, p.unit, p.id === 'p02' ? '主任' : p.position, p.level ?? '', p.phone ?? '', config.studios.find((s) => s.id === p.studio)!.name]))
  ws.addRow(['合计', `${reps.length}人`])
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lxq-demo-sheet-'))
  const file = path.join(dir, '花名册.xlsx')
  await wb.xlsx.writeFile(file)
  const { out, code } = await demo([':as 钱敏', ':in 私聊', `:file ${file}`, '/确认', ':as 刘芳', ':in 和平里工作室', '/待办', ':time 2026-12-07 09:00'])
  rmSync(dir, { recursive: true, force: true })
  expect(out).toContain('[私聊 钱敏] 连心桥: 花名册：花名册.xlsx（工作表“代表名册”')
  expect(out).toContain('  ~ 修改 李秀兰（p02）：职务 站长 → 主任')
  expect(out).toContain('已跳过第')
  expect(out).not.toContain('标记为不在册')
  expect(out).toContain('已导入花名册，立即生效')
  // 刘芳 is still the coordinator, and the announcement already reads the new position.
  expect(out).not.toContain('“/待办”只有')
  expect(out).toContain('· 李秀兰　和平里社区卫生服务站 主任')
  expect(code).toBe(0)
}, 90_000)
