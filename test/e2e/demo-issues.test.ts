/**
 * The acceptance walk of issue #6 as a new user would type it into `npm start` (the demo: mock WeChat
 * gateway, the bot over gRPC): register in one line and in a pasted form, transfer, answer, 不满意
 * reopens, 满意, archive; /查询 masked in the group, in full in the coordinator's private chat.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startMain } from '../support/spawn.js'

test('printf "/登记 …\\n/查询 …\\n" | npm start registers and shows the issue masked in the group', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lxq-demo-issues-'))
  const run = startMain({ LXQ_DATA: dir, WECHATY_PUPPET_SERVICE_TOKEN: '' }, '/登记 王大爷 13812345678 和平里3号楼 楼道灯坏了半个月\n/查询 HP-2026-0001\n')
  const code = await run.done
  rmSync(dir, { recursive: true, force: true })
  const out = run.output()
  // Scheduled posts may be merged into the same group message: look for the receipt anywhere in it.
  expect(out).toContain('已登记：HP-2026-0001')
  expect(out).toContain('HP-2026-0001 · 待转办')
  expect(out).toContain('王某 138****5678')
  expect(out.split('\n').filter((l) => l.includes('13812345678'))).toEqual(['[和平里工作室] 刘芳: /登记 王大爷 13812345678 和平里3号楼 楼道灯坏了半个月'])
  expect(code).toBe(0)
}, 60_000)

test('the whole walk in the demo, as typed', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lxq-demo-issues-'))
  const script = [
    '/登记 王大爷 13812345678 和平里3号楼 楼道灯坏了半个月',
    '/登记\n姓名：李阿姨\n电话：13698765432\n诉求：小区门口垃圾堆了一周',
    '/转办 HP-2026-0001 区房管局',
    '/答复 HP-2026-0001 物业已更换楼道灯',
    '/反馈 HP-2026-0001 不满意 灯又坏了',
    '/答复 HP-2026-0001 已更换整条线路',
    '/反馈 HP-2026-0001 满意',
    '/归档 HP-2026-0001',
    '/查询 HP-2026-0001',
    ':in 私聊',
    '/查询 HP-2026-0001',
  ]
  // The pasted form spans several lines after a bare /登记; the demo sends them as one message, as WeChat does.
  const input = script.join('\n') + '\n'
  const run = startMain({ LXQ_DATA: dir, WECHATY_PUPPET_SERVICE_TOKEN: '' }, input)
  const code = await run.done
  rmSync(dir, { recursive: true, force: true })
  const out = run.output()
  expect(out).toContain('李某 136****5432')
  for (const expected of ['已登记：HP-2026-0001', '已登记：HP-2026-0002', '已转办 区房管局', '重新交 区房管局 办理（第 2 次办理）', '评价：满意', 'HP-2026-0001 已归档。', 'HP-2026-0001 · 已归档', '群众：王大爷 13812345678'])
    expect(out).toContain(expected)
  expect(out).toMatch(/\[私聊 刘芳\] 连心桥: (.|\n)*HP-2026-0001 · 已归档\n(.|\n)*群众：王大爷 13812345678/)
  expect(code).toBe(0)
}, 60_000)
