/**
 * The weekly follow-up, the district summary (督办) and the deadline reminders, through the same app,
 * dispatcher and sender as production on a manual clock (config/demo.yaml: weekly on Monday 09:00,
 * escalation after 10 working days, reminders 3 working days ahead from 09:00).
 *
 * The story: the bot is installed on Monday 2026-11-02 at 10:00. 张明华 registers 王大爷's issue in the
 * 和平里 group, 刘芳 transfers it to 区房管局 with 5 working days (due Monday 11-09).
 */
import { Harness, demoConfig, type SentMessage } from '../support/harness.js'
import { leaksInGroups } from '../support/issues.js'
import { parseInstant } from '../../src/platform/clock.js'

const HP = 'hpl'
const WEEKLY = '【每周跟进】'
const DISTRICT = '【督办·全区每周汇总】'
const REMIND = '【到期提醒】'
const LIAISON = 'demo-liaison@chatroom'

let h: Harness
afterEach(async () => {
  await h.close()
})

const at = (iso: string) => {
  const t = parseInstant(iso)
  if (t === undefined) throw new Error(iso)
  return t
}
/** Posts (merged messages split back into posts) to a target containing every needle. */
const pieces = (msgs: SentMessage[], ...needles: string[]) =>
  msgs.flatMap((m) => m.text.split(/\n\n(?=\S)/u)).filter((p) => needles.every((n) => p.includes(n)))
const weeklyIn = (studio: string, ...needles: string[]) => pieces(h.sentTo(studio), WEEKLY, ...needles)
const liaisonPosts = (...needles: string[]) => pieces(h.transport.sent.filter((m) => 'roomId' in m.to && m.to.roomId === LIAISON), DISTRICT, ...needles)
/** The 催办/督办 levels recorded on an issue (the warning ladder), in order. */
const urges = async (id: string) => ((await h.app.deps.issues.get(id))?.history ?? []).flatMap((e) => (e.kind === 'urge' ? [e.level] : []))
const privateTo = (contactId: string, ...needles: string[]) => pieces(h.transport.sent.filter((m) => 'contactId' in m.to && m.to.contactId === contactId), ...needles)

/** Up and running through Monday 11-09 09:00 (that week's post on time) to Sunday 11-15 evening. */
async function upToSunday(): Promise<void> {
  await h.advanceTo('2026-11-09T09:00:00+08:00')
  expect(weeklyIn(HP, '11月9日（周一）')).toHaveLength(1)
  await h.advanceTo('2026-11-15T20:00:00+08:00')
  expect(pieces(h.transport.sent, '【补发】', WEEKLY)).toEqual([])
}

async function story(config = demoConfig()): Promise<void> {
  h = await Harness.start({ now: '2026-11-02T10:00:00+08:00', config })
  await h.say('张明华', '/登记 王大爷 13812345678 和平里3号楼 楼道灯坏了半个月', HP)
  await h.say('刘芳', '/转办 HP-2026-0001 区房管局 5', HP)
}

