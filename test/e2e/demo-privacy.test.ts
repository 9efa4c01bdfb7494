/**
 * The acceptance walk of issue 14 as a new user would type it into `npm start` (the demo: mock WeChat
 * gateway, the bot over gRPC): numbers in the forms the issue lists, typo'd phones, a pasted form with a
 * line that is no field, /待办 and /查询 in the group; then a stranger under a representative's name.
 * Nothing of the constituents' digits reaches a group; the stranger gets no rights and the coordinator
 * is told privately.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startMain } from '../support/spawn.js'
import { showsDigitsOf } from '../../src/domain/privacy/mask-group-text.js'

test('the privacy and impersonation walks in the demo, as typed', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lxq-demo-privacy-'))
  const script = [
    '/登记 周大姐 13812345678 楼上邻居家漏水已经三天了，物业不管，请联系我13812345678',
    '/登记 钱阿姨 楼下噪音扰民，座机23456789或2345 6789，(022)23456789',
    '/登记 孙大爷 路灯不亮，电话138.1234.5671，或138—1234—5673，或1 3 8 1 2 3 4 5 6 7 9',
    '/登记 赵阿姨 低保补办，身份证号１２０１０１１９５００１０１１２３Ｘ',
    '/登记 王大爷 1381234567 楼道灯坏了',
    '/登记\n姓名：李阿姨\n电话：13698765432\n诉求：小区门口垃圾堆了一周！\n值班代表：钱敏\n',
    '/待办',
    '/查询 HP-2026-0001',
    ':nick 张明华',
    '/请假 12月10日 出差',
  ]
  const run = startMain({ LXQ_DATA: dir, WECHATY_PUPPET_SERVICE_TOKEN: '', LXQ_FAKE_NOW: '2026-12-07T09:30:00+08:00' }, script.join('\n') + '\n')
  const code = await run.done
  rmSync(dir, { recursive: true, force: true })
  const out = run.output()
  // What the bot said in groups (the echo of what was typed aside).
  const botInGroups = out.split(/\n(?=\[)/u).filter((l) => /^\[[^\]]*工作室\] 连心桥: /u.test(l))
  expect(botInGroups.join('\n')).toContain('已登记：HP-2026-0005')
  expect(botInGroups.join('\n')).toContain('电话号码位数不对')
  expect(botInGroups.join('\n')).toContain('　　值班代表：钱敏')
  for (const n of ['13812345678', '23456789', '02223456789', '13812345671', '13812345673', '13812345679', '12010119500101123', '13698765432', '1381234567'])
    for (const m of botInGroups) expect(showsDigitsOf(m, n)).toBe(false)
  // The stranger under 张明华's name: refused, and 刘芳 told privately.
  expect(out).toContain('[和平里工作室] 张明华: /请假 12月10日 出差')
  expect(out).toMatch(/\[和平里工作室\] 连心桥: “\/请假”只有党代表可以使用/u)
  expect(out).toMatch(/\[私聊 刘芳\] 连心桥: 【提醒】和平里工作室群里有一个微信用群昵称“张明华”发命令/u)
  expect(code).toBe(0)
}, 90_000)
