/**
 * An issue from intake to archive, through the same dispatcher and sender as production: one line and a
 * pasted form, transfer, answer, 不满意 reopens, 满意, archive; /查询 masked in the group and in full in a
 * coordinator's private chat; /我的登记 and /待办.
 */
import { Harness } from '../support/harness.js'
import { leaksInGroups } from '../support/issues.js'
import { createWorkingCalendar } from '../../src/domain/calendar/working-calendar.js'

const HP = 'hpl'
let h: Harness

beforeEach(async () => {
  h = await Harness.start({ now: '2026-12-10T18:30:00+08:00' })
})
afterEach(async () => {
  expect(leaksInGroups(h)).toEqual([])
  await h.close()
})

/** The one reply in the chat where it was said (a /转办 in a group also sends its work-order link privately: test/web). */
const one = async (who: string, text: string, where = HP) => {
  const before = h.transport.sent.length
  await h.say(who, text, where)
  const here = h.transport.sent.slice(before).filter((m) => (where === 'private' ? 'contactId' in m.to && m.to.contactId === h.contact(who) && !m.text.includes('/w/') && !m.file : 'roomId' in m.to && m.to.roomId === h.room(where)))
  expect(here).toHaveLength(1)
  return here[0].text
}

test('the whole life of an issue, from a one-line registration to the archive', async () => {
  const cal = createWorkingCalendar()
  const receipt = await one('张明华', '/登记 王大爷 13812345678 和平里3号楼2单元501 楼道灯坏了半个月')
  expect(receipt).toContain('已登记：HP-2026-0001')
  expect(receipt).toContain('王某 138****5678')
  expect(receipt).toContain('地址：和平里**')
  expect(receipt).toContain('诉求：楼道灯坏了半个月')
  expect(receipt).toContain('类别：物业管理（按关键词推测')
  expect(receipt).toContain('12月17日（周四）前转办') // 5 working days after Thursday 10 December
  expect(receipt).not.toContain('王大爷')

  const transferred = await one('刘芳', '/转办 HP-2026-0001 房管局')
  const deadline = cal.addWorkingDays('2026-12-10', 30)
  expect(deadline).toBe('2027-01-22') // 1 January 2027 is a day off (provisional calendar from the law)
  expect(transferred).toContain('HP-2026-0001 已转办 区房管局，办理期限 30 个工作日，请于 2027年1月22日（周五）前答复')
  expect(transferred).toContain('“房管局”按“区房管局”处理')

  expect(await one('张明华', '/答复 HP-2026-0001 物业已于12月12日更换楼道灯')).toContain('已记录 HP-2026-0001 的答复')

  h.clock.set(Date.parse('2026-12-15T10:00:00+08:00'))
  const reopened = await one('张明华', '/反馈 HP-2026-0001 不满意 灯修了两天又坏了')
  expect(reopened).toContain('不满意')
  expect(reopened).toContain('重新交 区房管局 办理（第 2 次办理）')
  expect(reopened).toContain(`请于 ${'2027年1月27日（周三）'}前答复`)
  expect(cal.addWorkingDays('2026-12-15', 30)).toBe('2027-01-27') // 元旦 2027 off
  const query2 = await one('刘芳', '/查询 HP-2026-0001')
  expect(query2).toContain('HP-2026-0001 · 承办中（区房管局）')
  expect(query2).toContain('答复期限：2027年1月27日（周三）')

  expect(await one('刘芳', '/答复 HP-2026-0001 已更换整条线路，12月20日验收')).toContain('（第 2 次办理）')
  expect(await one('刘芳', '/反馈 HP-2026-0001 满意')).toContain('评价：满意')
  expect(await one('刘芳', '/归档 HP-2026-0001')).toBe('HP-2026-0001 已归档。')

  const inGroup = await one('李秀兰', '/查询 HP-2026-0001')
  expect(inGroup).toContain('HP-2026-0001 · 已归档')
  expect(inGroup).toContain('群众：王某 138****5678')
  // Registered on a day without a session: nobody is named as on duty.
  expect(inGroup).toContain('非接待日登记（不算接待日接待）')
  for (const step of ['登记', '转办 区房管局，30 个工作日', '答复（第 1 次办理）', '评价：不满意（灯修了两天又坏了）；重新办理（第 2 次）', '答复（第 2 次办理）', '评价：满意', '归档'])
    expect(inGroup).toContain(step)
  expect(inGroup).toContain('已隐去部分内容')
  expect(inGroup).not.toContain('王大爷')
  expect(inGroup).not.toContain('2单元501')

  const inPrivate = await one('刘芳', '/查询 HP-2026-0001', 'private')
  expect(inPrivate).toContain('群众：王大爷 13812345678')
  expect(inPrivate).toContain('地址：和平里3号楼2单元501')
  expect(inPrivate).not.toContain('已隐去')
  expect(h.transport.sent.at(-1)!.to).toEqual({ contactId: h.contact('刘芳') })
})