describe('the weekly post in each studio group', () => {
  test('Monday 09:00: one post per group with this week, open issues by stage and the overdue ones, the coordinator @mentioned', async () => {
    await story()
    expect((await h.advanceTo('2026-11-16T08:59:00+08:00')).filter((m) => m.text.includes(WEEKLY))).toEqual([])
    await h.advanceTo('2026-11-16T09:00:00+08:00')
    const [post] = weeklyIn(HP)
    expect(post).toBeDefined()
    expect(post.startsWith('【每周跟进】和平里工作室 · 11月16日（周一）—11月22日（周日）')).toBe(true)
    expect(post).not.toContain('【补发】')
    expect(post).toContain('待办问题 1 件：待转办 0，承办中 1，待回访评价 0，待归档 0')
    // Due 11-09, on 11-16 five working days late (11-10 … 11-16); masked: the group never sees the name or the phone.
    expect(post).toContain('超期问题 1 件（催办）')
    expect(post).toContain('HP-2026-0001 王某：楼道灯坏了半个月')
    expect(post).toContain('区房管局承办（答复期限 11月9日（周一）），已超期 5 个工作日')
    expect(post).not.toContain('王大爷')
    const msg = h.sentTo(HP).find((m) => m.text.includes(WEEKLY))!
    expect(msg.mentions).toContain('demo-c01')
    // 七一 and 小白楼 get theirs, without overdue issues and without @mentions.
    for (const s of ['qyl', 'xbl']) {
      expect(weeklyIn(s)).toHaveLength(1)
      expect(weeklyIn(s)[0]).toContain('没有待办的群众反映问题。')
    }
    expect(h.sentTo('qyl').find((m) => m.text.includes(WEEKLY))!.mentions).toEqual([])
    expect(leaksInGroups(h)).toEqual([])
  })

  test("this week's sessions with duty, gaps in the window, and the note on an uncovered holiday calendar", async () => {
    await story()
    // 和平里 meets on 11-25 (Wednesday): leave it with one representative of two.
    await h.say('刘芳', '/排班 11月25日 张明华', HP)
    await h.advanceTo('2026-11-23T09:00:00+08:00')
    const [post] = weeklyIn(HP, '11月23日（周一）—11月29日（周日）')
    expect(post).toContain('本周接待日：\n· 11月25日（周三） 18:00–20:00　值班：张明华（尚缺 1 人）')
    expect(post).toContain('缺岗提醒（不得空岗，请尽快安排）：\n· 11月25日（周三） 18:00–20:00 尚缺 1 人')
    // The horizon reaches 2027, whose State Council calendar is not published in chinese-days yet.
    expect(post).toContain('2027年的国务院放假安排还没有载入，暂按临时日历推算')
    expect(weeklyIn('qyl', '11月23日')[0]).toContain('本周没有接待日。')
  })

  test('exactly once across restarts around the time, and further due-checks of the week post nothing more', async () => {
    await story()
    for (const t of ['2026-11-16T08:59:30+08:00', '2026-11-16T09:00:00+08:00', '2026-11-16T09:00:30+08:00']) {
      h.clock.set(at(t))
      await h.restart()
    }
    for (const t of ['2026-11-16T09:05:00+08:00', '2026-11-17T09:00:00+08:00', '2026-11-22T23:59:00+08:00']) {
      await h.advanceTo(t)
      await h.restart()
    }
    expect(weeklyIn(HP)).toHaveLength(1)
    expect(weeklyIn('xbl')).toHaveLength(1)
    expect(liaisonPosts()).toHaveLength(1)
    expect(pieces(h.transport.sent, '【补发】', WEEKLY)).toEqual([])
    // Next Monday: the next week's post, once.
    await h.advanceTo('2026-11-23T09:00:00+08:00')
    await h.restart()
    expect(weeklyIn(HP)).toHaveLength(2)
    expect(weeklyIn(HP, '11月23日（周一）')).toHaveLength(1)
  })

  test('down over Monday 09:00 and back on Wednesday: one post per group marked 补发, once', async () => {
    await story()
    await upToSunday()
    h.clock.set(at('2026-11-18T10:00:00+08:00'))
    await h.restart()
    await h.restart()
    expect(weeklyIn(HP, '11月16日')).toHaveLength(1)
    expect(weeklyIn(HP, '11月16日')[0].startsWith('【补发】【每周跟进】和平里工作室 · 11月16日（周一）')).toBe(true)
    expect(liaisonPosts('11月16日')).toHaveLength(1)
    expect(liaisonPosts('11月16日')[0].startsWith('【补发】')).toBe(true)
  })

  test('down for a whole week: nothing for the week that has passed; the current week as usual', async () => {
    await story()
    await upToSunday()
    // Back on the next Monday before 09:00: the week of 11-16 is over, nothing is sent for it.
    h.clock.set(at('2026-11-23T08:00:00+08:00'))
    await h.restart()
    expect(weeklyIn(HP, '11月16日')).toEqual([])
    expect(liaisonPosts('11月16日')).toEqual([])
    await h.advanceTo('2026-11-23T09:00:00+08:00')
    expect(weeklyIn(HP, '11月23日（周一）')).toHaveLength(1)
    expect(weeklyIn(HP, '11月16日')).toEqual([])
    expect(pieces(h.transport.sent, '【补发】', WEEKLY)).toEqual([])
  })

  test('down across two Mondays and back on a Tuesday: one 补发 post, for the current week only', async () => {
    await story()
    await upToSunday()
    h.clock.set(at('2026-11-24T15:00:00+08:00'))
    await h.restart()
    expect(weeklyIn(HP, '11月16日')).toEqual([])
    expect(weeklyIn(HP, '【补发】', '11月23日（周一）—11月29日（周日）')).toHaveLength(1)
  })

  test('installed in the middle of a week: no 补发 for a Monday the bot was never there for', async () => {
    h = await Harness.start({ now: '2026-11-18T10:00:00+08:00' })
    await h.advanceTo('2026-11-20T10:00:00+08:00')
    expect(pieces(h.transport.sent, WEEKLY)).toEqual([])
    await h.advanceTo('2026-11-23T09:00:00+08:00')
    expect(weeklyIn(HP)).toHaveLength(1)
  })

  test('configurable day and time: Friday 16:30', async () => {
    const config = demoConfig((t) => t.replace("  weekday: 1\n  at: '09:00'", "  weekday: 5\n  at: '16:30'"))
    await story(config)
    await h.advanceTo('2026-11-16T09:00:00+08:00')
    expect(weeklyIn(HP)).toEqual([])
    await h.advanceTo('2026-11-20T16:29:00+08:00')
    expect(weeklyIn(HP)).toEqual([])
    await h.advanceTo('2026-11-20T16:30:00+08:00')
    expect(weeklyIn(HP, '11月16日（周一）—11月22日（周日）')).toHaveLength(1)
  })
})

