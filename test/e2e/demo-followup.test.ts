/**
 * The acceptance walk of issue #7 as a new user types it into `npm start` (the demo: mock WeChat gateway,
 * the bot over gRPC): an issue registered and transferred with 5 working days; `:time` to a Monday two
 * weeks later shows the weekly post with the overdue issue (masked, the coordinator @mentioned) and the
 * district summary; `/统计` shows rates with their denominators; `/导出台账` delivers an xlsx in private
 * that opens with the expected sheets.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { startMain } from '../support/spawn.js'

test('the weekly post with an overdue issue, /统计 with denominators, /导出台账 as an xlsx in private', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lxq-demo-followup-'))
  try {
    const stdin = [
      ':as 张明华',
      '/登记 王大爷 13812345678 和平里3号楼 楼道灯坏了半个月',
      ':as 刘芳',
      '/转办 HP-2026-0001 区房管局 5',
      ':time 2026-11-16 09:00',
      '/统计',
      '/导出台账',
      ':time +1m',
    ].join('\n') + '\n'
    const run = startMain({ LXQ_DATA: dir, WECHATY_PUPPET_SERVICE_TOKEN: '', LXQ_FAKE_NOW: '2026-11-02T10:00:00+08:00' }, stdin)
    expect(await run.done).toBe(0)
    const out = run.output()
    expect(out).toContain('[和平里工作室] 连心桥: @刘芳 【每周跟进】和平里工作室 · 11月16日（周一）—11月22日（周日）')
    expect(out).toContain('超期问题 1 件（催办），请联络员督促办理：\n· HP-2026-0001 王某：楼道灯坏了半个月\n  区房管局承办（答复期限 11月9日（周一）），已超期 5 个工作日')
    expect(out).toContain('[党代表联络室] 连心桥: 【督办·全区每周汇总】和平区 · 11月16日（周一）—11月22日（周日）')
    expect(out).toContain('结案 0 件，结案率 0%（0/1）')
    expect(out).toContain('满意率 —（0/0）；其中“满意” —（0/0）')
    expect(out).toContain('[和平里工作室] 连心桥: 刘芳，台账含群众个人信息，已私聊发给您。')
    const file = path.join(dir, 'demo-files', '台账-和平里工作室-2026年.xlsx')
    expect(out).toContain(`[私聊 刘芳] 连心桥: [文件] 台账-和平里工作室-2026年.xlsx 已保存到 ${file}`)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(file)
    expect(wb.worksheets.map((w) => w.name)).toEqual(['问题台账', '接待场次与签到', '换班记录', '统计', '张明华', '李秀兰', '王建国', '赵丽娟', '陈志强'])
    expect(wb.getWorksheet('问题台账')!.getRow(2).getCell(6).value).toBe('王大爷')
    // No group message of the bot carries the constituent's name or number.
    const groupPosts = out.split(/\n(?=\[)/u).filter((b) => b.startsWith('[和平里工作室] 连心桥') || b.startsWith('[党代表联络室] 连心桥'))
    expect(groupPosts.length).toBeGreaterThan(3)
    expect(groupPosts.filter((b) => b.includes('13812345678') || b.includes('王大爷'))).toEqual([])
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}, 90_000)