test('a pasted form, in any order with either colon, with a stated category', async () => {
  const form = ['/登记', '电话：13698765432', '姓名:李阿姨', '地址： 幸福小区5栋302', '诉求：小区门口垃圾堆了一周没人清', '类别：市容环境'].join('\n')
  const receipt = await one('刘芳', form)
  expect(receipt).toContain('已登记：HP-2026-0001')
  expect(receipt).toContain('李某 136****5432')
  expect(receipt).toContain('地址：幸福小区**')
  expect(receipt).toContain('类别：市容环境\n')
  const full = await one('刘芳', '/查询 HP-2026-0001', 'private')
  expect(full).toContain('李阿姨 13698765432')
  expect(full).toContain('幸福小区5栋302')
})

test('当场答复 closes the issue at once, still recorded; nothing further applies but 更正/撤销', async () => {
  const receipt = await one('张明华', '/登记\n姓名：赵女士\n诉求：问社区老年食堂在哪里办卡\n当场答复：社区服务中心一楼，带身份证即可办理')
  expect(receipt).toContain('已登记并当场答复办结：HP-2026-0001')
  expect(receipt).toContain('当场答复：社区服务中心一楼')
  expect(receipt).not.toContain('转办')
  expect(await one('刘芳', '/转办 HP-2026-0001 区人社局')).toContain('已当场答复办结')
  const q = await one('刘芳', '/查询 HP-2026-0001')
  expect(q).toContain('当场答复，已办结')
  expect(q).toContain('当场答复（第 1 次办理')
})

test('the duty representatives of the day come from the roster; on a day without a session nobody is claimed as on duty', async () => {
  const roster = await h.store.roster(HP, 2026)
  await roster.mutate((d) => {
    const planned = d.sessions.find((s) => s.date === '2026-12-10')
    if (planned) planned.duty = ['p03', 'p04']
    else
      d.sessions.push({
        id: 'hpl/2026-12-10', studioId: HP, date: '2026-12-10', time: '18:00', durationMinutes: 120, place: '二楼', required: 2,
        duty: ['p03', 'p04'], attendance: [], history: [],
      })
  })
  expect(await one('刘芳', '/登记 王大爷 13812345678 楼道灯坏了')).toContain('值班代表：王建国、赵丽娟')
  h.clock.set(Date.parse('2026-12-11T10:00:00+08:00'))
  const noSession = await one('刘芳', '/登记 王大爷 13812345678 楼道灯又坏了')
  expect(noSession).not.toContain('值班代表')
  expect(noSession).toContain('今天没有接待日：这条登记不记为接待日接待。')
  expect((await h.app.deps.issues.get('HP-2026-0002'))!.dutyReps).toEqual([])
  expect(await one('刘芳', '/查询 HP-2026-0002')).toContain('非接待日登记（不算接待日接待）')
  const q = await one('刘芳', '/查询 HP-2026-0001')
  expect(q).toContain('值班代表 王建国、赵丽娟')
})

test('a contact attempt that failed lets an answered issue be archived unrated, with a reason', async () => {
  await one('张明华', '/登记 王大爷 13812345678 楼道灯坏了半个月')
  await one('刘芳', '/答复 HP-2026-0001 已联系物业更换')
  expect(await one('刘芳', '/归档 HP-2026-0001')).toContain('还没有群众评价')
  expect(await one('刘芳', '/联系 HP-2026-0001 未联系上 12月20日、22日两次电话无人接听')).toContain('未联系上')
  expect(await one('刘芳', '/归档 HP-2026-0001')).toContain('须写明理由')
  expect(await one('刘芳', '/归档 HP-2026-0001 两次回访均未联系上')).toBe('HP-2026-0001 已归档。')
  const q = await one('刘芳', '/查询 HP-2026-0001')
  expect(q).toContain('回访：未联系上（12月20日、22日两次电话无人接听）')
  expect(q).toContain('归档，理由：两次回访均未联系上')
})

