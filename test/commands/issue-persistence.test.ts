/**
 * What survives: a restart keeps every issue and the next id continues; a replayed message id registers
 * nothing, even after a crash; the record is on disk before the receipt;
 * deadlines across the 2026 National Day holiday; nothing about a constituent is logged at info level.
 */
import { Harness } from '../support/harness.js'
import { leaksInGroups } from '../support/issues.js'
import { issuesOnDisk } from '../support/issues-on-disk.js'

const HP = 'hpl'
let h: Harness

afterEach(async () => {
  expect(leaksInGroups(h)).toEqual([])
  await h.close()
})

const onDisk = (studio: string, year: number) => issuesOnDisk(h.dir, studio, year)

test('a restart keeps everything, and the next id continues the sequence', async () => {
  h = await Harness.start({ now: '2026-12-10T18:30:00+08:00' })
  await h.say('张明华', '/登记 王大爷 13812345678 和平里3号楼 楼道灯坏了半个月', HP)
  await h.say('刘芳', '/登记 李阿姨 13698765432 幸福小区 门口垃圾没人清', HP)
  await h.say('刘芳', '/转办 HP-2026-0001 区房管局', HP)
  await h.say('马俊', '/登记 赵女士 解放路12号 下水道堵塞', 'qyl')
  await h.restart()
  const q = await h.say('刘芳', '/查询 HP-2026-0001', 'private')
  expect(q[0]).toContain('承办中（区房管局）')
  expect(q[0]).toContain('王大爷 13812345678')
  expect((await h.say('张明华', '/登记 孙大妈 和平里5号楼 电梯经常停', HP))[0]).toContain('已登记：HP-2026-0003')
  expect((await h.say('马俊', '/登记 钱先生 路灯不亮', 'qyl'))[0]).toContain('已登记：QY-2026-0002')
  expect((await h.say('刘芳', '/待办', HP))[0]).toContain('（3 件')
})

test('the record is on disk before the receipt is sent', async () => {
  h = await Harness.start({ now: '2026-12-10T18:30:00+08:00' })
  const seenAtSend: string[][] = []
  const send = h.transport.sendText.bind(h.transport)
  h.transport.sendText = async (to, text, mentions) => {
    seenAtSend.push(onDisk(HP, 2026).map((i) => i.id))
    return send(to, text, mentions)
  }
  const receipt = await h.say('张明华', '/登记 王大爷 13812345678 楼道灯坏了半个月', HP)
  expect(receipt[0]).toContain('HP-2026-0001')
  expect(seenAtSend).toEqual([['HP-2026-0001']])
})

test('a replayed message id registers nothing, before and after a restart, and after a crash', async () => {
  h = await Harness.start({ now: '2026-12-10T18:30:00+08:00' })
  const text = '/登记 王大爷 13812345678 楼道灯坏了半个月'
  expect(await h.say('张明华', text, HP, { id: 'wx-1001' })).toHaveLength(1)
  expect(await h.say('张明华', text, HP, { id: 'wx-1001' })).toEqual([])
  await h.say('刘芳', '/转办 HP-2026-0001 区房管局', HP, { id: 'wx-1002' })
  await h.restart()
  expect(await h.say('张明华', text, HP, { id: 'wx-1001' })).toEqual([])
  // After a crash the ids are only in the log records of the changes they made: still recognised.
  await h.restart({ crash: true })
  expect(await h.say('张明华', text, HP, { id: 'wx-1001' })).toEqual([])
  expect(await h.say('刘芳', '/转办 HP-2026-0001 区房管局', HP, { id: 'wx-1002' })).toEqual([])
  const issues = onDisk(HP, 2026)
  expect(issues.map((i) => i.id)).toEqual(['HP-2026-0001'])
  expect(issues[0].history.map((e) => e.msgId)).toEqual(['wx-1001', 'wx-1002'])
  expect((await h.say('张明华', text, HP, { id: 'wx-1003' }))[0]).toContain('HP-2026-0002')
})

test('deadlines across the 2026 Mid-Autumn and National Day holidays, make-up Saturday included', async () => {
  h = await Harness.start({ now: '2026-09-24T10:00:00+08:00' })
  // Thursday 24 September: 25–27 Sep and 1–7 Oct are off; 28–30 Sep, 8–9 Oct are working days.
  expect((await h.say('刘芳', '/登记 王大爷 13812345678 楼道灯坏了半个月', HP))[0]).toContain('10月9日（周五）前转办')
  h.clock.set(Date.parse('2026-09-28T10:00:00+08:00'))
  // Monday 28 September + 5 working days: 29, 30 Sep, 8, 9 Oct and Saturday 10 October (调休上班).
  expect((await h.say('刘芳', '/转办 HP-2026-0001 区房管局 5', HP))[0]).toContain('请于 10月10日（周六）前答复')
  // + 3 working days after 10 October: 12, 13, 14 October.
  expect((await h.say('刘芳', '/延期 HP-2026-0001 3 需协调', HP))[0]).toContain('新期限 10月14日（周三）')
  expect((await h.say('刘芳', '/登记 李阿姨 幸福小区 门口垃圾没人清', HP))[0]).toContain('10月10日（周六）前转办')
  expect((await h.say('刘芳', '/转办 HP-2026-0002 区城管委', HP))[0]).toContain('请于 11月13日（周五）前答复')
  h.clock.set(Date.parse('2026-10-05T10:00:00+08:00'))
  const todo = (await h.say('刘芳', '/待办', HP))[0]
  // In the middle of the holiday the extended deadline stands; no working day has passed since 30 September.
  expect(todo).toContain('区房管局 承办中，10月14日（周三）前答复')
})

test('nothing about a constituent is logged at info level', async () => {
  h = await Harness.start({ now: '2026-12-10T18:30:00+08:00' })
  await h.say('张明华', '/登记 王大爷 13812345678 和平里3号楼 身份证120101195001011234 楼道灯坏了', HP)
  await h.say('刘芳', '/转办 HP-2026-0001 区房管局', HP)
  await h.say('刘芳', '/答复 HP-2026-0001 已联系王大爷，13812345678 已回电', HP)
  const info = h.log.lines.filter((l) => / (INFO|WARN|ERROR) /.test(l))
  expect(info.some((l) => l.includes('HP-2026-0001'))).toBe(true)
  for (const secret of ['王大爷', '13812345678', '和平里3号楼', '120101195001011234', '楼道灯']) {
    expect(info.filter((l) => l.includes(secret))).toEqual([])
  }
  const group = h.sentTo(HP).map((m) => m.text).join('\n')
  expect(group).toContain('120***********1234')
})