describe('the district summary and escalation (督办)', () => {
  test('overdue by more than 10 working days: escalated to the liaison group, per studio figures worst first', async () => {
    await story()
    // 11-23: 10 working days late (11-10 … 11-23), not yet escalated; 11-30: 15, escalated.
    await h.advanceTo('2026-11-23T09:00:00+08:00')
    const first = liaisonPosts()[0]
    expect(first).toContain('本周没有超期超过 10 个工作日的问题。')
    expect(weeklyIn(HP)[0]).not.toContain('已报联络室督办')
    await h.advanceTo('2026-11-30T09:00:00+08:00')
    const [, second] = liaisonPosts()
    expect(second.startsWith('【督办·全区每周汇总】和平区 · 11月30日（周一）—12月6日（周日）')).toBe(true)
    const lines = second.split('\n')
    const studioLines = lines.filter((l) => l.startsWith('· ') && l.includes('：待办'))
    // 和平里 first (one escalated), then the others in configuration order (a tie).
    expect(studioLines.map((l) => l.slice(2, l.indexOf('：')))).toEqual(['和平里工作室', '七一社区工作室', '小白楼工作室'])
    expect(studioLines[0]).toBe('· 和平里工作室：待办 1，超期 1，督办 1；2026年受理 1 件，结案率 0%（0/1），满意率 —（0/0）')
    expect(studioLines[1]).toBe('· 七一社区工作室：待办 0，超期 0，督办 0；2026年受理 0 件，结案率 —（0/0），满意率 —（0/0）')
    expect(second).toContain('【通报】督办问题（超期超过 10 个工作日，已报联络室督办）1 件：')
    expect(second).toContain('· HP-2026-0001 和平里工作室 王某：楼道灯坏了半个月\n  区房管局承办（答复期限 11月9日（周一）），已超期 15 个工作日')
    expect(weeklyIn(HP, '11月30日')[0]).toContain('已超期 15 个工作日（已报联络室督办）')
    expect(leaksInGroups(h)).toEqual([])
  })

  test('the daily 督办: the day an issue passes the limit the liaison group is told once, masked; nothing new, nothing sent', async () => {
    await story()
    const daily = () => pieces(h.transport.sent.filter((m) => 'roomId' in m.to && m.to.roomId === LIAISON), '【督办】')
    for (const d of ['2026-11-20', '2026-11-23']) await h.advanceTo(`${d}T09:00:00+08:00`)
    expect(daily()).toEqual([])
    // 11-24: 11 working days late (11-10 … 11-24).
    await h.advanceTo('2026-11-24T08:59:00+08:00')
    expect(daily()).toEqual([])
    await h.advanceTo('2026-11-24T09:00:00+08:00')
    expect(daily()).toEqual([
      '【督办】11月24日（周二） 新增超期超过 10 个工作日的问题 1 件：\n' +
        '· HP-2026-0001 和平里工作室 王某：楼道灯坏了半个月\n  区房管局承办（答复期限 11月9日（周一）），已超期 11 个工作日\n' +
        '全区汇总每周一发出；各件详情请联络员 /查询 <编号>。',
    ])
    await h.restart()
    for (const d of ['2026-11-24T15:00', '2026-11-25T09:00', '2026-11-26T09:00']) await h.advanceTo(`${d}:00+08:00`)
    expect(daily()).toHaveLength(1)
    // The 督办 is on the issue, once (the clock jumped past the days of the 催办).
    expect(await urges('HP-2026-0001')).toEqual(['red'])
    expect(leaksInGroups(h)).toEqual([])
  })

  test('a studio with more overdue comes before one with fewer', async () => {
    await story()
    await h.say('孙伟', '/登记 赵大姐 13698765432 七一路5号 小区门口积水', 'qyl')
    await h.say('孙伟', '/登记 钱大哥 七一路7号 路灯不亮', 'qyl')
    // Both registered on 11-02: due for transfer by 11-09; never transferred.
    await h.advanceTo('2026-11-16T09:00:00+08:00')
    const lines = liaisonPosts()[0].split('\n').filter((l) => l.startsWith('· ') && l.includes('：待办'))
    expect(lines[0].startsWith('· 七一社区工作室：待办 2，超期 2，督办 0')).toBe(true)
    expect(lines[1].startsWith('· 和平里工作室：待办 1，超期 1，督办 0')).toBe(true)
  })

  test('no liaison group configured or bound: the admins get it privately', async () => {
    const config = demoConfig((t) => t.replace('  liaisonRoomId: demo-liaison@chatroom\n', ''))
    await story(config)
    await h.advanceTo('2026-11-16T09:00:00+08:00')
    expect(privateTo('demo-a01', DISTRICT)).toHaveLength(1)
    await h.restart()
    expect(privateTo('demo-a01', DISTRICT)).toHaveLength(1)
  })
})