test('/延期 once, at most 15 working days, with a reason', async () => {
  await one('刘芳', '/登记 王大爷 13812345678 楼道灯坏了半个月')
  await one('刘芳', '/转办 HP-2026-0001 区房管局 20')
  const cal = createWorkingCalendar()
  const base = cal.addWorkingDays('2026-12-10', 20)
  expect(await one('刘芳', '/延期 HP-2026-0001 16 要协调')).toContain('延期最多 15 个工作日')
  expect(await one('刘芳', '/延期 HP-2026-0001 10')).toContain('须写明理由')
  const ok = await one('刘芳', '/延期 HP-2026-0001 10个工作日 需协调供电公司施工')
  expect(ok).toContain('已延期 10 个工作日')
  expect(cal.addWorkingDays(base, 10)).toBe('2027-01-22') // not counting 元旦 2027
  expect(ok).toContain('2027年1月22日')
  expect(await one('刘芳', '/延期 HP-2026-0001 5 还要时间')).toContain('不能再延期')
})

test('/我的登记 lists what I registered and where each stands; /待办 lists what waits on the coordinator by deadline', async () => {
  await one('张明华', '/登记 王大爷 13812345678 楼道灯坏了半个月')
  await one('李秀兰', '/登记 李阿姨 幸福小区 门口垃圾没人清')
  await one('张明华', '/登记 赵女士 解放路12号 下水道堵塞')
  await one('刘芳', '/转办 HP-2026-0003 区城管委 3')
  const mine = await one('张明华', '/我的登记')
  expect(mine).toContain('您登记的问题（2 件）')
  expect(mine.indexOf('HP-2026-0003')).toBeLessThan(mine.indexOf('HP-2026-0001'))
  expect(mine).toContain('区城管委 承办中')
  expect(mine).not.toContain('HP-2026-0002')
  expect(mine).toContain('王某')

  const todo = await one('刘芳', '/待办')
  expect(todo).toContain('和平里工作室 待办（3 件')
  // The 3-day transfer is due first (15 Dec), then the two registrations due for transfer on 17 Dec.
  expect(todo.indexOf('HP-2026-0003')).toBeLessThan(todo.indexOf('HP-2026-0001'))
  expect(todo).toContain('【还剩 3 个工作日】')
  h.clock.set(Date.parse('2026-12-21T09:00:00+08:00'))
  const later = await one('刘芳', '/待办', 'private')
  expect(later).toContain('【已超期 4 个工作日】')
  expect(await one('李秀兰', '/待办')).toContain('只有联络员')
  expect(await one('马俊', '/待办', 'qyl')).toBe('七一社区工作室 没有待办的问题。')
  // In the liaison group a coordinator sees their own studio's, never another's; the admin the district's.
  await one('孙伟', '/登记 钱先生 13900001111 七一路 路灯不亮', 'qyl')
  const inLiaison = await one('马俊', '/待办', 'liaison')
  expect(inLiaison).toContain('七一社区工作室 待办（1 件')
  expect(inLiaison).not.toContain('HP-2026')
  expect(await one('刘芳', '/待办', 'liaison')).not.toContain('QY-2026')
  expect(await one('钱敏', '/待办', 'private')).toContain('QY-2026-0001')
  // In another studio's group a coordinator is told where the command works for them.
  expect(await one('刘芳', '/转办 QY-2026-0001 区城管委', 'qyl')).toBe('“/转办”只有联络员或联络室管理员可以使用：这里是七一社区工作室的群，您属于和平里工作室，请在和平里工作室的群里或私聊我使用。')
})

test('/帮助 lists the issue commands a representative may use, and explains /登记', async () => {
  const list = await one('张明华', '/帮助')
  for (const c of ['/登记', '/查询', '/我的登记', '/答复', '/反馈', '/联系', '/更正', '/撤销']) expect(list).toContain(c)
  expect(list).not.toContain('/转办')
  const one登记 = await one('张明华', '/帮助 登记')
  expect(one登记).toContain('姓名：王大爷')
  expect(one登记).toContain('当场答复')
})