describe('deadline reminders to coordinators, in private', () => {
  test('3 working days before the deadline, from 09:00, once; an extension brings one more', async () => {
    await story()
    // Due Monday 11-09: on Wednesday 11-04 three working days are left (11-05, 11-06, 11-09).
    await h.advanceTo('2026-11-03T09:00:00+08:00')
    expect(privateTo('demo-c01', REMIND)).toEqual([])
    await h.advanceTo('2026-11-04T08:59:00+08:00')
    expect(privateTo('demo-c01', REMIND)).toEqual([])
    await h.advanceTo('2026-11-04T09:00:00+08:00')
    const [r] = privateTo('demo-c01', REMIND)
    expect(r).toBe(
      '【到期提醒】11月4日（周三）\n' +
        '即将到期 1 件：\n' +
        'HP-2026-0001（和平里工作室）王大爷：楼道灯坏了半个月\n' +
        '区房管局承办，答复期限 11月9日（周一），还剩 3 个工作日。已向承办单位催办（工单页面上可见），请督促按期答复；确需延期请发：/延期 HP-2026-0001 <工作日数> <理由>\n' +
        '发送 /待办 查看本工作室全部未结问题。',
    )
    for (const t of ['2026-11-05T09:00:00+08:00', '2026-11-06T09:00:00+08:00', '2026-11-09T09:00:00+08:00']) {
      await h.advanceTo(t)
      await h.restart()
    }
    expect(privateTo('demo-c01', REMIND)).toHaveLength(1)
    // The 催办 is on the issue (the department's page shows it), once across the restarts.
    expect(await urges('HP-2026-0001')).toEqual(['yellow'])
    // Nobody else is reminded, and nothing of it reaches a group.
    expect(pieces(h.transport.sent.filter((m) => !('contactId' in m.to && m.to.contactId === 'demo-c01')), REMIND)).toEqual([])
    // Extended on the due day by 5 working days: due 11-16, reminded once more on 11-11.
    h.clock.set(at('2026-11-09T10:00:00+08:00'))
    await h.say('刘芳', '/延期 HP-2026-0001 5 需现场勘查', HP)
    await h.advanceTo('2026-11-10T09:00:00+08:00')
    expect(privateTo('demo-c01', REMIND)).toHaveLength(1)
    await h.advanceTo('2026-11-11T09:00:00+08:00')
    await h.advanceTo('2026-11-12T09:00:00+08:00')
    expect(privateTo('demo-c01', REMIND)).toHaveLength(2)
    expect(privateTo('demo-c01', REMIND, '答复期限 11月16日（周一），还剩 3 个工作日')).toHaveLength(1)
    expect(await urges('HP-2026-0001')).toEqual(['yellow', 'yellow'])
  })

  test('a registration waiting for its transfer is reminded too; overdue ones stand in the same daily message, one line each', async () => {
    h = await Harness.start({ now: '2026-11-02T10:00:00+08:00' })
    await h.say('张明华', '/登记 王大爷 13812345678 和平里3号楼 楼道灯坏了半个月', HP)
    // Transfer due within 5 working days: 11-09. Down from 11-02 to 11-10: past due, in the overdue part.
    h.clock.set(at('2026-11-10T10:00:00+08:00'))
    await h.restart()
    const [late] = privateTo('demo-c01', REMIND)
    expect(late).toBe(
      '【到期提醒】11月10日（周二）\n' + '已超期 1 件（超期最久的在前）：\n' + '· HP-2026-0001（和平里工作室）王大爷：待转办（转办期限 11月9日（周一）），已超期 1 个工作日\n' + '发送 /待办 查看本工作室全部未结问题。',
    )
    await h.say('张明华', '/登记 李奶奶 13912345678 垃圾清运不及时', HP)
    // Registered 11-10, transfer due 11-17: reminded on 11-12, in that day's one message with the overdue one.
    await h.advanceTo('2026-11-11T09:00:00+08:00')
    await h.advanceTo('2026-11-11T15:00:00+08:00')
    await h.advanceTo('2026-11-12T09:00:00+08:00')
    const days = privateTo('demo-c01', REMIND)
    expect(days).toHaveLength(3) // 11-10, 11-11, 11-12: one a day
    const r = days[2]
    expect(r).toContain('即将到期 1 件：\nHP-2026-0002（和平里工作室）李奶奶：垃圾清运不及时')
    expect(r).toContain('转办期限 11月17日（周二），还剩 3 个工作日。请尽快转办：/转办 HP-2026-0002 <承办单位>')
    expect(r).toContain('· HP-2026-0001（和平里工作室）王大爷：待转办（转办期限 11月9日（周一）），已超期 3 个工作日')
    expect(days[1]).not.toContain('HP-2026-0002')
  })

  test('a backlog is one message per coordinator a day, not one per issue', async () => {
    h = await Harness.start({ now: '2026-11-02T10:00:00+08:00' })
    for (let i = 0; i < 30; i++) await h.say('张明华', `/登记 王大爷 13812345678 楼道灯坏了第${i + 1}处`, HP)
    h.clock.set(at('2026-11-20T10:00:00+08:00'))
    await h.restart()
    const msgs = privateTo('demo-c01', REMIND)
    expect(msgs).toHaveLength(1)
    expect(msgs[0]).toContain('已超期 30 件')
    expect(msgs[0]).toContain('……另有 20 件。')
    await h.restart()
    expect(privateTo('demo-c01', REMIND)).toHaveLength(1)
  })
})
